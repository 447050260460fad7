import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** The prescriber's observation schedule for one admission; the newest row applies. */
@Entity({ name: 'observation_schedules' })
export class ObservationScheduleRow {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'admission_id', type: 'uuid' }) admissionId: string;
  @Column({ name: 'routine_minutes', type: 'integer' }) routineMinutes: number;
  @Column({ name: 'intensified_minutes', type: 'integer' }) intensifiedMinutes: number;
  @Column({ name: 'intensified_for_minutes', type: 'integer' }) intensifiedForMinutes: number;
  @Column({ name: 'set_by', type: 'uuid' }) setBy: string;
  @Column({ name: 'set_at', type: 'timestamptz', insert: false, update: false }) setAt: Date;
}
