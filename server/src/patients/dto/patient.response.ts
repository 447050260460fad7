import { ApiProperty } from '@nestjs/swagger';
import { SEXES, type Patient, type Sex } from '../patient.entity.js';

export class PatientResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() mrn: string;
  @ApiProperty() familyName: string;
  @ApiProperty() givenName: string;
  @ApiProperty({ format: 'date' }) dateOfBirth: string;
  @ApiProperty({ enum: SEXES }) sex: Sex;
}

export class PatientListResponse {
  @ApiProperty({ type: PatientResponse, isArray: true }) items: PatientResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export function toPatientResponse(patient: Patient): PatientResponse {
  return {
    id: patient.id,
    mrn: patient.mrn,
    familyName: patient.familyName,
    givenName: patient.givenName,
    dateOfBirth: patient.dateOfBirth,
    sex: patient.sex,
  };
}
