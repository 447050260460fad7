import { MedianDuration } from '../core/api-types';

/** A share as a whole percentage, or a dash when there is none. */
export function percent(value: number | null): string {
  return value === null ? '—' : `${Math.round(value * 100)} %`;
}

/** A 95 % interval of shares: "31 % to 62 %". */
export function percentInterval(lower: number | null, upper: number | null): string {
  return lower === null || upper === null ? '—' : `${percent(lower)} to ${percent(upper)}`;
}

/** Days with the weeks they make, the way the clinic speaks of follow-up. */
export function daysInWords(days: number): string {
  const weeks = days / 7;
  const inWeeks = Number.isInteger(weeks) ? `${weeks}` : weeks.toFixed(1);
  return `${days} ${days === 1 ? 'day' : 'days'} (${inWeeks} ${weeks === 1 ? 'week' : 'weeks'})`;
}

/** "23 days (3.3 weeks); 95 % CI 16 days to not reached", or "not reached". */
export function medianInWords(median: MedianDuration): string {
  const bound = (days: number | null) => (days === null ? 'not reached' : `${days} days`);
  const estimate = median.estimate === null ? 'Not reached' : daysInWords(median.estimate);
  return `${estimate}; 95 % CI ${bound(median.lower)} to ${bound(median.upper)}`;
}

/** A p-value as reports print it. */
export function pValue(p: number): string {
  return p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`;
}
