import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { TerminalEventKind } from '@infusion-tracker/clinical';

/** Lost to follow-up, died, withdrew consent, readmitted: ends an admission's follow-ups. */
@Entity({ name: 'follow_up_terminal_events' })
export class FollowUpTerminalEvent {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'admission_id', type: 'uuid' }) admissionId: string;
  @Column({ type: 'text' }) kind: TerminalEventKind;
  @Column({ type: 'date' }) on: string;
  @Column({ type: 'text' }) reason: string;
  @Column({ name: 'recorded_by', type: 'uuid' }) recordedBy: string;
  @Column({ name: 'recorded_at', type: 'timestamptz', insert: false, update: false }) recordedAt: Date;
  @Column({ name: 'entered_in_error_by', type: 'uuid', nullable: true }) enteredInErrorBy: string | null;
  @Column({ name: 'entered_in_error_at', type: 'timestamptz', nullable: true }) enteredInErrorAt: Date | null;
  @Column({ name: 'entered_in_error_reason', type: 'text', nullable: true }) enteredInErrorReason:
    string | null;
}
