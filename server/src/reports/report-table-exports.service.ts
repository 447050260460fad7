import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditTrail, type Actor } from '../audit/audit-trail.service.js';
import { csvLine } from '../common/csv.js';
import {
  outcomeTable,
  serviceTable,
  type OutcomeTable,
  type ReportTable,
  type ServiceTable,
} from './report-tables.js';
import { ReportsService, type OutcomeReportOptions } from './reports.service.js';
import { ServiceReportService } from './service-report.service.js';
import type { ServiceReportFilter } from './service-report.queries.js';

/**
 * Any table of either report as CSV: the same figures the page shows (aggregates only, nobody is
 * named), audited before the first line leaves, formula-injection safe (csvLine).
 */
@Injectable()
export class ReportTableExportsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
    private readonly outcomes: ReportsService,
    private readonly service: ServiceReportService,
  ) {}

  async outcomeTable(
    actor: Actor,
    table: OutcomeTable,
    options: OutcomeReportOptions,
  ): Promise<AsyncGenerator<string>> {
    const report = await this.outcomes.outcomes(options);
    await this.audited(actor, 'outcome', table, options);
    return lines(outcomeTable(report, table));
  }

  async serviceTable(
    actor: Actor,
    table: ServiceTable,
    filter: ServiceReportFilter,
  ): Promise<AsyncGenerator<string>> {
    const report = await this.service.report(filter);
    await this.audited(actor, 'service', table, filter);
    return lines(serviceTable(report, table));
  }

  private audited(actor: Actor, report: 'outcome' | 'service', table: string, filter: object): Promise<void> {
    return this.dataSource.transaction(async (manager) => {
      await this.audit.record(manager, {
        actor,
        action: `report.${report}-table-exported`,
        entityType: 'report',
        change: { table, filter },
      });
    });
  }
}

async function* lines(table: ReportTable): AsyncGenerator<string> {
  yield csvLine(table.header);
  for (const row of table.rows) yield csvLine(row);
}
