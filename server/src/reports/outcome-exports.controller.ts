import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Readable } from 'node:stream';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import type { SignedInUser } from '../auth/signed-in-user.js';
import { OutcomeReportQuery } from './dto/outcome-report.query.js';
import { ReportsService } from './reports.service.js';

@ApiTags('reports')
@Controller('exports')
@Roles('auditor', 'prescriber', 'admin')
export class OutcomeExportsController {
  constructor(private readonly reports: ReportsService) {}

  /**
   * The per-admission analysis data set of the outcome report, streamed: a de-identified study id, no
   * names, MRNs, dates of birth, phone numbers or calendar dates (days from admission instead).
   */
  @Get('outcome-analysis.csv')
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'RFC 4180 CSV, one row per discharged admission of the cohort.' })
  async exportCsv(
    @Query() query: OutcomeReportQuery,
    @CurrentUser() user: SignedInUser,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const lines = await this.reports.analysisDataSet(user, query);
    void reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="outcome-analysis.csv"')
      .header('cache-control', 'no-store')
      .send(Readable.from(lines));
  }
}
