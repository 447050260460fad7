import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { FollowUpScheduleService } from './follow-up-schedule.service.js';
import { FollowUpsController } from './follow-ups.controller.js';
import { FollowUpsService } from './follow-ups.service.js';

@Module({
  imports: [AuditModule],
  controllers: [FollowUpsController],
  providers: [FollowUpsService, FollowUpScheduleService],
  // Patient-reported follow-ups (issue 13) check and record outcomes through it.
  exports: [FollowUpsService],
})
export class FollowUpsModule {}
