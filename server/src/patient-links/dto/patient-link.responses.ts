import { ApiProperty } from '@nestjs/swagger';
import { StaffName } from '../../admissions/dto/admission.response.js';
import { PatientAnswersRequest } from '../patient-answers.js';

import {
  PATIENT_LINK_STATUSES,
  PATIENT_RESPONSE_REVIEWS,
  type PatientLinkStatus,
  type PatientResponseReviewState,
} from './patient-link-state.response.js';

export type { PatientLinkStatus } from './patient-link-state.response.js';

/** Given once, when the link is issued: the token is not stored and cannot be shown again. */
export class IssuedPatientLinkResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) followUpId: string;
  @ApiProperty({
    description: 'The one-time token; only its hash is stored, so this is the only time it is shown.',
  })
  token: string;
  @ApiProperty({ example: '/r/abcdefghijklmnopqrstuvwxyz234567', description: 'Path of the patient page.' })
  path: string;
  @ApiProperty({ format: 'date-time' }) issuedAt: string;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
  @ApiProperty({ type: String, nullable: true, description: 'For the letter: the number patients may call.' })
  servicePhone: string | null;
}

export class PatientResponseSummary {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'date', description: 'The patient’s local date when they answered.' })
  answeredOn: string;
  @ApiProperty({ format: 'date-time' }) submittedAt: string;
  @ApiProperty({ enum: PATIENT_RESPONSE_REVIEWS }) review: PatientResponseReviewState;
  @ApiProperty({ type: StaffName, nullable: true }) reviewedBy: StaffName | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) reviewedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) rejectionReason: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The outcome it became.' })
  outcomeId: string | null;
}

/** A link's state, as the worklist and the follow-up show it (never its token). */
export class PatientLinkSummary {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: PATIENT_LINK_STATUSES }) status: PatientLinkStatus;
  @ApiProperty({ type: StaffName }) issuedBy: StaffName;
  @ApiProperty({ format: 'date-time' }) issuedAt: string;
  @ApiProperty({
    format: 'date-time',
    description: 'When it stops working, counting the 2 hours after first opening.',
  })
  expiresAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) openedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) revokedAt: string | null;
  @ApiProperty({ type: PatientResponseSummary, nullable: true }) response: PatientResponseSummary | null;
}

export class PatientResponseDetail extends PatientResponseSummary {
  @ApiProperty({ format: 'uuid' }) followUpId: string;
  @ApiProperty({ format: 'uuid' }) admissionId: string;
  @ApiProperty({ type: PatientAnswersRequest, description: 'What the patient sent, as sent.' })
  answers: PatientAnswersRequest;
}

export class FollowUpPatientLinksResponse {
  @ApiProperty({ format: 'uuid' }) followUpId: string;
  @ApiProperty({ type: PatientLinkSummary, isArray: true, description: 'Newest first.' })
  items: PatientLinkSummary[];
  @ApiProperty({
    type: PatientResponseDetail,
    nullable: true,
    description: 'The answers waiting for review.',
  })
  waiting: PatientResponseDetail | null;
}

/** The patient page's data: nothing else of the record. */
export class PublicResponsePage {
  @ApiProperty({ example: 'Pain Medicine Unit' }) serviceName: string;
  @ApiProperty({ type: String, nullable: true, example: '02 9515 0000' }) servicePhone: string | null;
  @ApiProperty({
    format: 'date',
    description: 'Local date the infusion ended (the discharge day when no stop was recorded).',
  })
  infusionEndedOn: string;
  @ApiProperty({ format: 'date', description: 'The patient’s local date today: no date may be after it.' })
  today: string;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
}

export class PublicResponseReceived {
  @ApiProperty({ example: true }) received: true;
}
