import { Z_95 } from './normal-quantile.js';

// The Wilson score interval for a proportion (Wilson 1927; Newcombe 1998, method 3): unlike the
// plain "estimate ± 1.96 SE", it stays within [0, 1] and keeps its coverage for small samples and
// for 0 or n successes, which is what a service's responder rates look like.

export interface ProportionEstimate {
  estimate: number;
  lower: number;
  upper: number;
}

/** The proportion successes / n with its 95 % Wilson score interval (R: prop.test(x, n, correct = FALSE)). */
export function wilsonInterval(successes: number, n: number): ProportionEstimate {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`n must be a whole number ≥ 1, got ${n}`);
  if (!Number.isInteger(successes) || successes < 0 || successes > n) {
    throw new RangeError(`successes must be a whole number from 0 to ${n}, got ${successes}`);
  }
  const estimate = successes / n;
  const z2 = Z_95 * Z_95;
  const centre = (estimate + z2 / (2 * n)) / (1 + z2 / n);
  const halfWidth = (Z_95 / (1 + z2 / n)) * Math.sqrt((estimate * (1 - estimate)) / n + z2 / (4 * n * n));
  return {
    estimate,
    // At 0 or n successes the bound is exactly 0 or 1; rounding must not move it off.
    lower: successes === 0 ? 0 : Math.max(0, centre - halfWidth),
    upper: successes === n ? 1 : Math.min(1, centre + halfWidth),
  };
}
