import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { OutcomeExportsController } from './outcome-exports.controller.js';
import { ReportTableExportsController } from './report-table-exports.controller.js';
import { ReportTableExportsService } from './report-table-exports.service.js';
import { ReportsController } from './reports.controller.js';
import { ReportsService } from './reports.service.js';
import { ServiceReportController } from './service-report.controller.js';
import { ServiceReportService } from './service-report.service.js';

@Module({
  imports: [AuditModule],
  controllers: [
    ReportsController,
    ServiceReportController,
    OutcomeExportsController,
    ReportTableExportsController,
  ],
  providers: [ReportsService, ServiceReportService, ReportTableExportsService],
})
export class ReportsModule {}
