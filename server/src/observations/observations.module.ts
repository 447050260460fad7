import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { ObservationsController } from './observations.controller.js';
import { ObservationsService } from './observations.service.js';

@Module({ imports: [AuditModule], controllers: [ObservationsController], providers: [ObservationsService] })
export class ObservationsModule {}
