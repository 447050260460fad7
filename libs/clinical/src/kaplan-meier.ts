import { Z_95 } from './normal-quantile.js';

// The Kaplan-Meier estimate of "still benefiting" over time, computed the way R's
// survival::survfit(Surv(time, event) ~ 1) does with its defaults (conf.type = "log",
// conf.int = 0.95), so that the service's figures can be reproduced in R by anyone who audits them.

/** One subject: the time to the event (benefit ended) or to censoring (`event: false`). */
export interface SurvivalSubject {
  time: number;
  event: boolean;
}

/** One distinct time at which anything happened (an event, a censoring or both). */
export interface KaplanMeierStep {
  time: number;
  /** Subjects still under observation just before `time` (those censored at `time` included). */
  atRisk: number;
  events: number;
  censored: number;
  /** The estimate just after `time` (the curve is right-continuous). */
  survival: number;
  /**
   * Standard error of `survival` by Greenwood's formula (what summary.survfit prints as std.err);
   * null once the estimate has dropped to 0, where R reports NaN.
   */
  stdErr: number | null;
  /** Pointwise 95 % interval on the log scale, the upper end capped at 1; null where R gives NA. */
  lower: number | null;
  upper: number | null;
}

/** A time on the curve's scale, or null where R prints NA ("not reached"). */
export interface KaplanMeierMedian {
  estimate: number | null;
  lower: number | null;
  upper: number | null;
}

export interface KaplanMeierResult {
  steps: KaplanMeierStep[];
  median: KaplanMeierMedian;
  /** The estimate at time t: 1 before the first event, the last value after the last step. */
  survivalAt(t: number): number;
}

/** What the curve says at one time, for the "survival at N weeks" table. */
export interface KaplanMeierEstimateAt {
  survival: number;
  stdErr: number | null;
  lower: number | null;
  upper: number | null;
  /** Subjects still under observation at t (time ≥ t). */
  atRisk: number;
}

// survfit compares survival with 0.5 using all.equal's tolerance (survival:::survmean, minmin).
const HALF_TOLERANCE = Math.sqrt(2.220446049250313e-16);

export function kaplanMeier(subjects: readonly SurvivalSubject[]): KaplanMeierResult {
  for (const subject of subjects) {
    if (!Number.isFinite(subject.time) || subject.time < 0) {
      throw new RangeError(`a survival time must be a finite number ≥ 0, got ${subject.time}`);
    }
    if (typeof subject.event !== 'boolean') {
      throw new TypeError('a subject needs event: true (event) or false (censored)');
    }
  }
  const sorted = [...subjects].sort((a, b) => a.time - b.time);
  const steps: KaplanMeierStep[] = [];
  let atRisk = sorted.length;
  let survival = 1;
  // Greenwood: var(log S(t)) = Σ d / (n (n − d)) over event times up to t.
  let greenwood = 0;
  let i = 0;
  while (i < sorted.length) {
    const time = sorted[i].time;
    let events = 0;
    let censored = 0;
    while (i < sorted.length && sorted[i].time === time) {
      if (sorted[i].event) events += 1;
      else censored += 1;
      i += 1;
    }
    // Ties: a subject censored at t was still at risk of the events at t (events come first).
    if (events > 0) {
      survival *= 1 - events / atRisk;
      greenwood = events < atRisk ? greenwood + events / (atRisk * (atRisk - events)) : Infinity;
    }
    steps.push({ time, atRisk, events, censored, survival, ...logInterval(survival, greenwood) });
    atRisk -= events + censored;
  }
  return {
    steps,
    median: {
      estimate: firstTimeAtOrBelowHalf(steps, (s) => s.survival),
      // The lower curve reaches one half first, so it bounds the median from below (survmean).
      lower: firstTimeAtOrBelowHalf(steps, (s) => s.lower),
      upper: firstTimeAtOrBelowHalf(steps, (s) => s.upper),
    },
    survivalAt: (t: number) => stepAt(steps, t)?.survival ?? 1,
  };
}

/**
 * The estimate, its interval and the number at risk at time t; null beyond the last time observed
 * while the curve is still above 0 (the estimate is not defined past the end of follow-up).
 */
export function kaplanMeierAt(result: KaplanMeierResult, t: number): KaplanMeierEstimateAt | null {
  const { steps } = result;
  if (steps.length === 0) return null;
  const last = steps[steps.length - 1];
  if (t > last.time) {
    return last.survival === 0 ? { survival: 0, stdErr: null, lower: null, upper: null, atRisk: 0 } : null;
  }
  const atRisk = steps.find((s) => s.time >= t)?.atRisk ?? 0;
  const step = stepAt(steps, t);
  if (!step) return { survival: 1, stdErr: 0, lower: 1, upper: 1, atRisk };
  return { survival: step.survival, stdErr: step.stdErr, lower: step.lower, upper: step.upper, atRisk };
}

function logInterval(
  survival: number,
  greenwood: number,
): Pick<KaplanMeierStep, 'stdErr' | 'lower' | 'upper'> {
  if (survival === 0 || !Number.isFinite(greenwood)) return { stdErr: null, lower: null, upper: null };
  const seLog = Math.sqrt(greenwood);
  return {
    stdErr: survival * seLog,
    lower: Math.exp(Math.log(survival) - Z_95 * seLog),
    upper: Math.min(1, Math.exp(Math.log(survival) + Z_95 * seLog)),
  };
}

/** The last step at or before t (right-continuous), or undefined before the first step. */
function stepAt(steps: readonly KaplanMeierStep[], t: number): KaplanMeierStep | undefined {
  let low = 0;
  let high = steps.length - 1;
  let found: KaplanMeierStep | undefined;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (steps[middle].time <= t) {
      found = steps[middle];
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}

/**
 * The first time a curve is at or below one half, as survival:::survmean's minmin: when the curve
 * sits exactly at one half, the midpoint between that time and the time it next drops below it;
 * null when it never gets there ("not reached").
 */
function firstTimeAtOrBelowHalf(
  steps: readonly KaplanMeierStep[],
  value: (step: KaplanMeierStep) => number | null,
): number | null {
  const kept = steps
    .map((step) => ({ time: step.time, y: value(step) }))
    .filter(
      (point): point is { time: number; y: number } => point.y !== null && point.y < 0.5 + HALF_TOLERANCE,
    );
  if (kept.length === 0) return null;
  const first = kept[0];
  if (Math.abs(first.y - 0.5) < HALF_TOLERANCE) {
    const next = kept.find((point) => point.y < first.y);
    if (next) return (first.time + next.time) / 2;
  }
  return first.time;
}
