/**
 * A timestamptz expression as the text Date.toISOString writes: UTC, milliseconds (truncated, as
 * node-postgres truncates microseconds when it makes a Date), "Z". For large reads that send instants
 * as they come, without node-postgres parsing each into a Date to write it back as a string.
 */
export function isoInstant(expression: string): string {
  return `to_char((${expression}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}
