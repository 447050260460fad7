import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Readable } from 'node:stream';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import type { SignedInUser } from '../auth/signed-in-user.js';
import { OutcomeReportTableQuery, ServiceReportTableQuery } from './dto/report-table.query.js';
import { ReportTableExportsService } from './report-table-exports.service.js';

@ApiTags('reports')
@Controller('exports')
@Roles('auditor', 'prescriber', 'admin')
export class ReportTableExportsController {
  constructor(private readonly exports: ReportTableExportsService) {}

  /** One table of the outcome report as CSV, with the report's filters. */
  @Get('outcome-report.csv')
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'RFC 4180 CSV of one table of the outcome report (aggregates only).' })
  async outcomeTable(
    @Query() query: OutcomeReportTableQuery,
    @CurrentUser() user: SignedInUser,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const { table, ...options } = query;
    send(reply, `outcome-report-${table}.csv`, await this.exports.outcomeTable(user, table, options));
  }

  /** One table of the service report as CSV, with the report's filters. */
  @Get('service-report.csv')
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'RFC 4180 CSV of one table of the service report (aggregates only).' })
  async serviceTable(
    @Query() query: ServiceReportTableQuery,
    @CurrentUser() user: SignedInUser,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const { table, ...filter } = query;
    send(reply, `service-report-${table}.csv`, await this.exports.serviceTable(user, table, filter));
  }
}

function send(reply: FastifyReply, filename: string, lines: AsyncGenerator<string>): void {
  void reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${filename}"`)
    .header('cache-control', 'no-store')
    .send(Readable.from(lines));
}
