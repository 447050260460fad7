// Change in pain intensity (NRS 0-10) from the baseline recorded at admission, and whether it reaches
// the IMMPACT thresholds: a reduction of at least 30 % is moderately important, at least 50 %
// substantial (Dworkin et al., J Pain 2008). Arithmetic on two recorded values, nothing more.

export interface PainChange {
  /** Reduction in NRS points, baseline − now: positive when pain fell, negative when it rose. */
  absolute: number;
  /**
   * Reduction as a percentage of the baseline (negative for an increase), unrounded; null when the
   * baseline is 0, since no percentage of nothing exists.
   */
  percent: number | null;
  /** At least a 30 % reduction; null when the baseline is 0. */
  reduced30: boolean | null;
  /** At least a 50 % reduction; null when the baseline is 0. */
  reduced50: boolean | null;
}

/** The change in pain from `baseline` to `now`, both NRS 0-10 as recorded. */
export function painChange(baseline: number, now: number): PainChange {
  assertNrs(baseline, 'baseline');
  assertNrs(now, 'now');
  const absolute = baseline - now;
  if (baseline === 0) {
    return { absolute, percent: null, reduced30: null, reduced50: null };
  }
  // Compared as reduction × 100 against threshold × baseline, so 10 → 7 is exactly 30 %, not 29.999…
  return {
    absolute,
    percent: (absolute * 100) / baseline,
    reduced30: absolute * 100 >= 30 * baseline,
    reduced50: absolute * 100 >= 50 * baseline,
  };
}

function assertNrs(value: number, name: string): void {
  if (!Number.isFinite(value) || value < 0 || value > 10) {
    throw new RangeError(`${name} must be an NRS score from 0 to 10, got ${value}`);
  }
}
