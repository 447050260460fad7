import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type FollowUpKind = 'scheduled' | 'extra';
/** The statuses that no longer depend on the date, cached for the worklist's index. */
export type SettledStatus = 'done' | 'missed' | 'cancelled';

/** One follow-up of an admission: scheduled at discharge, or an extra one a prescriber added. */
@Entity({ name: 'follow_ups' })
export class FollowUp {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'admission_id', type: 'uuid' }) admissionId: string;
  @Column({ type: 'text' }) kind: FollowUpKind;
  @Column({ type: 'integer', nullable: true }) weeks: number | null;
  @Column({ name: 'schedule_version', type: 'integer' }) scheduleVersion: number;
  @Column({ name: 'failed_attempt_limit', type: 'integer' }) failedAttemptLimit: number;
  @Column({ name: 'due_on', type: 'date' }) dueOn: string;
  @Column({ name: 'window_start', type: 'date' }) windowStart: string;
  @Column({ name: 'window_end', type: 'date' }) windowEnd: string;
  @Column({ type: 'text', nullable: true }) reason: string | null;
  @Column({ type: 'text', nullable: true }) settled: SettledStatus | null;
  /** The cancelled follow-up this one reopens, when the terminal event that cancelled it was entered in error. */
  @Column({ name: 'reopens_follow_up_id', type: 'uuid', nullable: true }) reopensFollowUpId: string | null;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy: string;
  @Column({ name: 'created_at', type: 'timestamptz', insert: false, update: false }) createdAt: Date;
}
