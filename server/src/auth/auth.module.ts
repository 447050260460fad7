import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuditModule } from '../audit/audit.module.js';
import { UsersModule } from '../users/users.module.js';
import { AuthController } from './auth.controller.js';
import { AuthGuard } from './auth.guard.js';
import { AuthService } from './auth.service.js';
import { SessionsModule } from './sessions.module.js';
import { SignInLimiter } from './sign-in-limiter.js';

@Module({
  imports: [SessionsModule, AuditModule, UsersModule],
  controllers: [AuthController],
  providers: [AuthService, SignInLimiter, { provide: APP_GUARD, useClass: AuthGuard }],
})
export class AuthModule {}
