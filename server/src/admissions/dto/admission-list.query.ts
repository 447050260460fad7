import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { ADMISSION_STATUSES, type AdmissionStatus } from '../admission-status.js';

export class AdmissionListQuery {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(60) ward?: string;

  @ApiPropertyOptional({
    description: 'Comma-separated statuses; default: every open status.',
    example: 'infusing,paused',
  })
  @IsOptional()
  @Transform(({ value }) =>
    typeof value === 'string' ? value.split(',').map((part: string) => part.trim()) : value,
  )
  @IsIn(ADMISSION_STATUSES, { each: true })
  status?: AdmissionStatus[];
}
