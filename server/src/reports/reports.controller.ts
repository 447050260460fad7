import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators.js';
import { OutcomeReportQuery } from './dto/outcome-report.query.js';
import { OutcomeReportResponse } from './dto/outcome-report.response.js';
import { ReportsService } from './reports.service.js';

@ApiTags('reports')
@Controller('reports')
@Roles('auditor', 'prescriber', 'admin')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  /** How long benefit lasts and who responds: aggregate figures only, no patient is named. */
  @Get('outcomes')
  @ApiOkResponse({ type: OutcomeReportResponse })
  outcomes(@Query() query: OutcomeReportQuery): Promise<OutcomeReportResponse> {
    return this.reports.outcomes(query);
  }
}
