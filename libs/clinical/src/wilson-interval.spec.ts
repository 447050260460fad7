import fc from 'fast-check';
import { wilsonInterval } from './wilson-interval.js';

describe('wilsonInterval', () => {
  // R: prop.test(x, n, correct = FALSE)$conf.int (also PropCIs::scoreci), as quoted in several public
  // test suites: 0/10 → (0, 0.2775328), 10/10 → (0.7224672, 1), 5/10 → (0.2365931, 0.7634069).
  it.each([
    [0, 10, 0, 0, 0.2775328],
    [10, 10, 1, 0.7224672, 1],
    [5, 10, 0.5, 0.2365931, 0.7634069],
  ])('%d of %d gives %d (%d to %d)', (successes, n, estimate, lower, upper) => {
    const result = wilsonInterval(successes, n);
    expect(result.estimate).toBe(estimate);
    expect(result.lower).toBeCloseTo(lower, 7);
    expect(result.upper).toBeCloseTo(upper, 7);
  });

  // Newcombe RG. Two-sided confidence intervals for the single proportion: comparison of seven
  // methods. Stat Med 1998;17:857-72, table II, method 3 (Wilson score without continuity
  // correction), to four decimals.
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])('%d of %d matches Newcombe 1998, table II (%d to %d)', (successes, n, lower, upper) => {
    const result = wilsonInterval(successes, n);
    expect(result.lower).toBeCloseTo(lower, 4);
    expect(result.upper).toBeCloseTo(upper, 4);
  });

  it('puts the bounds exactly at 0 and 1 for none and all', () => {
    expect(wilsonInterval(0, 3).lower).toBe(0);
    expect(wilsonInterval(3, 3).upper).toBe(1);
  });

  it.each([
    [1, 0],
    [-1, 10],
    [11, 10],
    [1.5, 10],
    [1, 2.5],
  ])('refuses %d of %d', (successes, n) => {
    expect(() => wilsonInterval(successes, n)).toThrow(RangeError);
  });

  it('keeps 0 ≤ lower ≤ estimate ≤ upper ≤ 1 and is symmetric in successes and failures', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 2000 })
          .chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n))),
        ([successes, n]) => {
          const result = wilsonInterval(successes, n);
          expect(result.lower).toBeGreaterThanOrEqual(0);
          expect(result.lower).toBeLessThanOrEqual(result.estimate + 1e-15);
          expect(result.upper).toBeGreaterThanOrEqual(result.estimate - 1e-15);
          expect(result.upper).toBeLessThanOrEqual(1);
          const mirrored = wilsonInterval(n - successes, n);
          expect(result.lower).toBeCloseTo(1 - mirrored.upper, 12);
        },
      ),
    );
  });
});
