import { ApiProperty } from '@nestjs/swagger';
import {
  PHONE_LABELS,
  PREFERRED_CONTACT_METHODS,
  SEXES,
  type Patient,
  type PhoneLabel,
  type PreferredContactMethod,
  type Sex,
} from '../patient.entity.js';
import type { Role } from '../../auth/roles.js';

export class PhoneNumberResponse {
  @ApiProperty({ enum: PHONE_LABELS }) label: PhoneLabel;
  @ApiProperty() number: string;
}

export class PatientContactResponse {
  @ApiProperty({ type: PhoneNumberResponse, isArray: true }) phoneNumbers: PhoneNumberResponse[];
  @ApiProperty({ enum: PREFERRED_CONTACT_METHODS, nullable: true })
  preferredMethod: PreferredContactMethod | null;
}

/** Contact details are for the clinical roles only; auditors and admins never see them. */
export function maySeeContact(roles: readonly Role[]): boolean {
  return roles.includes('nurse') || roles.includes('prescriber');
}

export function toPatientContact(patient: Patient): PatientContactResponse {
  return {
    phoneNumbers: patient.phoneNumbers.map((phone) => ({ label: phone.label, number: phone.number })),
    preferredMethod: patient.preferredContactMethod,
  };
}

export class PatientResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() mrn: string;
  @ApiProperty() familyName: string;
  @ApiProperty() givenName: string;
  @ApiProperty({ format: 'date' }) dateOfBirth: string;
  @ApiProperty({ enum: SEXES }) sex: Sex;
  @ApiProperty({
    type: PatientContactResponse,
    nullable: true,
    description: 'null for roles that may not see contact details (auditor, admin).',
  })
  contact: PatientContactResponse | null;
}

export class PatientListResponse {
  @ApiProperty({ type: PatientResponse, isArray: true }) items: PatientResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

/**
 * Every route that answers with a patient today is for clinical roles only, so contact details are
 * shown unless the caller says otherwise.
 */
export function toPatientResponse(
  patient: Patient,
  options: { contact: boolean } = { contact: true },
): PatientResponse {
  return {
    id: patient.id,
    mrn: patient.mrn,
    familyName: patient.familyName,
    givenName: patient.givenName,
    dateOfBirth: patient.dateOfBirth,
    sex: patient.sex,
    contact: options.contact ? toPatientContact(patient) : null,
  };
}
