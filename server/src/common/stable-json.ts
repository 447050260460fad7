/**
 * JSON with every object's keys in sorted order, so that equal data always gives the same text (for a
 * request's fingerprint). Same rules as JSON.stringify otherwise: undefined and functions are left out
 * of objects and become null in arrays; toJSON (e.g. Date) is used.
 */
export function stableJson(value: unknown): string | undefined {
  const data = hasToJson(value) ? value.toJSON() : value;
  if (data === null || typeof data !== 'object') return JSON.stringify(data);
  if (Array.isArray(data)) return `[${data.map((item) => stableJson(item) ?? 'null').join(',')}]`;
  const record = data as Record<string, unknown>;
  const members: string[] = [];
  for (const key of Object.keys(record).sort()) {
    const member = stableJson(record[key]);
    if (member !== undefined) members.push(`${JSON.stringify(key)}:${member}`);
  }
  return `{${members.join(',')}}`;
}

function hasToJson(value: unknown): value is { toJSON: () => unknown } {
  return typeof (value as { toJSON?: unknown } | null)?.toJSON === 'function';
}
