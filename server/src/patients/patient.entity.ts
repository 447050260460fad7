import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const PHONE_LABELS = ['mobile', 'home', 'work', 'other'] as const;
export type PhoneLabel = (typeof PHONE_LABELS)[number];
export const PREFERRED_CONTACT_METHODS = ['phone', 'video', 'clinic', 'letter'] as const;
export type PreferredContactMethod = (typeof PREFERRED_CONTACT_METHODS)[number];
export interface PhoneNumber {
  label: PhoneLabel;
  number: string;
}

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
  @Column({ name: 'phone_numbers', type: 'jsonb' }) phoneNumbers: PhoneNumber[];
  @Column({ name: 'preferred_contact_method', type: 'text', nullable: true })
  preferredContactMethod: PreferredContactMethod | null;
}
