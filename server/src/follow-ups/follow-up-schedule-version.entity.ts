import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { FollowUpScheduleItem } from '@infusion-tracker/clinical';

/** The service's follow-up schedule; a change is a new version, the highest applies to new discharges. */
@Entity({ name: 'follow_up_schedule_versions' })
export class FollowUpScheduleVersion {
  @PrimaryColumn({ type: 'integer' }) version: number;
  @Column({ type: 'jsonb' }) items: FollowUpScheduleItem[];
  @Column({ name: 'failed_attempt_limit', type: 'integer' }) failedAttemptLimit: number;
  @Column({ name: 'changed_by', type: 'uuid', nullable: true }) changedBy: string | null;
  @Column({ name: 'changed_at', type: 'timestamptz', insert: false, update: false }) changedAt: Date;
}
