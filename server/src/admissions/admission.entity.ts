import { Column, Entity, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import type { AdmissionStatus, Drug, Indication } from './admission-status.js';

@Entity({ name: 'admissions' })
export class Admission {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'patient_id', type: 'uuid' }) patientId: string;
  @Column({ type: 'text' }) ward: string;
  @Column({ type: 'text' }) bed: string;
  @Column({ type: 'text' }) indication: Indication;
  @Column({ name: 'indication_other', type: 'text', nullable: true }) indicationOther: string | null;
  @Column({ type: 'text' }) drug: Drug;
  @Column({ name: 'drug_other', type: 'text', nullable: true }) drugOther: string | null;
  @Column({ name: 'admitting_prescriber_id', type: 'uuid' }) admittingPrescriberId: string;
  @Column({ name: 'admitted_at', type: 'timestamptz' }) admittedAt: Date;
  @Column({ name: 'planned_days', type: 'integer' }) plannedDays: number;
  @Column({ name: 'weight_kg', type: 'numeric', nullable: true }) weightKg: string | null;
  @Column({ name: 'weight_measured_on', type: 'date', nullable: true }) weightMeasuredOn: string | null;
  @Column({ name: 'baseline_pain', type: 'integer' }) baselinePain: number;
  @Column({ name: 'baseline_bpi_interference', type: 'numeric', nullable: true }) baselineBpiInterference:
    string | null;
  @Column({ name: 'consent_recorded_by', type: 'uuid', nullable: true }) consentRecordedBy: string | null;
  @Column({ name: 'consent_recorded_at', type: 'timestamptz', nullable: true })
  consentRecordedAt: Date | null;
  @Column({ type: 'text' }) status: AdmissionStatus;
  @Column({ name: 'status_changed_at', type: 'timestamptz' }) statusChangedAt: Date;
  @Column({ name: 'discharged_at', type: 'timestamptz', nullable: true }) dischargedAt: Date | null;
  @Column({ name: 'discharge_summary', type: 'text', nullable: true }) dischargeSummary: string | null;
  @Column({ name: 'pain_at_discharge', type: 'integer', nullable: true }) painAtDischarge: number | null;
  @Column({ name: 'pgic_at_discharge', type: 'integer', nullable: true }) pgicAtDischarge: number | null;
  @Column({ name: 'pgic_wording', type: 'text', nullable: true }) pgicWording: string | null;
  @Column({ name: 'closing_reason', type: 'text', nullable: true }) closingReason: string | null;
  @Column({ name: 'created_at', type: 'timestamptz', insert: false, update: false }) createdAt: Date;
  @VersionColumn() version: number;
}
