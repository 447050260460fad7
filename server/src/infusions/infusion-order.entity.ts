import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { RateUnit, Route } from './rate-units.js';

/** A prescriber's order exactly as entered. Never edited: a newer order supersedes it. */
@Entity({ name: 'infusion_orders' })
export class InfusionOrder {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'admission_id', type: 'uuid' }) admissionId: string;
  @Column({ type: 'text' }) drug: string;
  @Column({ type: 'text' }) route: Route;
  @Column({ name: 'concentration_value', type: 'numeric' }) concentrationValue: string;
  @Column({ name: 'concentration_unit', type: 'text' }) concentrationUnit: string;
  @Column({ name: 'rate_value', type: 'numeric' }) rateValue: string;
  @Column({ name: 'rate_unit', type: 'text' }) rateUnit: RateUnit;
  @Column({ name: 'max_rate_value', type: 'numeric', nullable: true }) maxRateValue: string | null;
  @Column({ name: 'max_rate_unit', type: 'text', nullable: true }) maxRateUnit: RateUnit | null;
  @Column({ name: 'increment_value', type: 'numeric', nullable: true }) incrementValue: string | null;
  @Column({ name: 'increment_unit', type: 'text', nullable: true }) incrementUnit: RateUnit | null;
  @Column({ name: 'min_minutes_between_changes', type: 'integer', nullable: true }) minMinutesBetweenChanges:
    number | null;
  @Column({ name: 'end_points', type: 'text', nullable: true }) endPoints: string | null;
  @Column({ name: 'effective_from', type: 'timestamptz' }) effectiveFrom: Date;
  @Column({ type: 'text' }) reason: string;
  @Column({ type: 'text', nullable: true }) note: string | null;
  @Column({ name: 'over_max_reason', type: 'text', nullable: true }) overMaxReason: string | null;
  @Column({ name: 'entered_by', type: 'uuid' }) enteredBy: string;
  @Column({ name: 'entered_at', type: 'timestamptz', insert: false, update: false }) enteredAt: Date;
}
