// What a bedside set may leave out, and which readings ask for a second look before they are stored.
// Shared by the API's validation and the form, so the question the nurse sees is the one the API asks.

/**
 * Why a set has no complete NEWS2 (e-obs practice): the nurse says why an item is missing. 'asleep'
 * means asleep and not disturbed; 'other' needs words.
 */
export const PARTIAL_REASONS = ['asleep', 'refused', 'unable', 'equipment-unavailable', 'other'] as const;
export type PartialReason = (typeof PARTIAL_REASONS)[number];

export const PARTIAL_REASON_LABELS: Record<PartialReason, string> = {
  asleep: 'Asleep, not disturbed',
  refused: 'Patient refused',
  unable: 'Unable to measure',
  'equipment-unavailable': 'Equipment unavailable',
  other: 'Other reason',
};

/** The readings with a plausible range; outside it (but inside the possible) they need confirming. */
export const CONFIRMABLE_READINGS = [
  'respirationRate',
  'spo2',
  'systolicBp',
  'pulse',
  'temperatureC',
] as const;
export type ConfirmableReading = (typeof CONFIRMABLE_READINGS)[number];

export interface PlausibleRange {
  min: number;
  max: number;
  /** Short name as the chart says it, for "Confirm: RR 6?". */
  short: string;
  unit: string;
}

/**
 * Extreme but possible readings (issue 12): a value outside these bounds is more often a slip of the
 * finger than a patient, so it is stored only when the nurse confirms it. Inclusive bounds.
 */
export const PLAUSIBLE_RANGES: Record<ConfirmableReading, PlausibleRange> = {
  respirationRate: { min: 7, max: 40, short: 'RR', unit: '/min' },
  spo2: { min: 80, max: 100, short: 'SpO2', unit: '%' },
  systolicBp: { min: 70, max: 220, short: 'Systolic BP', unit: 'mmHg' },
  pulse: { min: 35, max: 170, short: 'Pulse', unit: '/min' },
  temperatureC: { min: 34, max: 41, short: 'Temperature', unit: '°C' },
};

export type ConfirmableValues = Partial<Record<ConfirmableReading, number | null | undefined>>;

/** The readings of a set that lie outside their plausible range, in chart order. */
export function implausibleReadings(values: ConfirmableValues): ConfirmableReading[] {
  return CONFIRMABLE_READINGS.filter((reading) => {
    const value = values[reading];
    if (typeof value !== 'number' || !Number.isFinite(value)) return false;
    const range = PLAUSIBLE_RANGES[reading];
    return value < range.min || value > range.max;
  });
}

/** "RR 6" or "Temperature 33.5 °C": how the question names a reading. */
export function describeReading(reading: ConfirmableReading, value: number): string {
  const range = PLAUSIBLE_RANGES[reading];
  return reading === 'respirationRate' || reading === 'spo2'
    ? `${range.short} ${value}${reading === 'spo2' ? '%' : ''}`
    : `${range.short} ${value} ${range.unit}`;
}
