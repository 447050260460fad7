import type { EntityManager } from 'typeorm';
import {
  instrumentDefinitionProblems,
  SHIPPED_INSTRUMENTS,
  type InstrumentDefinition,
} from '@infusion-tracker/clinical';
import { AuditTrail } from '../audit/audit-trail.service.js';
import { stableJson } from '../common/stable-json.js';
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
    // jsonb keeps its own key order: compare the content, not the text.
    if (stableJson(existing.definition) !== stableJson(definition)) {
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

/** A file that cannot be loaded, with every reason, so a site fixes it in one go. */
export class InstrumentFileRejected extends Error {
  override name = 'InstrumentFileRejected';
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
  }
}

/**
 * Checks and stores the definitions of a file (one definition or a list, docs/instruments.md) in one
 * transaction: all or nothing, audited. The app's own instruments (PGIC, NRS) cannot be replaced.
 */
export async function loadInstrumentFile(
  manager: EntityManager,
  text: string,
): Promise<{ code: string; version: string; result: 'loaded' | 'unchanged' }[]> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new InstrumentFileRejected([`not JSON: ${(error as Error).message}`]);
  }
  const definitions = Array.isArray(parsed) ? parsed : [parsed];
  if (definitions.length === 0) throw new InstrumentFileRejected(['the file holds no definition']);
  const shipped = new Set(SHIPPED_INSTRUMENTS.map((definition) => definition.code));
  const problems = definitions.flatMap((definition, index) => {
    const own = instrumentDefinitionProblems(definition);
    const code = (definition as { code?: unknown })?.code;
    if (typeof code === 'string' && shipped.has(code))
      own.push(`${code} is shipped with the app and cannot be replaced`);
    return own.map((problem) => (definitions.length > 1 ? `definition ${index + 1}: ${problem}` : problem));
  });
  if (problems.length) throw new InstrumentFileRejected(problems);
  return manager.transaction(async (transaction) => {
    const results = [];
    for (const definition of definitions as InstrumentDefinition[]) {
      const result = await loadInstrument(transaction, definition);
      results.push({ code: definition.code, version: definition.version, result });
    }
    await new AuditTrail().record(transaction, {
      actor: null,
      action: 'instruments.loaded',
      entityType: 'instrument-definition',
      change: { after: results },
    });
    return results;
  });
}
