import { ApiProperty } from '@nestjs/swagger';

export const PATIENT_LINK_STATUSES = ['out', 'opened', 'answered', 'expired', 'revoked'] as const;
export type PatientLinkStatus = (typeof PATIENT_LINK_STATUSES)[number];
export const PATIENT_RESPONSE_REVIEWS = ['waiting', 'accepted', 'rejected'] as const;
export type PatientResponseReviewState = (typeof PATIENT_RESPONSE_REVIEWS)[number];

/** The latest patient link of a follow-up, as the follow-up and the worklist show it (issue 13). */
export class PatientLinkState {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: PATIENT_LINK_STATUSES }) status: PatientLinkStatus;
  @ApiProperty({ format: 'date-time', description: 'When it stops (stopped) working.' }) expiresAt: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) responseId: string | null;
  @ApiProperty({
    enum: PATIENT_RESPONSE_REVIEWS,
    nullable: true,
    description: 'Of the answers, when answered.',
  })
  review: PatientResponseReviewState | null;
}
