import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A prescriber's documented SpO2 target for scale 2 (hypercapnic respiratory failure), per admission.
 * Append-only: the newest row applies; a row with a null target withdraws it.
 */
@Entity({ name: 'spo2_scale2_targets' })
export class Spo2Scale2Target {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'admission_id', type: 'uuid' }) admissionId: string;
  @Column({ type: 'text', nullable: true }) target: string | null;
  @Column({ name: 'set_by', type: 'uuid' }) setBy: string;
  @Column({ name: 'set_at', type: 'timestamptz', insert: false, update: false }) setAt: Date;
}
