import { OmitType } from '@nestjs/swagger';
import { OutcomeRequest } from '../follow-ups/dto/follow-up.requests.js';

/**
 * What a patient may answer through a link: the clinician's outcome request without the fields the
 * service sets (assessedOn, method), and without those a patient is not asked (benefitReturned is
 * derived from the record, medication changes, readmission plans and questionnaires stay with the
 * clinician). OmitType keeps the outcome's own class-validator rules, so both are validated alike.
 */
export class PatientAnswersRequest extends OmitType(OutcomeRequest, [
  'assessedOn',
  'method',
  'benefitReturned',
  'medicationChanges',
  'readmissionPlanned',
  'instruments',
] as const) {}

/** The answers as stored with the response: exactly what the patient sent, validated. */
export type PatientAnswers = { [K in keyof PatientAnswersRequest]: PatientAnswersRequest[K] };
