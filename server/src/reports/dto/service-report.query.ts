import { ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { OutcomeReportQuery } from './outcome-report.query.js';

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

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
  @Matches(ISO_DATE, { message: 'admittedFrom must be a date YYYY-MM-DD' })
  admittedFrom?: string;

  @ApiPropertyOptional({
    format: 'date',
    description: "Last admission day (the ward's calendar), inclusive.",
  })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'admittedTo must be a date YYYY-MM-DD' })
  admittedTo?: string;
}
