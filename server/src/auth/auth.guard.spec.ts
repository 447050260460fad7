import { Controller, Get, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { loadConfig } from '../config/app-config.js';
import { DomainError } from '../common/domain-error.js';
import { Public, Roles } from './auth.decorators.js';
import { AuthGuard } from './auth.guard.js';
import type { SessionsService } from './sessions.service.js';

@Controller('example')
class ExampleController {
  @Get('undeclared') undeclared() {}
  @Get('public') @Public() open() {}
  @Get('nurses') @Roles('nurse') nurses() {}
}

const activeNurse = {
  resolve: async () => ({
    state: 'active',
    tokenHash: 'hash',
    user: { id: 'u1', username: 'n', displayName: 'N', roles: ['nurse'], mustChangePassword: false },
  }),
} as unknown as SessionsService;

function contextFor(handler: keyof ExampleController): ExecutionContext {
  const request = { method: 'GET', headers: {}, cookies: { sid: 'token', 'XSRF-TOKEN': 'x' } };
  const reply = { setCookie: () => reply };
  return {
    getHandler: () => ExampleController.prototype[handler],
    getClass: () => ExampleController,
    switchToHttp: () => ({ getRequest: () => request, getResponse: () => reply }),
  } as unknown as ExecutionContext;
}

describe('AuthGuard', () => {
  const guard = new AuthGuard(new Reflector(), activeNurse, loadConfig({}, '/nowhere'));

  it('refuses an endpoint that declares no role, even to a signed-in user', async () => {
    await expect(guard.canActivate(contextFor('undeclared'))).rejects.toThrow(DomainError);
    await expect(guard.canActivate(contextFor('undeclared'))).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('lets anyone reach a public endpoint and a nurse reach a nurse endpoint', async () => {
    await expect(guard.canActivate(contextFor('open'))).resolves.toBe(true);
    await expect(guard.canActivate(contextFor('nurses'))).resolves.toBe(true);
  });
});
