import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type RevokedReason = 'revoked' | 'reissued';

/** A one-time link for a patient to answer one follow-up. Only a keyed hash of its token is stored. */
@Entity({ name: 'patient_links' })
export class PatientLink {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'follow_up_id', type: 'uuid' }) followUpId: string;
  @Column({ name: 'admission_id', type: 'uuid' }) admissionId: string;
  @Column({ name: 'token_hash', type: 'text' }) tokenHash: string;
  @Column({ name: 'issued_by', type: 'uuid' }) issuedBy: string;
  @Column({ name: 'issued_at', type: 'timestamptz', insert: false, update: false }) issuedAt: Date;
  @Column({ name: 'expires_at', type: 'timestamptz' }) expiresAt: Date;
  @Column({ name: 'first_opened_at', type: 'timestamptz', nullable: true }) firstOpenedAt: Date | null;
  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true }) submittedAt: Date | null;
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true }) revokedAt: Date | null;
  @Column({ name: 'revoked_by', type: 'uuid', nullable: true }) revokedBy: string | null;
  @Column({ name: 'revoked_reason', type: 'text', nullable: true }) revokedReason: RevokedReason | null;
}
