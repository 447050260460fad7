import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { OUTCOME_TABLES, SERVICE_TABLES, type OutcomeTable, type ServiceTable } from '../report-tables.js';
import { OutcomeReportQuery } from './outcome-report.query.js';
import { ServiceReportQuery } from './service-report.query.js';

export class OutcomeReportTableQuery extends OutcomeReportQuery {
  @ApiProperty({ enum: OUTCOME_TABLES, description: 'Which table of the outcome report.' })
  @IsIn(OUTCOME_TABLES)
  table: OutcomeTable;
}

export class ServiceReportTableQuery extends ServiceReportQuery {
  @ApiProperty({ enum: SERVICE_TABLES, description: 'Which table of the service report.' })
  @IsIn(SERVICE_TABLES)
  table: ServiceTable;
}
