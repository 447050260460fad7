import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import type { SignedInUser } from '../auth/signed-in-user.js';
import { OutcomeDrillDownQuery, OutcomeDrillDownResponse } from './dto/outcome-drill-down.js';
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

  /** The admissions behind one number of the outcome report; names and MRNs hidden from auditors. */
  @Get('outcomes/admissions')
  @ApiOkResponse({ type: OutcomeDrillDownResponse })
  drillDown(
    @Query() query: OutcomeDrillDownQuery,
    @CurrentUser() user: SignedInUser,
  ): Promise<OutcomeDrillDownResponse> {
    const identified = user.roles.some((role) => role === 'prescriber' || role === 'admin');
    return this.reports.drillDown(user, identified, query);
  }
}
