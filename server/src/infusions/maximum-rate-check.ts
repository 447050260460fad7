import type { RateUnit } from './rate-units.js';

export interface Rate {
  value: number;
  unit: RateUnit;
}

export type MaximumRateCheck = 'no-maximum' | 'within' | 'above' | 'not-comparable';

/**
 * Compares two values the prescriber recorded: a rate and a maximum rate. Only the same unit can be
 * compared; different units are reported as not comparable and never converted.
 */
export function compareWithMaximum(rate: Rate, maximum: Rate | null): MaximumRateCheck {
  if (!maximum) return 'no-maximum';
  if (rate.unit !== maximum.unit) return 'not-comparable';
  return rate.value > maximum.value ? 'above' : 'within';
}
