import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsPositive,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsInstant } from '../../common/dates.js';
import { VersionedRequest } from '../../admissions/dto/admission-commands.request.js';
import { RATE_UNITS, ROUTES, type RateUnit, type Route } from '../rate-units.js';

const VALUE = { maxDecimalPlaces: 4, allowNaN: false, allowInfinity: false } as const;
const VALUE_MESSAGE = { message: '$property must be a number with at most 4 decimal places' };

export class RateValue {
  @ApiProperty({ example: 0.15 }) @IsNumber(VALUE, VALUE_MESSAGE) @IsPositive() @Max(10000) value: number;
  @ApiProperty({ enum: RATE_UNITS }) @IsIn(RATE_UNITS) unit: RateUnit;
}

export class ConcentrationValue {
  @ApiProperty({ example: 2 }) @IsNumber(VALUE, VALUE_MESSAGE) @IsPositive() @Max(10000) value: number;
  @ApiProperty({ example: 'mg/mL', description: 'As written, e.g. mg/mL, mcg/mL.' })
  @IsString()
  @MinLength(1)
  @MaxLength(20)
  unit: string;
}

/** A prescriber's rate order, exactly as written. Nothing here is ever calculated or converted. */
export class CreateInfusionOrderRequest extends VersionedRequest {
  @ApiProperty({ example: 'ketamine' }) @IsString() @MinLength(1) @MaxLength(100) drug: string;

  @ApiProperty({ enum: ROUTES }) @IsIn(ROUTES) route: Route;

  @ApiProperty({ type: ConcentrationValue })
  @IsDefined()
  @ValidateNested()
  @Type(() => ConcentrationValue)
  concentration: ConcentrationValue;

  @ApiProperty({ type: RateValue }) @IsDefined() @ValidateNested() @Type(() => RateValue) rate: RateValue;

  @ApiPropertyOptional({ type: RateValue, description: 'The most the rate may be titrated to.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => RateValue)
  maxRate?: RateValue;

  @ApiPropertyOptional({ type: RateValue, description: 'The planned step between changes.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => RateValue)
  increment?: RateValue;

  @ApiPropertyOptional({ description: 'Least time between changes, minutes.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(24 * 60)
  minMinutesBetweenChanges?: number;

  @ApiPropertyOptional({ description: 'Clinical end points or stop criteria, as written.' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  endPoints?: string;

  @ApiProperty({ description: 'When the order takes effect; never in the future.' })
  @IsInstant()
  effectiveFrom: string;

  @ApiProperty({ example: 'Starting dose' }) @IsString() @MinLength(1) @MaxLength(500) reason: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) note?: string;

  @ApiPropertyOptional({ description: 'Why the rate may exceed the maximum set in the current order.' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  overMaxReason?: string;
}

export class EnteredInErrorRequest extends VersionedRequest {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(500) reason: string;
}
