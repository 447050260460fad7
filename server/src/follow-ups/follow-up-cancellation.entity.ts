import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A follow-up no longer wanted, with the reason (a prescriber's, or a terminal event's). */
@Entity({ name: 'follow_up_cancellations' })
export class FollowUpCancellation {
  @PrimaryColumn({ name: 'follow_up_id', type: 'uuid' }) followUpId: string;
  @Column({ type: 'text' }) reason: string;
  @Column({ name: 'terminal_event_id', type: 'uuid', nullable: true }) terminalEventId: string | null;
  @Column({ name: 'cancelled_by', type: 'uuid' }) cancelledBy: string;
  @Column({ name: 'cancelled_at', type: 'timestamptz', insert: false, update: false }) cancelledAt: Date;
}
