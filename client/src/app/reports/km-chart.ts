import { KaplanMeierStep } from '../core/api-types';

/**
 * Where to stop drawing a curve (KMunicate, Morris et al. 2019): at the first time fewer than 10 % of
 * the patients and fewer than 5 remain at risk, so the tail's few patients do not look like a
 * finding. Null when the curve never gets there.
 */
export function curveCutDay(steps: readonly KaplanMeierStep[], n: number): number | null {
  const threshold = Math.min(0.1 * n, 5);
  return steps.find((step) => step.atRisk < threshold)?.time ?? null;
}

// The number-at-risk table is libs/clinical's, so the page and the CSV export print the same one.
export { riskTable, type RiskTableCell } from '@infusion-tracker/clinical';

/** Tick days for a time axis in days: whole weeks, at most eight ticks, always from 0. */
export function dayTicks(maxDay: number): number[] {
  const weeks = Math.max(1, Math.ceil(maxDay / 7));
  const stepWeeks = [1, 2, 4, 8, 13, 26, 52].find((step) => weeks / step <= 7) ?? 52;
  const ticks: number[] = [];
  for (let day = 0; day <= maxDay; day += stepWeeks * 7) ticks.push(day);
  return ticks;
}

export interface Scale {
  x: (day: number) => number;
  y: (survival: number) => number;
}

/** The SVG path of a right-continuous step curve from day 0 (survival 1) to `endDay`. */
export function stepPath(
  steps: readonly KaplanMeierStep[],
  value: (step: KaplanMeierStep) => number | null,
  endDay: number,
  scale: Scale,
): string {
  let level = 1;
  let path = `M${scale.x(0)},${scale.y(1)}`;
  for (const step of steps) {
    if (step.time > endDay) break;
    const next = value(step);
    if (next === null) break;
    path += ` H${scale.x(step.time)} V${scale.y(next)}`;
    level = next;
  }
  return `${path} H${scale.x(endDay)} V${scale.y(level)}`;
}

/** The closed SVG path of the confidence band between the lower and upper step curves. */
export function bandPath(steps: readonly KaplanMeierStep[], endDay: number, scale: Scale): string {
  const points: [number, number, number][] = [[0, 1, 1]];
  for (const step of steps) {
    if (step.time > endDay || step.lower === null || step.upper === null) break;
    points.push([step.time, step.lower, step.upper]);
  }
  const upper: string[] = [];
  const lower: string[] = [];
  points.forEach(([day, low, high], i) => {
    const nextDay = i + 1 < points.length ? points[i + 1][0] : endDay;
    upper.push(`${scale.x(day)},${scale.y(high)} ${scale.x(nextDay)},${scale.y(high)}`);
    lower.unshift(`${scale.x(nextDay)},${scale.y(low)} ${scale.x(day)},${scale.y(low)}`);
  });
  return `M${upper.join(' L')} L${lower.join(' L')} Z`;
}
