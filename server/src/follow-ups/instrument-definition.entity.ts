import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { InstrumentDefinition } from '@infusion-tracker/clinical';

/** An instrument a site loaded (npm run instruments:load); the newest version of a code applies. */
@Entity({ name: 'instrument_definitions' })
export class InstrumentDefinitionRow {
  @PrimaryColumn({ type: 'text' }) code: string;
  @PrimaryColumn({ type: 'text' }) version: string;
  @Column({ type: 'jsonb' }) definition: InstrumentDefinition;
  @Column({ name: 'loaded_at', type: 'timestamptz', insert: false, update: false }) loadedAt: Date;
}
