import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
  IsArray,
} from 'class-validator';
import { EARLIEST_YEAR, IsCalendarDate, IsInstant, LATEST_YEAR } from '../../common/dates.js';
import {
  ATTEMPT_RESULTS,
  CONTACT_METHODS,
  INDICATIONS,
  TERMINAL_EVENT_KINDS,
  type AttemptResult,
  type ContactMethod,
  type Indication,
  type TerminalEventKind,
} from '@infusion-tracker/clinical';
import {
  ADVERSE_EFFECT_GRADES,
  OUTCOME_METHODS,
  type AdverseEffectGrade,
  type OutcomeMethod,
} from '../follow-up-outcome.entity.js';

const dateMessage = (field: string) => ({
  message: `${field} must be a real date, YYYY-MM-DD, between ${EARLIEST_YEAR} and ${LATEST_YEAR}`,
});

export class ReasonRequest {
  @ApiProperty({ example: 'Patient asked to be called after surgery' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason: string;
}

export class ExtraFollowUpRequest extends ReasonRequest {
  @ApiProperty({ format: 'date', description: 'Local date in the ward time zone; not before discharge.' })
  @IsCalendarDate(dateMessage('dueOn'))
  dueOn: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 28, default: 3, description: 'Days either side of dueOn.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(28)
  windowDays?: number;
}

export class AttemptRequest {
  @ApiProperty({ enum: CONTACT_METHODS })
  @IsIn(CONTACT_METHODS)
  method: ContactMethod;

  @ApiProperty({
    format: 'date-time',
    description: 'When it was tried; not in the future, not before discharge.',
  })
  @IsInstant()
  at: string;

  @ApiProperty({ enum: ATTEMPT_RESULTS })
  @IsIn(ATTEMPT_RESULTS)
  result: AttemptResult;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class InstrumentAnswersRequest {
  @ApiProperty({ example: 'bpi-interference', description: 'An instrument of GET /instruments.' })
  @IsString()
  @MaxLength(40)
  code: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer', nullable: true },
    description: 'Answer by item key; null for an item not answered.',
  })
  @IsObject()
  answers: Record<string, number | null>;
}

export class OutcomeRequest {
  @ApiProperty({
    format: 'date',
    description: 'Not before the discharge date, not in the future (ward time zone).',
  })
  @IsCalendarDate(dateMessage('assessedOn'))
  assessedOn: string;

  @ApiProperty({ enum: OUTCOME_METHODS })
  @IsIn(OUTCOME_METHODS)
  method: OutcomeMethod;

  @ApiProperty({ minimum: 0, maximum: 10, description: 'Pain now, NRS.' })
  @IsInt()
  @Min(0)
  @Max(10)
  painNow: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 10, description: 'Worst pain in the last week, NRS.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10)
  painWorstWeek?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 7, description: 'PGIC, the wording GET /instruments gives.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(7)
  pgic?: number;

  @ApiProperty({ description: 'Is the benefit of the infusion still there?' })
  @IsBoolean()
  benefitOngoing: boolean;

  @ApiPropertyOptional({
    description: 'With benefitOngoing true after an earlier follow-up said benefit ended: it came back.',
  })
  @IsOptional()
  @IsBoolean()
  benefitReturned?: boolean;

  @ApiPropertyOptional({
    format: 'date',
    description: 'Required when benefitOngoing is false; not before discharge, not after assessedOn.',
  })
  @IsOptional()
  @IsCalendarDate(dateMessage('benefitEndedOn'))
  benefitEndedOn?: string;

  @ApiPropertyOptional({ description: 'The patient is unsure of the exact day.' })
  @IsOptional()
  @IsBoolean()
  benefitEndedOnApproximate?: boolean;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  medicationChanges?: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  adverseEffects?: string;

  @ApiPropertyOptional({ enum: ADVERSE_EFFECT_GRADES })
  @IsOptional()
  @IsIn(ADVERSE_EFFECT_GRADES)
  adverseEffectsGrade?: AdverseEffectGrade;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  readmissionPlanned?: boolean;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;

  @ApiPropertyOptional({ type: InstrumentAnswersRequest, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => InstrumentAnswersRequest)
  instruments?: InstrumentAnswersRequest[];
}

export class TerminalEventRequest extends ReasonRequest {
  @ApiProperty({
    enum: TERMINAL_EVENT_KINDS,
    description: 'lost to follow-up, died, withdrew consent, readmitted for another infusion.',
  })
  @IsIn(TERMINAL_EVENT_KINDS)
  kind: TerminalEventKind;

  @ApiProperty({ format: 'date', description: 'Not before the discharge date, not in the future.' })
  @IsCalendarDate(dateMessage('on'))
  on: string;
}

export class ScheduleItemRequest {
  @ApiProperty({ minimum: 1, maximum: 104 })
  @IsInt()
  @Min(1)
  @Max(104)
  weeks: number;

  @ApiProperty({ minimum: 0, maximum: 28 })
  @IsInt()
  @Min(0)
  @Max(28)
  windowDays: number;
}

export class ScheduleRequest {
  @ApiProperty({
    type: ScheduleItemRequest,
    isArray: true,
    description: '1-20 items, weeks strictly increasing.',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ScheduleItemRequest)
  items: ScheduleItemRequest[];

  @ApiProperty({ minimum: 1, maximum: 10 })
  @IsInt()
  @Min(1)
  @Max(10)
  failedAttemptLimit: number;
}

/** Which entries of the worklist to send: every one, or those with something to do today. */
export const WORKLIST_SHOWS = ['all', 'to-do'] as const;
export type WorklistShow = (typeof WORKLIST_SHOWS)[number];

export class WorklistQuery {
  @ApiPropertyOptional({
    enum: WORKLIST_SHOWS,
    default: 'all',
    description:
      "to-do: only the admissions with a follow-up overdue, due or missed (the day's calls); the " +
      'admissions whose follow-ups are all upcoming are then counted (upcomingAdmissions), not listed.',
  })
  @IsOptional()
  @IsIn(WORKLIST_SHOWS)
  show?: WorklistShow;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) ward?: string;
  @ApiPropertyOptional({ enum: INDICATIONS }) @IsOptional() @IsIn(INDICATIONS) indication?: Indication;
  @ApiPropertyOptional({ format: 'uuid', description: 'The admitting prescriber.' })
  @IsOptional()
  @IsUUID()
  clinicianId?: string;
}
