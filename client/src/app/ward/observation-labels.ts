import {
  Consciousness,
  DueReason,
  News2Response,
  News2Result,
  ObservationFlag,
  Poss,
  SideEffect,
  SideEffectGrade,
  PartialReason,
} from '../core/api-types';
import { PARTIAL_REASON_LABELS } from '@infusion-tracker/clinical';

/** The words the observation chart uses for each coded value. */

// ACVPU; "confusion" means new confusion, which is what NEWS2 scores.
export const CONSCIOUSNESS_LABELS: Record<Consciousness, string> = {
  alert: 'Alert',
  confusion: 'New confusion',
  voice: 'Voice',
  pain: 'Pain',
  unresponsive: 'Unresponsive',
};

// POSS, Pasero 1994.
export const POSS_LABELS: Record<Poss, string> = {
  S: 'Asleep, easy to rouse',
  '1': 'Awake and alert',
  '2': 'Slightly drowsy, easily roused',
  '3': 'Frequently drowsy, drifts off mid-conversation',
  '4': 'Somnolent, minimal or no response',
};

/** On the board, where space is short. */
export const POSS_SHORT_LABELS: Record<Poss, string> = {
  S: 'Asleep',
  '1': 'Awake',
  '2': 'Slightly drowsy',
  '3': 'Frequently drowsy',
  '4': 'Somnolent',
};

export const SIDE_EFFECT_LABELS: Record<SideEffect, string> = {
  nausea: 'Nausea',
  vomiting: 'Vomiting',
  dizziness: 'Dizziness',
  visualDisturbance: 'Blurred or double vision',
  nystagmus: 'Nystagmus',
  vividDreams: 'Vivid dreams',
  hallucinations: 'Hallucinations',
  dissociation: 'Dissociation ("floating")',
  agitation: 'Anxiety or agitation',
  hypersalivation: 'Hypersalivation',
  urinarySymptoms: 'Urinary symptoms',
};

export const SIDE_EFFECT_GRADE_LABELS: Record<SideEffectGrade, string> = {
  none: 'None',
  mild: 'Mild',
  moderate: 'Moderate',
  severe: 'Severe',
};

export const NEWS2_PARAMETER_LABELS: Record<keyof News2Result['parameters'], string> = {
  respirationRate: 'Respiration rate',
  spo2: 'SpO2',
  supplementalOxygen: 'Air or oxygen',
  systolicBp: 'Systolic BP',
  pulse: 'Pulse',
  consciousness: 'Consciousness',
  temperatureC: 'Temperature',
};

export const NEWS2_BAND_WORDS: Record<News2Response, string> = {
  low: 'low',
  'low-medium': 'low-medium',
  medium: 'medium',
  high: 'high',
};

/** "5 – medium"; "Incomplete" when a parameter was not recorded, never a partial score. */
export function news2Words(news2: Pick<News2Result, 'complete' | 'total' | 'response'>): string {
  if (!news2.complete || news2.total === null || news2.response === null) {
    return 'Incomplete';
  }
  return `${news2.total} – ${NEWS2_BAND_WORDS[news2.response]}`;
}

const MISSING_WORDS: Record<keyof News2Result['parameters'], string> = {
  respirationRate: 'respiration rate',
  spo2: 'SpO2',
  supplementalOxygen: 'air or oxygen',
  systolicBp: 'systolic BP',
  pulse: 'pulse',
  consciousness: 'consciousness',
  temperatureC: 'temperature',
};

/** "Incomplete: missing pulse and temperature", in chart order. */
export function missingWords(missing: News2Result['missing']): string {
  const names = missing.map((key) => MISSING_WORDS[key]);
  const list =
    names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : names[0];
  return `Incomplete: missing ${list}`;
}

/** Chip labels on the board, where space is short; the form shows the full labels of libs/clinical. */
export const SHORT_FLAG_LABELS: Record<ObservationFlag, string> = {
  'news2-low-medium': 'NEWS2 single 3',
  'news2-medium': 'NEWS2 medium',
  'news2-high': 'NEWS2 high',
  'news2-incomplete': 'NEWS2 incomplete',
  'unacceptable-sedation': 'Unacceptable sedation',
  'pump-discrepancy': 'Pump check discrepancy',
  'pump-running-while-stopped': 'Pump running, infusion off',
  'severe-side-effect': 'Severe side effect',
};

export const DUE_REASON_LABELS: Record<DueReason, string> = {
  'first-set': 'First set',
  'after-change': 'After a start or rate change',
  routine: 'Routine',
  news2: 'Because of the NEWS2',
  sedation: 'Because of the sedation score',
  asleep: 'Partial set: patient was asleep',
};

/** "Partial – Patient refused", "Partial – Other: in the bath": a set without a complete NEWS2, and why. */
export function partialWords(set: {
  partialReason: PartialReason | null;
  partialReasonText: string | null;
}): string | null {
  if (!set.partialReason) {
    return null;
  }
  const reason = PARTIAL_REASON_LABELS[set.partialReason];
  return set.partialReasonText ? `Partial – ${reason}: ${set.partialReasonText}` : `Partial – ${reason}`;
}
