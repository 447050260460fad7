import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { FollowUpsModule } from '../follow-ups/follow-ups.module.js';
import { PatientLinkLimiter } from './patient-link-limiter.js';
import { PatientLinksController } from './patient-links.controller.js';
import { PatientLinksService } from './patient-links.service.js';
import { PublicResponsesController } from './public-responses.controller.js';

@Module({
  imports: [AuditModule, FollowUpsModule],
  controllers: [PatientLinksController, PublicResponsesController],
  providers: [PatientLinksService, PatientLinkLimiter],
  exports: [PatientLinksService],
})
export class PatientLinksModule {}
