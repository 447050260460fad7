import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators.js';
import { ServiceReportQuery } from './dto/service-report.query.js';
import { ServiceReportResponse } from './dto/service-report.response.js';
import { ServiceReportService } from './service-report.service.js';

@ApiTags('reports')
@Controller('reports')
@Roles('auditor', 'prescriber', 'admin')
export class ServiceReportController {
  constructor(private readonly serviceReport: ServiceReportService) {}

  /** How the service runs: stays, pauses, side effects, safety signals, timeliness, follow-up. */
  @Get('service')
  @ApiOkResponse({ type: ServiceReportResponse })
  service(@Query() query: ServiceReportQuery): Promise<ServiceReportResponse> {
    return this.serviceReport.report(query);
  }
}
