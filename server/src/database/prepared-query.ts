import type { Pool } from 'pg';
import type { EntityManager } from 'typeorm';

/**
 * Runs a hot-path statement (session check, recording a set, the ward board) as a named prepared
 * statement, so PostgreSQL parses and plans it once per connection instead of on every request. Inside
 * a transaction it runs on the transaction's connection as an ordinary query.
 */
export async function preparedQuery<Row = Record<string, unknown>>(
  manager: EntityManager,
  name: string,
  text: string,
  values: unknown[],
): Promise<Row[]> {
  if (manager.queryRunner) return manager.query(text, values);
  manager.connection.logger.logQuery(text, values);
  const pool = (manager.connection.driver as unknown as { master: Pool }).master;
  const result = await pool.query({ name, text, values });
  return result.rows as Row[];
}
