import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { AttemptResult, ContactMethod } from '@infusion-tracker/clinical';

/** One try at reaching the patient for a follow-up. */
@Entity({ name: 'follow_up_attempts' })
export class FollowUpAttempt {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'follow_up_id', type: 'uuid' }) followUpId: string;
  @Column({ type: 'text' }) method: ContactMethod;
  @Column({ type: 'timestamptz' }) at: Date;
  @Column({ type: 'text' }) result: AttemptResult;
  @Column({ type: 'text', nullable: true }) note: string | null;
  @Column({ name: 'recorded_by', type: 'uuid' }) recordedBy: string;
  @Column({ name: 'recorded_at', type: 'timestamptz', insert: false, update: false }) recordedAt: Date;
}
