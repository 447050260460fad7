import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { InfusionEventType } from './rate-units.js';

@Entity({ name: 'infusion_events' })
export class InfusionEvent {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'admission_id', type: 'uuid' }) admissionId: string;
  @Column({ type: 'text' }) type: InfusionEventType;
  @Column({ name: 'occurred_at', type: 'timestamptz' }) occurredAt: Date;
  @Column({ type: 'text', nullable: true }) reason: string | null;
  @Column({ name: 'recorded_by', type: 'uuid' }) recordedBy: string;
  @Column({ name: 'recorded_at', type: 'timestamptz', insert: false, update: false }) recordedAt: Date;
}
