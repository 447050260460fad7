import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One request to a public response route, counted by the limits per token and per address. */
@Entity({ name: 'patient_link_requests' })
export class PatientLinkRequest {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' }) id: string;
  @Column({ name: 'requested_at', type: 'timestamptz', insert: false, update: false }) requestedAt: Date;
  @Column({ name: 'token_hash', type: 'text' }) tokenHash: string;
  @Column({ name: 'client_address', type: 'text', nullable: true }) clientAddress: string | null;
  @Column({ type: 'boolean' }) usable: boolean;
}
