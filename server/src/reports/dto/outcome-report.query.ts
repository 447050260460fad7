import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsCalendarDate } from '../../common/dates.js';
import { DRUGS, INDICATIONS, type Drug, type Indication } from '../../admissions/admission-status.js';
import {
  NON_RESPONDER_MODES,
  RESPONDER_THRESHOLDS,
  type NonResponderMode,
  type ResponderThreshold,
} from '../duration-of-benefit.js';

export const GROUP_BY = ['none', 'indication', 'ward', 'drug'] as const;
export type GroupBy = (typeof GROUP_BY)[number];

export class OutcomeReportQuery {
  @ApiPropertyOptional({
    format: 'date',
    description: "First discharge day (the ward's calendar), inclusive.",
  })
  @IsOptional()
  @IsCalendarDate()
  dischargedFrom?: string;

  @ApiPropertyOptional({
    format: 'date',
    description: "Last discharge day (the ward's calendar), inclusive.",
  })
  @IsOptional()
  @IsCalendarDate()
  dischargedTo?: string;

  @ApiPropertyOptional({ enum: INDICATIONS })
  @IsOptional()
  @IsIn(INDICATIONS)
  indication?: Indication;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(60)
  ward?: string;

  @ApiPropertyOptional({ enum: DRUGS })
  @IsOptional()
  @IsIn(DRUGS)
  drug?: Drug;

  @ApiPropertyOptional({ enum: GROUP_BY, default: 'none' })
  @IsOptional()
  @IsIn(GROUP_BY)
  groupBy?: GroupBy;

  @ApiPropertyOptional({
    enum: RESPONDER_THRESHOLDS,
    default: 30,
    description: 'Responder at discharge: pain reduced by at least this percentage from baseline.',
  })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value))
  @IsIn(RESPONDER_THRESHOLDS)
  threshold?: ResponderThreshold;

  @ApiPropertyOptional({
    enum: NON_RESPONDER_MODES,
    default: 'exclude',
    description: 'exclude: counted beside the curve; event-at-zero: the sensitivity view.',
  })
  @IsOptional()
  @IsIn(NON_RESPONDER_MODES)
  nonResponders?: NonResponderMode;
}
