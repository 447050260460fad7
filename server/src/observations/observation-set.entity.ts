import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type {
  ConfirmableReading,
  Consciousness,
  News2Result,
  ObservationFlag,
  PartialReason,
  Poss,
  RateUnit,
  SideEffect,
  SideEffectGrade,
} from '@infusion-tracker/clinical';

/** One bedside observation set with the NEWS2 the server computed. Never edited. */
@Entity({ name: 'observation_sets' })
export class ObservationSet {
  /** Time-ordered (UUIDv7) from the column's default, uuid_v7(), for sets recorded since issue 14. */
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'admission_id', type: 'uuid' }) admissionId: string;
  @Column({ name: 'taken_at', type: 'timestamptz' }) takenAt: Date;
  @Column({ name: 'respiration_rate', type: 'integer', nullable: true }) respirationRate: number | null;
  @Column({ type: 'integer', nullable: true }) spo2: number | null;
  @Column({ name: 'spo2_scale', type: 'smallint' }) spo2Scale: 1 | 2;
  @Column({ name: 'supplemental_oxygen', type: 'boolean', nullable: true }) supplementalOxygen:
    boolean | null;
  @Column({ name: 'oxygen_device', type: 'text', nullable: true }) oxygenDevice: string | null;
  @Column({ name: 'systolic_bp', type: 'integer', nullable: true }) systolicBp: number | null;
  @Column({ name: 'diastolic_bp', type: 'integer', nullable: true }) diastolicBp: number | null;
  @Column({ type: 'integer', nullable: true }) pulse: number | null;
  @Column({ type: 'text', nullable: true }) consciousness: Consciousness | null;
  @Column({ name: 'temperature_c', type: 'numeric', nullable: true }) temperatureC: string | null;
  @Column({ type: 'text', nullable: true }) sedation: Poss | null;
  @Column({ name: 'pain_score', type: 'integer', nullable: true }) painScore: number | null;
  /** Null: not assessed (never stored as "none"). */
  @Column({ name: 'side_effects', type: 'jsonb', nullable: true }) sideEffects: Partial<
    Record<SideEffect, SideEffectGrade>
  > | null;
  @Column({ name: 'pump_rate_value', type: 'numeric', nullable: true }) pumpRateValue: string | null;
  @Column({ name: 'pump_rate_unit', type: 'text', nullable: true }) pumpRateUnit: RateUnit | null;
  @Column({ type: 'text', nullable: true }) comment: string | null;
  /** Why the set has no complete NEWS2; null for a complete set. */
  @Column({ name: 'partial_reason', type: 'text', nullable: true }) partialReason: PartialReason | null;
  @Column({ name: 'partial_reason_text', type: 'text', nullable: true }) partialReasonText: string | null;
  /** The extreme readings the nurse confirmed before saving. */
  @Column({ name: 'confirmed_readings', type: 'text', array: true }) confirmedReadings: ConfirmableReading[];
  @Column({ type: 'jsonb' }) news2: News2Result;
  @Column({ name: 'news2_total', type: 'integer', nullable: true }) news2Total: number | null;
  @Column({ name: 'news2_response', type: 'text', nullable: true }) news2Response: string | null;
  @Column({ type: 'text', array: true }) flags: ObservationFlag[];
  @Column({ name: 'recorded_by', type: 'uuid' }) recordedBy: string;
  @Column({ name: 'recorded_at', type: 'timestamptz', insert: false, update: false }) recordedAt: Date;
  @Column({ name: 'idempotency_key', type: 'text', nullable: true }) idempotencyKey: string | null;
  @Column({ name: 'request_fingerprint', type: 'text', nullable: true }) requestFingerprint: string | null;
}
