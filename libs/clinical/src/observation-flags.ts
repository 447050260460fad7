import type { RateUnit } from './infusion-record.js';
import type { News2Result } from './news2.js';

// Flags compare recorded values with each other or with the chart; none suggests a dose or a rate.

export const SIDE_EFFECTS = [
  'nausea',
  'vomiting',
  'dizziness',
  'visualDisturbance',
  'nystagmus',
  'vividDreams',
  'hallucinations',
  'dissociation',
  'agitation',
  'hypersalivation',
  'urinarySymptoms',
] as const;
export type SideEffect = (typeof SIDE_EFFECTS)[number];
export const SIDE_EFFECT_GRADES = ['none', 'mild', 'moderate', 'severe'] as const;
export type SideEffectGrade = (typeof SIDE_EFFECT_GRADES)[number];

/** POSS (Pasero Opioid-induced Sedation Scale): S asleep, easy to rouse; 1 awake ... 4 somnolent. */
export const POSS_LEVELS = ['S', '1', '2', '3', '4'] as const;
export type Poss = (typeof POSS_LEVELS)[number];

export interface RecordedRate {
  value: number;
  unit: RateUnit;
}

export type ObservationFlag =
  | 'news2-low-medium'
  | 'news2-medium'
  | 'news2-high'
  | 'news2-incomplete'
  | 'unacceptable-sedation'
  | 'pump-discrepancy'
  | 'pump-running-while-stopped'
  | 'severe-side-effect';

export interface FlagInput {
  news2: News2Result;
  sedation: Poss | null | undefined;
  sideEffects: Partial<Record<SideEffect, SideEffectGrade>> | null | undefined;
  /** What the nurse read off the pump, in the unit it shows. */
  pumpRate: RecordedRate | null | undefined;
  /** The order current at the time of the set; null when there is none. */
  currentOrderRate: RecordedRate | null | undefined;
  /**
   * The infusion was not running when the set was taken (not started yet, paused or stopped): the pump
   * should be off (0), and it is compared with that, not with the order.
   */
  infusionHalted?: boolean;
}

export function observationFlags(input: FlagInput): ObservationFlag[] {
  const flags: ObservationFlag[] = [];
  const { news2 } = input;
  if (!news2.complete) flags.push('news2-incomplete');
  else if (news2.response === 'high') flags.push('news2-high');
  else if (news2.response === 'medium') flags.push('news2-medium');
  else if (news2.response === 'low-medium') flags.push('news2-low-medium');
  // POSS 3 and 4 are unacceptable: pause the infusion and call the prescriber (domain.md).
  if (input.sedation === '3' || input.sedation === '4') flags.push('unacceptable-sedation');
  if (input.infusionHalted) {
    if (input.pumpRate && input.pumpRate.value > 0) flags.push('pump-running-while-stopped');
  } else if (pumpDiffers(input.pumpRate, input.currentOrderRate)) {
    flags.push('pump-discrepancy');
  }
  // Null side effects: not assessed, which is neither "none" nor a finding.
  if (Object.values(input.sideEffects ?? {}).includes('severe')) flags.push('severe-side-effect');
  return flags;
}

/** Different value or different unit: the two recorded values do not match. Nothing is converted. */
export function pumpDiffers(
  pump: RecordedRate | null | undefined,
  order: RecordedRate | null | undefined,
): boolean {
  if (!pump || !order) return false;
  return pump.unit !== order.unit || pump.value !== order.value;
}

export const FLAG_LABELS: Record<ObservationFlag, string> = {
  'news2-low-medium': 'NEWS2: a single parameter scored 3 – urgent ward-based review',
  'news2-medium': 'NEWS2 5-6: urgent response',
  'news2-high': 'NEWS2 7 or more: emergency response',
  'news2-incomplete': 'NEWS2 incomplete: a parameter is missing',
  'unacceptable-sedation': 'Unacceptable sedation (POSS 3-4): pause the infusion and call the prescriber',
  'pump-discrepancy': 'Pump check discrepancy: the pump does not show the prescribed rate',
  'pump-running-while-stopped':
    'Pump running while the infusion is not started, paused or stopped: the pump should be off',
  'severe-side-effect': 'Severe side effect',
};
