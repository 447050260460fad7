import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const SEXES = ['female', 'male', 'other', 'unknown'] as const;
export type Sex = (typeof SEXES)[number];

@Entity({ name: 'patients' })
export class Patient {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) mrn: string;
  @Column({ name: 'family_name', type: 'text' }) familyName: string;
  @Column({ name: 'given_name', type: 'text' }) givenName: string;
  @Column({ name: 'date_of_birth', type: 'date' }) dateOfBirth: string;
  @Column({ type: 'text' }) sex: Sex;
  @Column({ name: 'created_at', type: 'timestamptz', insert: false, update: false }) createdAt: Date;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy: string;
}
