import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const OUTCOME_METHODS = ['phone', 'clinic', 'video', 'letter', 'patient-reported'] as const;
export type OutcomeMethod = (typeof OUTCOME_METHODS)[number];
export const ADVERSE_EFFECT_GRADES = ['none', 'mild', 'moderate', 'severe'] as const;
export type AdverseEffectGrade = (typeof ADVERSE_EFFECT_GRADES)[number];

export interface StoredInstrumentAnswers {
  code: string;
  version: string;
  answers: Record<string, number | null>;
  score: number | null;
  valid: boolean;
}

/** What the patient said at a follow-up. Never edited: a wrong one is marked entered in error. */
@Entity({ name: 'follow_up_outcomes' })
export class FollowUpOutcome {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'follow_up_id', type: 'uuid' }) followUpId: string;
  @Column({ name: 'admission_id', type: 'uuid' }) admissionId: string;
  @Column({ name: 'assessed_on', type: 'date' }) assessedOn: string;
  @Column({ type: 'text' }) method: OutcomeMethod;
  @Column({ name: 'pain_now', type: 'integer' }) painNow: number;
  @Column({ name: 'pain_worst_week', type: 'integer', nullable: true }) painWorstWeek: number | null;
  @Column({ type: 'integer', nullable: true }) pgic: number | null;
  @Column({ name: 'pgic_wording', type: 'text', nullable: true }) pgicWording: string | null;
  @Column({ name: 'benefit_ongoing', type: 'boolean' }) benefitOngoing: boolean;
  @Column({ name: 'benefit_returned', type: 'boolean', nullable: true }) benefitReturned: boolean | null;
  @Column({ name: 'benefit_ended_on', type: 'date', nullable: true }) benefitEndedOn: string | null;
  @Column({ name: 'benefit_ended_on_approximate', type: 'boolean' }) benefitEndedOnApproximate: boolean;
  @Column({ name: 'medication_changes', type: 'text', nullable: true }) medicationChanges: string | null;
  @Column({ name: 'adverse_effects', type: 'text', nullable: true }) adverseEffects: string | null;
  @Column({ name: 'adverse_effects_grade', type: 'text', nullable: true })
  adverseEffectsGrade: AdverseEffectGrade | null;
  @Column({ name: 'readmission_planned', type: 'boolean', nullable: true }) readmissionPlanned:
    boolean | null;
  @Column({ type: 'text', nullable: true }) comment: string | null;
  @Column({ type: 'jsonb' }) instruments: StoredInstrumentAnswers[];
  @Column({ name: 'recorded_by', type: 'uuid' }) recordedBy: string;
  @Column({ name: 'recorded_at', type: 'timestamptz', insert: false, update: false }) recordedAt: Date;
  @Column({ name: 'entered_in_error_by', type: 'uuid', nullable: true }) enteredInErrorBy: string | null;
  @Column({ name: 'entered_in_error_at', type: 'timestamptz', nullable: true }) enteredInErrorAt: Date | null;
  @Column({ name: 'entered_in_error_reason', type: 'text', nullable: true }) enteredInErrorReason:
    string | null;
}
