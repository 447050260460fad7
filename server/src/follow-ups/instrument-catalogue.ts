import type { EntityManager } from 'typeorm';
import { SHIPPED_INSTRUMENTS, type InstrumentDefinition } from '@infusion-tracker/clinical';
import { InstrumentDefinitionRow } from './instrument-definition.entity.js';

/** The instruments in force: those the app ships, then the newest loaded version of every other code. */
export async function currentInstruments(manager: EntityManager): Promise<InstrumentDefinition[]> {
  const rows: { definition: InstrumentDefinition }[] = await manager.query(
    `SELECT DISTINCT ON (code) definition FROM instrument_definitions ORDER BY code, loaded_at DESC, version DESC`,
  );
  const shipped = new Set(SHIPPED_INSTRUMENTS.map((definition) => definition.code));
  return [
    ...SHIPPED_INSTRUMENTS,
    ...rows.map((row) => row.definition).filter((definition) => !shipped.has(definition.code)),
  ];
}

/** Stores a definition a site loads; the same code and version twice must be the same text. */
export async function loadInstrument(
  manager: EntityManager,
  definition: InstrumentDefinition,
): Promise<'loaded' | 'unchanged'> {
  const existing = await manager.findOneBy(InstrumentDefinitionRow, {
    code: definition.code,
    version: definition.version,
  });
  if (existing) {
    if (JSON.stringify(existing.definition) !== JSON.stringify(definition)) {
      throw new Error(
        `${definition.code} version ${definition.version} is already loaded with other content; give the new text a new version`,
      );
    }
    return 'unchanged';
  }
  await manager.insert(InstrumentDefinitionRow, {
    code: definition.code,
    version: definition.version,
    definition,
  });
  return 'loaded';
}
