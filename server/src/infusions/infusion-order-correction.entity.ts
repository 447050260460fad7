import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Marks an order "entered in error": the order stays in the history, and stops being current. */
@Entity({ name: 'infusion_order_corrections' })
export class InfusionOrderCorrection {
  @PrimaryColumn({ name: 'order_id', type: 'uuid' }) orderId: string;
  @Column({ type: 'text' }) reason: string;
  @Column({ name: 'marked_by', type: 'uuid' }) markedBy: string;
  @Column({ name: 'marked_at', type: 'timestamptz', insert: false, update: false }) markedAt: Date;
}
