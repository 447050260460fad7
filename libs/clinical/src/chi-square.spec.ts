import fc from 'fast-check';
import { chiSquareUpperTail, logGamma, regularizedUpperGamma } from './chi-square.js';

describe('chiSquareUpperTail', () => {
  // Quantiles of the chi-square distribution to double precision (R qchisq / scipy chi2.ppf), as
  // quoted in several public test suites: the upper tail at each must be the stated probability.
  it.each([
    [3.841458820694124, 1, 0.05],
    [5.023886187314887, 1, 0.025],
    [6.634896601021214, 1, 0.01],
    [5.991464547107979, 2, 0.05],
    [7.814727903251179, 3, 0.05],
    [9.487729036781154, 4, 0.05],
    [11.070497693516351, 5, 0.05],
    [18.307038053275146, 10, 0.05],
    [23.209251158954356, 10, 0.01],
    [3.94029913611906, 10, 0.95],
  ])('P(χ² ≥ %d on %d df) = %d', (x, df, p) => {
    expect(chiSquareUpperTail(x, df)).toBeCloseTo(p, 12);
  });

  // R: pchisq(3.3963886989776011, 1, lower.tail = FALSE) from survdiff's aml record.
  it('keeps the digits of a mid-range p-value', () => {
    expect(chiSquareUpperTail(3.3963886989776011, 1)).toBeCloseTo(0.065339322040505132, 14);
  });

  it('keeps relative precision for tiny p-values (no 1 − P cancellation)', () => {
    // With 2 df the tail is exactly exp(−x/2).
    for (const x of [50, 200, 600, 1200]) {
      const p = chiSquareUpperTail(x, 2);
      expect(Math.abs(p / Math.exp(-x / 2) - 1)).toBeLessThan(1e-12);
    }
  });

  it('equals exp(−x/2) for 2 df across the series and continued-fraction ranges', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 80, noNaN: true }), (x) => {
        expect(chiSquareUpperTail(x, 2)).toBeCloseTo(Math.exp(-x / 2), 13);
      }),
    );
  });

  it('decreases in x and stays within [0, 1]', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.integer({ min: 1, max: 30 }),
        (a, b, df) => {
          const [low, high] = a < b ? [a, b] : [b, a];
          const pLow = chiSquareUpperTail(low, df);
          const pHigh = chiSquareUpperTail(high, df);
          expect(pHigh).toBeLessThanOrEqual(pLow + 1e-15);
          expect(pLow).toBeLessThanOrEqual(1);
          expect(pHigh).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });

  it('is 1 at 0 and refuses degrees of freedom below 1', () => {
    expect(chiSquareUpperTail(0, 1)).toBe(1);
    expect(() => chiSquareUpperTail(1, 0)).toThrow(RangeError);
  });
});

describe('regularizedUpperGamma and logGamma', () => {
  it('matches ln Γ at known points: Γ(1/2) = √π, Γ(3/2) = √π/2, Γ(n) = (n − 1)!', () => {
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 13);
    expect(logGamma(1)).toBeCloseTo(0, 13);
    expect(logGamma(10)).toBeCloseTo(Math.log(362880), 12);
    expect(logGamma(1.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI) / 2), 13);
  });

  it('gives Q(1, x) = exp(−x) and Q(n, x) as the Poisson sum for whole n', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.double({ min: 0, max: 40, noNaN: true }), (n, x) => {
        let term = 1;
        let sum = 1;
        for (let k = 1; k < n; k += 1) {
          term *= x / k;
          sum += term;
        }
        expect(regularizedUpperGamma(n, x)).toBeCloseTo(Math.exp(-x) * sum, 12);
      }),
    );
  });
});
