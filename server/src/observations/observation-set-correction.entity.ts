import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'observation_set_corrections' })
export class ObservationSetCorrection {
  @PrimaryColumn({ name: 'set_id', type: 'uuid' }) setId: string;
  @Column({ type: 'text' }) reason: string;
  @Column({ name: 'marked_by', type: 'uuid' }) markedBy: string;
  @Column({ name: 'marked_at', type: 'timestamptz', insert: false, update: false }) markedAt: Date;
}
