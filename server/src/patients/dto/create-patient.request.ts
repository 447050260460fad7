import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { IsCalendarDate } from '../../common/dates.js';
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
  @IsCalendarDate()
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
