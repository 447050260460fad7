import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { IsInstant } from '../../common/dates.js';
import { VersionedRequest } from '../../admissions/dto/admission-commands.request.js';
import { INFUSION_EVENT_TYPES, type InfusionEventType } from '../rate-units.js';

export class CreateInfusionEventRequest extends VersionedRequest {
  @ApiProperty({ enum: INFUSION_EVENT_TYPES }) @IsIn(INFUSION_EVENT_TYPES) type: InfusionEventType;

  @ApiPropertyOptional({
    description: 'Defaults to now; may be earlier, never in the future or before admission.',
  })
  @IsOptional()
  @IsInstant()
  occurredAt?: string;

  @ApiPropertyOptional({
    description:
      'Required for a pause: over-sedation, hallucinations, hypertension, line problem, patient request...',
  })
  @ValidateIf(
    (request: CreateInfusionEventRequest) => request.type === 'pause' || request.reason !== undefined,
  )
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason?: string;
}
