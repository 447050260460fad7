import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { toUserResponse } from '../users/dto/user.response.js';
import { Public, SignedIn, CurrentUser } from './auth.decorators.js';
import { clearSessionCookie, setSessionCookies } from './auth-cookies.js';
import { AuthService } from './auth.service.js';
import { ChangePasswordRequest } from './dto/change-password.request.js';
import { SessionResponse } from './dto/session.response.js';
import { SignInRequest } from './dto/sign-in.request.js';
import { csrfTokenFor } from './session-tokens.js';
import type { SignedInUser } from './signed-in-user.js';
import { UsersService } from '../users/users.service.js';
import { originOf } from '../common/request-origin.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: SessionResponse })
  async login(
    @Body() body: SignInRequest,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SessionResponse> {
    const { user, token } = await this.auth.signIn(body.username, body.password, {
      ...originOf(request),
      userAgent: request.headers['user-agent'] ?? null,
    });
    setSessionCookies(reply, this.config, token, csrfTokenFor(this.config.sessionSecret, token));
    return { user: toUserResponse(user) };
  }

  @Post('logout')
  @SignedIn()
  @HttpCode(204)
  @ApiNoContentResponse()
  async logout(
    @CurrentUser() user: SignedInUser,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    await this.auth.signOut(user, user.sessionTokenHash);
    clearSessionCookie(reply, this.config);
  }

  @Get('me')
  @SignedIn()
  @ApiOkResponse({ type: SessionResponse })
  async me(@CurrentUser() user: SignedInUser): Promise<SessionResponse> {
    return { user: toUserResponse(await this.users.get(user.id)) };
  }

  @Post('change-password')
  @SignedIn()
  @HttpCode(204)
  @ApiNoContentResponse()
  async changePassword(
    @CurrentUser() user: SignedInUser,
    @Body() body: ChangePasswordRequest,
  ): Promise<void> {
    await this.auth.changePassword(user, body.currentPassword, body.newPassword);
  }
}
