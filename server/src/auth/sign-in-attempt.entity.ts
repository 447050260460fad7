import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'sign_in_attempts' })
export class SignInAttempt {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ name: 'attempted_at', type: 'timestamptz', insert: false, update: false })
  attemptedAt: Date;

  @Column({ type: 'text' })
  username: string;

  @Column({ name: 'client_address', type: 'text', nullable: true })
  clientAddress: string | null;

  @Column({ type: 'boolean' })
  succeeded: boolean;
}
