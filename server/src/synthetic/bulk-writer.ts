import pg from 'pg';
import type { Row } from './synthetic-stays.js';
import { type ColumnType, SYNTHETIC_TABLES, type SyntheticTable } from './synthetic-tables.js';

/**
 * Multi-row inserts of thousands of rows each (node-postgres has no COPY without pg-copy-streams): one
 * array parameter per column, zipped row by row by unnest(). The literals are built here because
 * node-postgres's own array serialisation is several times slower for batches this size.
 *
 * jsonb values (NEWS2 results, side-effect grades) repeat a great deal and parsing them is most of the
 * database's work, so each batch sends its distinct values once, as one JSON array, and every row the
 * position of its value in it. One insert runs while the caller generates the next batch.
 */
export class BulkWriter {
  private inFlight: Promise<void> = Promise.resolve();
  /** Most text values repeat too (units, reasons, enumerations): quote each once. */
  private readonly quotes = new Map<string, string>();

  constructor(private readonly client: pg.ClientBase) {}

  async insert(table: SyntheticTable, rows: Row[]): Promise<void> {
    if (rows.length === 0) return;
    const columns = Object.entries(SYNTHETIC_TABLES[table]) as [string, ColumnType][];
    const names = columns.map(([name]) => pg.escapeIdentifier(name));
    const values: string[] = [];
    const parameter = (value: string) => `$${values.push(value)}`;
    const unnested: string[] = [];
    const selected: string[] = [];
    columns.forEach(([column, type], index) => {
      const name = names[index];
      if (type === 'jsonb') {
        const { positions, distinct } = this.dictionary(rows, column);
        unnested.push(`${parameter(positions)}::int[]`);
        selected.push(`(${parameter(distinct)}::jsonb -> ${name})`);
      } else if (type === 'text[]') {
        // As text: unnest would flatten an array of arrays.
        unnested.push(`${parameter(this.arrayLiteral(rows, column, type))}::text[]`);
        selected.push(`${name}::text[]`);
      } else {
        unnested.push(`${parameter(this.arrayLiteral(rows, column, type))}::${type}[]`);
        selected.push(name);
      }
    });
    const sql =
      `INSERT INTO ${pg.escapeIdentifier(table)} (${names.join(', ')}) ` +
      `SELECT ${selected.join(', ')} FROM unnest(${unnested.join(', ')}) AS batch (${names.join(', ')})`;
    await this.inFlight;
    const sent = this.client.query(sql, values).then(
      () => undefined,
      (error: Error) => {
        throw new Error(`inserting ${rows.length} rows into ${table} failed: ${error.message}`);
      },
    );
    sent.catch(() => undefined); // surfaced by the next insert or drain()
    this.inFlight = sent;
  }

  /** Waits for the insert still running; throws if it failed. */
  drain(): Promise<void> {
    return this.inFlight;
  }

  /** The distinct values of a jsonb column as a JSON array, and each row's position in it. */
  private dictionary(rows: Row[], column: string): { positions: string; distinct: string } {
    const seen = new Map<string, number>();
    const positions = new Array<string>(rows.length);
    for (let index = 0; index < rows.length; index += 1) {
      const value = rows[index][column];
      if (value === null || value === undefined) {
        positions[index] = 'NULL';
        continue;
      }
      const json = JSON.stringify(value);
      let position = seen.get(json);
      if (position === undefined) {
        position = seen.size;
        seen.set(json, position);
      }
      positions[index] = String(position);
    }
    return { positions: `{${positions.join(',')}}`, distinct: `[${[...seen.keys()].join(',')}]` };
  }

  /** A PostgreSQL array literal of one column: {a,b,NULL}, quoting only text. */
  private arrayLiteral(rows: Row[], column: string, type: ColumnType): string {
    const parts = new Array<string>(rows.length);
    for (let index = 0; index < rows.length; index += 1) {
      const value = rows[index][column];
      if (value === null || value === undefined) parts[index] = 'NULL';
      else if (type === 'text') parts[index] = this.quoted(value as string);
      else if (type === 'text[]')
        parts[index] = this.quoted(`{${(value as string[]).map((item) => this.quoted(item)).join(',')}}`);
      else if (type === 'boolean') parts[index] = value ? 't' : 'f';
      else parts[index] = String(value); // uuids, numbers, ISO dates and times: nothing to quote
    }
    return `{${parts.join(',')}}`;
  }

  private quoted(text: string): string {
    let quoted = this.quotes.get(text);
    if (quoted === undefined) {
      quoted = `"${text.replace(/["\\]/g, '\\$&')}"`;
      if (this.quotes.size < 10_000) this.quotes.set(text, quoted);
    }
    return quoted;
  }
}
