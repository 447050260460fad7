/**
 * SQL for JSON that PostgreSQL writes and the server sends as it is (see JsonText): compact, with the
 * keys in the order given, and instants written as Date.toISOString writes them, so that the text
 * reads the same as a response serialised in TypeScript. (json_build_object and json_agg would put
 * spaces after every colon and comma: a tenth more bytes to send.)
 */

/** A JSON object of `key: SQL expression` pairs, as a SQL expression of type json. */
export function jsonObject(fields: Record<string, string>): string {
  const columns = Object.entries(fields).map(([key, expression]) => `${expression} AS "${key}"`);
  return `(SELECT row_to_json(o) FROM (SELECT ${columns.join(', ')}) o)`;
}

/** An aggregate: the JSON array of a json expression over the group's rows, in `order`; [] when none. */
export function jsonArrayAgg(expression: string, order: string): string {
  return `coalesce(array_to_json(array_agg(${expression} ORDER BY ${order})), '[]')`;
}

/** A timestamptz as JSON's string of it: UTC, milliseconds (truncated, as node-postgres truncates
 * microseconds when it makes a Date), "Z"; null stays null. */
export function isoInstant(expression: string): string {
  return `to_char((${expression}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}
