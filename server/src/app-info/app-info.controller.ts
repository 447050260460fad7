import { Controller, Get, Inject } from '@nestjs/common';
import { Public } from '../auth/auth.decorators.js';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/app-config.js';
import { AppInfoResponse } from './app-info.response.js';
import { APP_VERSION } from './app-version.js';

@ApiTags('app-info')
@Controller('app-info')
@Public()
export class AppInfoController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Get()
  @ApiOkResponse({ type: AppInfoResponse })
  get(): AppInfoResponse {
    return {
      name: 'infusion-tracker',
      version: APP_VERSION,
      wardName: this.config.wardName,
      wardTimeZone: this.config.wardTimeZone,
      demoMode: this.config.demoMode,
      idleTimeoutSeconds: this.config.idleTimeoutMinutes * 60,
    };
  }
}
