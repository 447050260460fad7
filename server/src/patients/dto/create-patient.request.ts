import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { PatientContactRequest } from './patient-contact.request.js';
import { SEXES, type Sex } from '../patient.entity.js';

export class CreatePatientRequest {
  @ApiProperty({ example: 'MRN-004211', description: '3-20 letters, digits or dashes; unique.' })
  @IsString()
  @Matches(/^[A-Za-z0-9-]{3,20}$/, { message: 'mrn must be 3-20 letters, digits or dashes' })
  mrn: string;

  @ApiProperty({ example: 'Nguyen' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  familyName: string;

  @ApiProperty({ example: 'Thi Mai' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  givenName: string;

  @ApiProperty({ example: '1975-04-30', format: 'date' })
  @IsISO8601({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'dateOfBirth must be a date, YYYY-MM-DD' })
  dateOfBirth: string;

  @ApiProperty({ enum: SEXES })
  @IsIn(SEXES)
  sex: Sex;

  @ApiPropertyOptional({
    type: PatientContactRequest,
    description: 'Phone numbers and preferred contact method.',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => PatientContactRequest)
  contact?: PatientContactRequest;
}
