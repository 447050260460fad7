import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { AdmissionsController } from './admissions.controller.js';
import { AdmissionsService } from './admissions.service.js';

@Module({ imports: [AuditModule], controllers: [AdmissionsController], providers: [AdmissionsService] })
export class AdmissionsModule {}
