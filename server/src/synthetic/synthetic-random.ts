import { between, pick, seededRandom } from '../demo/demo-random.js';

export { between, pick, seededRandom };

/** A deterministic generator: every draw of the synthetic data comes from one seeded sequence. */
export type Random = () => number;

/** True with the given probability. */
export function chance(random: Random, probability: number): boolean {
  return random() < probability;
}

/** Roughly normal (sum of three uniforms): enough for vitals that wander around a baseline. */
export function wobble(random: Random, spread: number): number {
  return ((random() + random() + random()) / 3 - 0.5) * 2 * spread;
}

/** Picks by weight: weighted(random, [['a', 3], ['b', 1]]) is 'a' three times in four. */
export function weighted<T>(random: Random, choices: readonly (readonly [T, number])[]): T {
  const total = choices.reduce((sum, [, weight]) => sum + weight, 0);
  let draw = random() * total;
  for (const [value, weight] of choices) {
    draw -= weight;
    if (draw < 0) return value;
  }
  return choices[choices.length - 1][0];
}

const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

/**
 * A UUID in the version-7 layout (milliseconds first, then seeded random bits): the same seed gives the
 * same ids, and rows made in time order are appended to the primary-key index instead of landing at
 * random pages, which makes the bulk load much faster. (The app's observation sets get version-7 ids
 * from uuid_v7(), the column's default; its other ids are random version 4.)
 */
export function seededUuid(random: Random, atMs: number): string {
  const time = Math.max(0, Math.floor(atMs));
  const high = Math.floor(time / 2 ** 16);
  const low = time % 2 ** 16;
  const a = Math.floor(random() * 4294967296);
  const b = Math.floor(random() * 4294967296);
  const c = Math.floor(random() * 4294967296);
  const hex = (value: number, digits: number) => value.toString(16).padStart(digits, '0');
  return (
    `${hex(high, 8)}-${hex(low, 4)}-7${hex(a >>> 20, 3)}-` +
    `${HEX[0x80 | ((a >>> 14) & 0x3f)]}${HEX[(a >>> 6) & 0xff]}-${hex(b, 8)}${hex(c >>> 16, 4)}`
  );
}
