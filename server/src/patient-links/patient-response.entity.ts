import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { PatientAnswers } from './patient-answers.js';

export type PatientResponseReview = 'accepted' | 'rejected';

/** What a patient sent through a link; waits for a clinician to accept it as the outcome or reject it. */
@Entity({ name: 'patient_responses' })
export class PatientResponse {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'patient_link_id', type: 'uuid' }) patientLinkId: string;
  @Column({ name: 'follow_up_id', type: 'uuid' }) followUpId: string;
  @Column({ name: 'admission_id', type: 'uuid' }) admissionId: string;
  /** The patient's local date when they answered: the outcome's assessedOn once accepted. */
  @Column({ name: 'answered_on', type: 'date' }) answeredOn: string;
  @Column({ type: 'jsonb' }) answers: PatientAnswers;
  @Column({ name: 'submitted_at', type: 'timestamptz', insert: false, update: false }) submittedAt: Date;
  @Column({ type: 'text', nullable: true }) review: PatientResponseReview | null;
  @Column({ name: 'reviewed_by', type: 'uuid', nullable: true }) reviewedBy: string | null;
  @Column({ name: 'reviewed_at', type: 'timestamptz', nullable: true }) reviewedAt: Date | null;
  @Column({ name: 'rejection_reason', type: 'text', nullable: true }) rejectionReason: string | null;
  @Column({ name: 'outcome_id', type: 'uuid', nullable: true }) outcomeId: string | null;
}
