import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsInt,
  MinLength,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { IsInstant } from '../../common/dates.js';

export class AuditEventQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  userId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  admissionId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: "Events about this patient's record or any of the patient's admissions.",
  })
  @IsOptional()
  @IsUUID()
  patientId?: string;

  @ApiPropertyOptional({
    example: 'observation-set',
    description: 'Events about one kind of record (with entityId: the history of one record).',
  })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9-]{0,49}$/, { message: 'entityType must be a record kind such as observation-set' })
  entityType?: string;

  @ApiPropertyOptional({ description: "The record's id, as the trail names it (entityId of an event)." })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  entityId?: string;

  @ApiPropertyOptional({
    example: 'auth.sign-in',
    description: 'Exact action, or a prefix ending in "." (e.g. "user.").',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  action?: string;

  @ApiPropertyOptional({ description: 'ISO 8601 date-time with offset; inclusive.' })
  @IsOptional()
  @IsInstant()
  from?: string;

  @ApiPropertyOptional({ description: 'ISO 8601 date-time with offset; exclusive.' })
  @IsOptional()
  @IsInstant()
  to?: string;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page.' })
  @IsOptional()
  @Matches(/^\d{1,18}$/, { message: 'cursor must be a nextCursor value from a previous page' })
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

export class AuditPatientSearchQuery {
  @ApiProperty({
    description: 'Start of an MRN, family name or given name ("Family, Given" narrows by both).',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  q: string;
}
