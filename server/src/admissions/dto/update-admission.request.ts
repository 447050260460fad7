import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { IsCalendarDate } from '../../common/dates.js';
import { VersionedRequest } from './admission-commands.request.js';

/** Corrections to the admission's own details; the clinical record (orders, events) has its own commands. */
export class UpdateAdmissionRequest extends VersionedRequest {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(60) ward?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(20) bed?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 28 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(28)
  plannedDays?: number;

  @ApiPropertyOptional({ description: 'kg as entered, one decimal; give weightMeasuredOn with it.' })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 1, allowNaN: false, allowInfinity: false })
  @Min(2)
  @Max(400)
  weightKg?: number;

  @ApiPropertyOptional({ format: 'date' })
  @ValidateIf(
    (request: UpdateAdmissionRequest) =>
      request.weightKg !== undefined || request.weightMeasuredOn !== undefined,
  )
  @IsCalendarDate({
    message:
      'weightMeasuredOn must be a real date, YYYY-MM-DD, between 1900 and 2100, when a weight is given',
  })
  weightMeasuredOn?: string;

  @ApiPropertyOptional({ description: 'true records consent as obtained, by the caller, now.' })
  @IsOptional()
  @IsBoolean()
  consentObtained?: boolean;
}
