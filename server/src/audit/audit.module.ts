import { Module } from '@nestjs/common';
import { AuditEventsController } from './audit-events.controller.js';
import { AuditEventsService } from './audit-events.service.js';
import { AuditTrail } from './audit-trail.service.js';

@Module({
  controllers: [AuditEventsController],
  providers: [AuditTrail, AuditEventsService],
  exports: [AuditTrail],
})
export class AuditModule {}
