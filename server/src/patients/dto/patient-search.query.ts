import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

export class PatientSearchQuery {
  @ApiPropertyOptional({
    description: 'Start of an MRN, family name or given name; case and accents do not matter.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}
