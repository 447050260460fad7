// NEWS2, RCP 2017, chart 1
//
// Measured values that fall between two printed bands (8.5 breaths/min, 90.5 mmHg, 35.05 °C) are
// scored by treating each band as a half-open interval closed at its printed upper limit: a value
// belongs to the first band whose upper limit it does not exceed (pulse ≤ 40 -> 3, > 40 and ≤ 50 -> 1,
// > 50 and ≤ 90 -> 0, ...). Integer and one-decimal readings score exactly as the chart prints them.
// A value that is not a finite number (NaN, Infinity) is not a measurement and counts as missing;
// range checks on input belong to the API's validation, not here.

export type Consciousness = 'alert' | 'confusion' | 'voice' | 'pain' | 'unresponsive';
export type Spo2Scale = 1 | 2;
export type News2Response = 'low' | 'low-medium' | 'medium' | 'high';

export interface News2Input {
  respirationRate?: number | null;
  spo2?: number | null;
  /** Scale 2 only for a prescribed hypercapnic target of 88-92 %; taken as 1 when not given. */
  spo2Scale?: Spo2Scale | null;
  supplementalOxygen?: boolean | null;
  systolicBp?: number | null;
  pulse?: number | null;
  consciousness?: Consciousness | null;
  temperatureC?: number | null;
}

export interface News2Parameters {
  respirationRate: number | null;
  spo2: number | null;
  supplementalOxygen: number | null;
  systolicBp: number | null;
  pulse: number | null;
  consciousness: number | null;
  temperatureC: number | null;
}

export interface News2Result {
  /** True only when all seven parameters were recorded. */
  complete: boolean;
  /** The aggregate score; null when the set is incomplete (a missing item never counts as 0). */
  total: number | null;
  /** Score of each recorded item; null for an item that was not recorded or cannot be scored. */
  parameters: News2Parameters;
  /** A single parameter scored 3, among the items recorded. */
  anySingleParameterThree: boolean;
  /** Null when the set is incomplete. */
  response: News2Response | null;
  /** Items not recorded, in chart order. */
  missing: (keyof News2Parameters)[];
}

const chartOrder: readonly (keyof News2Parameters)[] = [
  'respirationRate',
  'spo2',
  'supplementalOxygen',
  'systolicBp',
  'pulse',
  'consciousness',
  'temperatureC',
];

const consciousnessScores: Readonly<Record<Consciousness, number>> = {
  alert: 0,
  confusion: 3,
  voice: 3,
  pain: 3,
  unresponsive: 3,
};

export function scoreNews2(set: News2Input): News2Result {
  const oxygen = typeof set.supplementalOxygen === 'boolean' ? set.supplementalOxygen : null;
  const spo2Scale = set.spo2Scale ?? 1;
  // An SpO2 on a scale other than 1 or 2 cannot be read, so it counts as not recorded.
  const spo2 = isMeasured(set.spo2) && (spo2Scale === 1 || spo2Scale === 2) ? set.spo2 : null;

  const parameters: News2Parameters = {
    respirationRate: isMeasured(set.respirationRate) ? respirationRateScore(set.respirationRate) : null,
    spo2: spo2 === null ? null : spo2Score(spo2, spo2Scale, oxygen),
    supplementalOxygen: oxygen === null ? null : oxygen ? 2 : 0,
    systolicBp: isMeasured(set.systolicBp) ? systolicBpScore(set.systolicBp) : null,
    pulse: isMeasured(set.pulse) ? pulseScore(set.pulse) : null,
    consciousness: consciousnessScore(set.consciousness),
    temperatureC: isMeasured(set.temperatureC) ? temperatureScore(set.temperatureC) : null,
  };

  // An SpO2 on scale 2 at 93 % or more cannot be scored without knowing air or oxygen; its score
  // is then null, but it is the air/oxygen item, not the SpO2, that is missing.
  const recorded: Record<keyof News2Parameters, boolean> = {
    respirationRate: parameters.respirationRate !== null,
    spo2: spo2 !== null,
    supplementalOxygen: oxygen !== null,
    systolicBp: parameters.systolicBp !== null,
    pulse: parameters.pulse !== null,
    consciousness: parameters.consciousness !== null,
    temperatureC: parameters.temperatureC !== null,
  };
  const missing = chartOrder.filter((key) => !recorded[key]);
  const scores = chartOrder.map((key) => parameters[key]).filter((score) => score !== null);
  const anySingleParameterThree = scores.some((score) => score === 3);

  if (missing.length > 0) {
    return { complete: false, total: null, parameters, anySingleParameterThree, response: null, missing };
  }
  const total = scores.reduce((sum, score) => sum + score, 0);
  return {
    complete: true,
    total,
    parameters,
    anySingleParameterThree,
    response: responseBand(total, anySingleParameterThree),
    missing,
  };
}

// NEWS2, RCP 2017, chart 2 (clinical response)
export function news2ResponseLabel(response: News2Response | null): string {
  switch (response) {
    case null:
      return 'No NEWS2: observation set incomplete';
    case 'low':
      return 'Low: observations at least 4-6-hourly (at least 12-hourly when the score is 0)';
    case 'low-medium':
      return 'Urgent ward-based review: observations at least hourly';
    case 'medium':
      return 'Urgent response: observations at least hourly';
    case 'high':
      return 'Emergency response: continuous monitoring';
    default: {
      const unknown: never = response;
      throw new Error(`Unknown NEWS2 response: ${String(unknown)}`);
    }
  }
}

function responseBand(total: number, anySingleParameterThree: boolean): News2Response {
  if (total >= 7) return 'high';
  if (total >= 5) return 'medium';
  if (anySingleParameterThree) return 'low-medium';
  return 'low';
}

function isMeasured(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function respirationRateScore(breathsPerMinute: number): number {
  if (breathsPerMinute <= 8) return 3;
  if (breathsPerMinute <= 11) return 1;
  if (breathsPerMinute <= 20) return 0;
  if (breathsPerMinute <= 24) return 2;
  return 3;
}

function spo2Score(percent: number, scale: Spo2Scale, oxygen: boolean | null): number | null {
  return scale === 1 ? spo2Scale1Score(percent) : spo2Scale2Score(percent, oxygen);
}

function spo2Scale1Score(percent: number): number {
  if (percent <= 91) return 3;
  if (percent <= 93) return 2;
  if (percent <= 95) return 1;
  return 0;
}

function spo2Scale2Score(percent: number, oxygen: boolean | null): number | null {
  if (percent <= 83) return 3;
  if (percent <= 85) return 2;
  if (percent <= 87) return 1;
  if (percent <= 92) return 0;
  // Above the 88-92 % target, a high saturation only matters when it is bought with oxygen.
  if (oxygen === null) return null;
  if (!oxygen) return 0;
  if (percent <= 94) return 1;
  if (percent <= 96) return 2;
  return 3;
}

function systolicBpScore(mmHg: number): number {
  if (mmHg <= 90) return 3;
  if (mmHg <= 100) return 2;
  if (mmHg <= 110) return 1;
  if (mmHg <= 219) return 0;
  return 3;
}

function pulseScore(beatsPerMinute: number): number {
  if (beatsPerMinute <= 40) return 3;
  if (beatsPerMinute <= 50) return 1;
  if (beatsPerMinute <= 90) return 0;
  if (beatsPerMinute <= 110) return 1;
  if (beatsPerMinute <= 130) return 2;
  return 3;
}

function consciousnessScore(level: Consciousness | null | undefined): number | null {
  if (typeof level !== 'string' || !Object.hasOwn(consciousnessScores, level)) return null;
  return consciousnessScores[level];
}

function temperatureScore(celsius: number): number {
  if (celsius <= 35.0) return 3;
  if (celsius <= 36.0) return 1;
  if (celsius <= 38.0) return 0;
  if (celsius <= 39.0) return 1;
  return 2;
}
