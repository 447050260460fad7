import { DRUGS, INDICATIONS } from '@infusion-tracker/clinical';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { DRILL_DOWN_CELL } from '../drill-down.js';
import { OutcomeReportQuery } from './outcome-report.query.js';

export class OutcomeDrillDownQuery extends OutcomeReportQuery {
  @ApiProperty({
    description:
      'The number: discharged, responders, non-responders, response-unknown, on-curve, events, censored, lost, died, withdrew, readmitted; at-risk-<day>, events-by-<day>, censored-by-<day>; week-<weeks>-<done|missed|lost|cancelled|not-due|not-scheduled|responders30|responders50>.',
    example: 'week-4-responders30',
  })
  @Matches(DRILL_DOWN_CELL, { message: 'cell must name a number of the outcome report' })
  cell: string;

  @ApiPropertyOptional({ description: "With groupBy: the group's key (an indication, ward or drug)." })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  group?: string;
}

export class DrillDownPatientResponse {
  @ApiProperty() mrn: string;
  @ApiProperty({ example: 'NGUYEN, Thi Mai' }) name: string;
}

export class DrillDownAdmissionResponse {
  @ApiProperty({ format: 'uuid' }) admissionId: string;
  @ApiProperty({ description: 'The de-identified study id of the analysis data set.' }) studyId: string;
  @ApiProperty() ward: string;
  @ApiProperty({ enum: INDICATIONS }) indication: string;
  @ApiProperty({ enum: DRUGS }) drug: string;
  @ApiProperty({ format: 'date' }) admittedOn: string;
  @ApiProperty({ format: 'date' }) dischargedOn: string;
  @ApiProperty({
    type: DrillDownPatientResponse,
    nullable: true,
    description: 'Null for auditors: names and MRNs are hidden from them.',
  })
  patient: DrillDownPatientResponse | null;
}

export class OutcomeDrillDownResponse {
  @ApiProperty() cell: string;
  @ApiProperty({ type: String, nullable: true }) group: string | null;
  @ApiProperty({ description: 'Admissions behind the number (the number itself).' }) count: number;
  @ApiProperty({ description: 'Whether names and MRNs are shown (not for auditors).' }) identified: boolean;
  @ApiProperty({ description: 'The first 500 are listed.' }) truncated: boolean;
  @ApiProperty({ type: DrillDownAdmissionResponse, isArray: true }) items: DrillDownAdmissionResponse[];
}
