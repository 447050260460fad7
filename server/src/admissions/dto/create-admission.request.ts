import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { IsCalendarDate, IsInstant } from '../../common/dates.js';
import { DRUGS, INDICATIONS, type Drug, type Indication } from '../admission-status.js';

export class CreateAdmissionRequest {
  @ApiProperty({ format: 'uuid' }) @IsUUID() patientId: string;

  @ApiProperty({ example: 'Pain Medicine Unit' }) @IsString() @MinLength(1) @MaxLength(60) ward: string;

  @ApiProperty({ example: '12B' }) @IsString() @MinLength(1) @MaxLength(20) bed: string;

  @ApiProperty({ enum: INDICATIONS }) @IsIn(INDICATIONS) indication: Indication;

  @ApiPropertyOptional({ description: 'Required when indication is other.' })
  @ValidateIf(
    (request: CreateAdmissionRequest) =>
      request.indication === 'other' || request.indicationOther !== undefined,
  )
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  indicationOther?: string;

  @ApiPropertyOptional({ enum: DRUGS, default: 'ketamine' }) @IsOptional() @IsIn(DRUGS) drug?: Drug;

  @ApiPropertyOptional({ description: 'Required when drug is other.' })
  @ValidateIf(
    (request: CreateAdmissionRequest) => request.drug === 'other' || request.drugOther !== undefined,
  )
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  drugOther?: string;

  @ApiPropertyOptional({ description: 'Defaults to now; may be earlier, never in the future.' })
  @IsOptional()
  @IsInstant()
  admittedAt?: string;

  @ApiPropertyOptional({ description: 'true: a planned admission (not yet on the ward).' })
  @IsOptional()
  @IsBoolean()
  planned?: boolean;

  @ApiProperty({ minimum: 1, maximum: 28 }) @IsInt() @Min(1) @Max(28) plannedDays: number;

  @ApiPropertyOptional({ description: 'kg as entered, one decimal.' })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 1, allowNaN: false, allowInfinity: false })
  @Min(2)
  @Max(400)
  weightKg?: number;

  @ApiPropertyOptional({ format: 'date' })
  @ValidateIf(
    (request: CreateAdmissionRequest) =>
      request.weightKg !== undefined || request.weightMeasuredOn !== undefined,
  )
  @IsCalendarDate({
    message:
      'weightMeasuredOn must be a real date, YYYY-MM-DD, between 1900 and 2100, when a weight is given',
  })
  weightMeasuredOn?: string;

  @ApiProperty({ minimum: 0, maximum: 10, description: 'Baseline pain, NRS 0-10.' })
  @IsInt()
  @Min(0)
  @Max(10)
  baselinePain: number;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 10,
    description: 'Baseline BPI interference (mean of 7 items).',
  })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 1, allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(10)
  baselineBpiInterference?: number;

  @ApiPropertyOptional({
    description: 'The prescriber confirms consent was obtained; recorded as by them, now.',
  })
  @IsOptional()
  @IsBoolean()
  consentObtained?: boolean;
}
