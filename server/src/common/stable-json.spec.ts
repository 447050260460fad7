import fc from 'fast-check';
import { stableJson } from './stable-json.js';

/** What stableJson replaced: a JSON round trip, then keys sorted deeply, then JSON again. */
function sortedRoundTrip(value: unknown): string | undefined {
  const sort = (item: unknown): unknown =>
    item && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(
          Object.keys(item)
            .sort()
            .map((key) => [key, sort((item as Record<string, unknown>)[key])]),
        )
      : Array.isArray(item)
        ? item.map(sort)
        : item;
  const text = JSON.stringify(value);
  return text === undefined ? undefined : JSON.stringify(sort(JSON.parse(text)));
}

describe('stableJson', () => {
  it('sorts keys at every depth', () => {
    expect(stableJson({ b: 1, a: { d: [{ y: 1, x: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[{"x":2,"y":1}]},"b":1}',
    );
  });

  it('leaves out undefined members and uses toJSON, as JSON.stringify does', () => {
    expect(stableJson({ a: undefined, b: [undefined], when: new Date('2026-11-25T10:00:00Z') })).toBe(
      '{"b":[null],"when":"2026-11-25T10:00:00.000Z"}',
    );
  });

  // Integer-like keys ("0") are where the two differ: objects list them first whatever their insertion
  // order, while stableJson sorts every key as a string. Request bodies never have them.
  it('gives the same text as the sorted JSON round trip for any JSON-like value', () => {
    const member = fc.oneof(fc.constant(undefined), fc.jsonValue());
    const value = fc
      .dictionary(fc.string(), fc.oneof(member, fc.dictionary(fc.string(), member)))
      .filter((data) => !/"(0|[1-9]\d*)":/.test(JSON.stringify(data)));
    fc.assert(fc.property(value, (data) => stableJson(data) === sortedRoundTrip(data)));
  });

  it('is the same for the same data whatever the key order', () => {
    expect(stableJson({ pulse: 80, spo2: 97 })).toBe(stableJson({ spo2: 97, pulse: 80 }));
  });
});
