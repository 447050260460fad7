import { ApiProperty } from '@nestjs/swagger';
import {
  ATTEMPT_RESULTS,
  CONTACT_METHODS,
  DRUGS,
  FOLLOW_UP_STATUSES,
  INDICATIONS,
  TERMINAL_EVENT_KINDS,
  type AttemptResult,
  type ContactMethod,
  type Drug,
  type FollowUpStatus,
  type Indication,
  type TerminalEventKind,
} from '@infusion-tracker/clinical';
import { StaffName } from '../../admissions/dto/admission.response.js';
import { PatientContactResponse } from '../../patients/dto/patient.response.js';
import {
  ADVERSE_EFFECT_GRADES,
  OUTCOME_METHODS,
  type AdverseEffectGrade,
  type OutcomeMethod,
} from '../follow-up-outcome.entity.js';
// Patient-reported follow-ups (issue 13)
import { PatientLinkState } from '../../patient-links/dto/patient-link-state.response.js';

export class StaffEnteredInErrorResponse {
  @ApiProperty({ type: StaffName }) by: StaffName;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty() reason: string;
}

export class InstrumentAnswersResponse {
  @ApiProperty() code: string;
  @ApiProperty({ description: 'The version of the definition answered.' }) version: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer', nullable: true } })
  answers: Record<string, number | null>;
  @ApiProperty({ type: Number, nullable: true, description: 'Mean of the answered items.' })
  score: number | null;
  @ApiProperty({ description: 'Enough items answered for the score to count.' }) valid: boolean;
}

export class FollowUpOutcomeResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) followUpId: string;
  @ApiProperty({ format: 'date' }) assessedOn: string;
  @ApiProperty({ enum: OUTCOME_METHODS }) method: OutcomeMethod;
  @ApiProperty() painNow: number;
  @ApiProperty({ type: Number, nullable: true }) painWorstWeek: number | null;
  @ApiProperty({ type: Number, nullable: true }) pgic: number | null;
  @ApiProperty({ type: String, nullable: true }) pgicWording: string | null;
  @ApiProperty() benefitOngoing: boolean;
  @ApiProperty({ type: Boolean, nullable: true }) benefitReturned: boolean | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) benefitEndedOn: string | null;
  @ApiProperty() benefitEndedOnApproximate: boolean;
  @ApiProperty({ type: String, nullable: true }) medicationChanges: string | null;
  @ApiProperty({ type: String, nullable: true }) adverseEffects: string | null;
  @ApiProperty({ enum: ADVERSE_EFFECT_GRADES, nullable: true })
  adverseEffectsGrade: AdverseEffectGrade | null;
  @ApiProperty({ type: Boolean, nullable: true }) readmissionPlanned: boolean | null;
  @ApiProperty({ type: String, nullable: true }) comment: string | null;
  @ApiProperty({ type: InstrumentAnswersResponse, isArray: true }) instruments: InstrumentAnswersResponse[];
  @ApiProperty({ type: StaffName }) recordedBy: StaffName;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
  @ApiProperty({ type: StaffEnteredInErrorResponse, nullable: true })
  enteredInError: StaffEnteredInErrorResponse | null;
}

export class FollowUpAttemptResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: CONTACT_METHODS }) method: ContactMethod;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ enum: ATTEMPT_RESULTS }) result: AttemptResult;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty({ type: StaffName }) recordedBy: StaffName;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
}

export class FollowUpCancellationResponse {
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ type: StaffName }) by: StaffName;
  @ApiProperty() reason: string;
}

export class FollowUpResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) admissionId: string;
  @ApiProperty({ enum: ['scheduled', 'extra'] }) kind: 'scheduled' | 'extra';
  @ApiProperty({ type: Number, nullable: true }) weeks: number | null;
  @ApiProperty({ example: 'Week 4' }) label: string;
  @ApiProperty({ format: 'date' }) dueOn: string;
  @ApiProperty({ format: 'date' }) windowStart: string;
  @ApiProperty({ format: 'date' }) windowEnd: string;
  @ApiProperty({ enum: FOLLOW_UP_STATUSES, description: "On today's date in the ward time zone." })
  status: FollowUpStatus;
  @ApiProperty({ type: String, nullable: true, description: 'Why an extra follow-up was added.' })
  reason: string | null;
  @ApiProperty({ type: FollowUpCancellationResponse, nullable: true })
  cancellation: FollowUpCancellationResponse | null;
  @ApiProperty({ type: FollowUpAttemptResponse, isArray: true, description: 'Oldest first.' })
  attempts: FollowUpAttemptResponse[];
  @ApiProperty() failedAttempts: number;
  @ApiProperty({ description: 'Failed attempts after which this follow-up is missed.' })
  failedAttemptLimit: number;
  @ApiProperty({ type: FollowUpOutcomeResponse, nullable: true, description: 'The current outcome.' })
  outcome: FollowUpOutcomeResponse | null;
  @ApiProperty({ type: FollowUpOutcomeResponse, isArray: true })
  outcomesEnteredInError: FollowUpOutcomeResponse[];
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The cancelled follow-up this one reopens (its terminal event was entered in error).',
  })
  reopens: string | null;
  // Patient-reported follow-ups (issue 13)
  @ApiProperty({ type: PatientLinkState, nullable: true, description: 'The latest link for the patient.' })
  patientLink: PatientLinkState | null;
}

export class TerminalEventResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: TERMINAL_EVENT_KINDS }) kind: TerminalEventKind;
  @ApiProperty({ format: 'date' }) on: string;
  @ApiProperty() reason: string;
  @ApiProperty({ type: StaffName }) recordedBy: StaffName;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
  @ApiProperty({ type: StaffEnteredInErrorResponse, nullable: true })
  enteredInError: StaffEnteredInErrorResponse | null;
}

export class AdmissionFollowUpsResponse {
  @ApiProperty({ format: 'uuid' }) admissionId: string;
  @ApiProperty() baselinePain: number;
  @ApiProperty({ type: Number, nullable: true }) painAtDischarge: number | null;
  @ApiProperty({ type: Number, nullable: true }) pgicAtDischarge: number | null;
  @ApiProperty({ type: String, nullable: true, format: 'date', description: 'Local date of discharge.' })
  dischargedOn: string | null;
  @ApiProperty({ format: 'date', description: "Today's date in the ward time zone." }) today: string;
  @ApiProperty({ type: FollowUpResponse, isArray: true, description: 'By due date.' })
  items: FollowUpResponse[];
  @ApiProperty({ type: TerminalEventResponse, nullable: true }) terminalEvent: TerminalEventResponse | null;
  @ApiProperty({ type: TerminalEventResponse, isArray: true, description: 'Oldest first.' })
  terminalEventsEnteredInError: TerminalEventResponse[];
}

export class WorklistPatient {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() mrn: string;
  @ApiProperty() familyName: string;
  @ApiProperty() givenName: string;
  @ApiProperty({ format: 'date' }) dateOfBirth: string;
  @ApiProperty({ type: PatientContactResponse, nullable: true }) contact: PatientContactResponse | null;
}

export class WorklistAdmission {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() ward: string;
  @ApiProperty({ enum: INDICATIONS }) indication: Indication;
  @ApiProperty({ type: String, nullable: true }) indicationOther: string | null;
  @ApiProperty({ enum: DRUGS }) drug: Drug;
  @ApiProperty({ type: String, nullable: true }) drugOther: string | null;
  @ApiProperty({ format: 'date-time' }) admittedAt: string;
  @ApiProperty({ format: 'date-time' }) dischargedAt: string;
  @ApiProperty({ type: StaffName, description: 'The admitting prescriber.' }) clinician: StaffName;
}

export const WORKLIST_SECTIONS = ['overdue', 'due', 'missed', 'upcoming'] as const;
export type WorklistSection = (typeof WORKLIST_SECTIONS)[number];

export class WorklistFollowUp {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() label: string;
  @ApiProperty({ type: Number, nullable: true }) weeks: number | null;
  @ApiProperty({ format: 'date' }) dueOn: string;
  @ApiProperty({ format: 'date' }) windowStart: string;
  @ApiProperty({ format: 'date' }) windowEnd: string;
  @ApiProperty({ enum: FOLLOW_UP_STATUSES }) status: FollowUpStatus;
  @ApiProperty() attemptCount: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastAttemptAt: string | null;
  @ApiProperty({ enum: ATTEMPT_RESULTS, nullable: true }) lastAttemptResult: AttemptResult | null;
  // Patient-reported follow-ups (issue 13)
  @ApiProperty({ type: PatientLinkState, nullable: true, description: 'The latest link for the patient.' })
  patientLink: PatientLinkState | null;
}

export class WorklistItem {
  @ApiProperty({ enum: WORKLIST_SECTIONS, description: 'The most urgent section of its follow-ups.' })
  section: WorklistSection;
  @ApiProperty({ type: WorklistPatient }) patient: WorklistPatient;
  @ApiProperty({ type: WorklistAdmission }) admission: WorklistAdmission;
  @ApiProperty({ type: WorklistFollowUp, isArray: true }) followUps: WorklistFollowUp[];
}

export class WorklistResponse {
  @ApiProperty({ format: 'date' }) today: string;
  @ApiProperty({ type: WorklistItem, isArray: true }) items: WorklistItem[];
  @ApiProperty({
    description:
      'The admissions whose follow-ups are all upcoming this week, whether listed (show=all) or not (show=to-do).',
  })
  upcomingAdmissions: number;
}

export class ScheduleItemResponse {
  @ApiProperty() weeks: number;
  @ApiProperty() windowDays: number;
}

export class FollowUpScheduleResponse {
  @ApiProperty() version: number;
  @ApiProperty({ type: ScheduleItemResponse, isArray: true }) items: ScheduleItemResponse[];
  @ApiProperty() failedAttemptLimit: number;
  @ApiProperty({ format: 'date-time' }) changedAt: string;
  @ApiProperty({ type: StaffName, nullable: true, description: 'null for the default the app ships.' })
  changedBy: StaffName | null;
}

export class InstrumentItemResponse {
  @ApiProperty() key: string;
  @ApiProperty() text: string;
}

export class InstrumentScaleLabel {
  @ApiProperty() value: number;
  @ApiProperty() text: string;
}

export class InstrumentScaleResponse {
  @ApiProperty() min: number;
  @ApiProperty() max: number;
  @ApiProperty() minAnchor: string;
  @ApiProperty() maxAnchor: string;
  @ApiProperty({ type: InstrumentScaleLabel, isArray: true, required: false })
  labels?: InstrumentScaleLabel[];
}

export class InstrumentScoringResponse {
  @ApiProperty({ enum: ['mean'] }) rule: 'mean';
  @ApiProperty() minAnswered: number;
}

export class InstrumentResponse {
  @ApiProperty() code: string;
  @ApiProperty() version: string;
  @ApiProperty() title: string;
  @ApiProperty({ description: 'Example text, not the licensed instrument.' }) placeholder: boolean;
  @ApiProperty() recall: string;
  @ApiProperty({ type: InstrumentItemResponse, isArray: true }) items: InstrumentItemResponse[];
  @ApiProperty({ type: InstrumentScaleResponse }) scale: InstrumentScaleResponse;
  @ApiProperty({ type: InstrumentScoringResponse }) scoring: InstrumentScoringResponse;
}
