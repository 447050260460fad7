import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { OutcomeExportsController } from './outcome-exports.controller.js';
import { ReportsController } from './reports.controller.js';
import { ReportsService } from './reports.service.js';

@Module({
  imports: [AuditModule],
  controllers: [ReportsController, OutcomeExportsController],
  providers: [ReportsService],
})
export class ReportsModule {}
