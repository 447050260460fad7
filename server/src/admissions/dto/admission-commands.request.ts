import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { IsInstant } from '../../common/dates.js';

/** Every write to an admission names the version it was based on; a stale one is refused with 409. */
export class VersionedRequest {
  @ApiProperty({ description: 'The admission version this change is based on.' })
  @IsInt()
  @Min(1)
  version: number;
}

export class DischargeRequest extends VersionedRequest {
  @ApiProperty({ description: 'Short discharge summary.' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  summary: string;

  @ApiPropertyOptional({ description: 'Defaults to now; never in the future.' })
  @IsOptional()
  @IsInstant()
  dischargedAt?: string;

  @ApiPropertyOptional({ description: 'Required when the infusion never started.' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason?: string;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 10,
    description: 'Pain now (NRS 0-10); required unless the infusion never started.',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10)
  painAtDischarge?: number;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: 7,
    description: "The patient's global impression of change (PGIC 1-7, the wording GET /instruments gives).",
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(7)
  pgicAtDischarge?: number;
}

export class CancelAdmissionRequest extends VersionedRequest {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(500) reason: string;
}
