import { ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsCalendarDate } from '../../common/dates.js';
import { OutcomeReportQuery } from './outcome-report.query.js';

/** The outcome report's filters, and the admission period (the ward's calendar). */
export class ServiceReportQuery extends PickType(OutcomeReportQuery, [
  'dischargedFrom',
  'dischargedTo',
  'indication',
  'ward',
  'drug',
] as const) {
  @ApiPropertyOptional({
    format: 'date',
    description: "First admission day (the ward's calendar), inclusive.",
  })
  @IsOptional()
  @IsCalendarDate()
  admittedFrom?: string;

  @ApiPropertyOptional({
    format: 'date',
    description: "Last admission day (the ward's calendar), inclusive.",
  })
  @IsOptional()
  @IsCalendarDate()
  admittedTo?: string;
}
