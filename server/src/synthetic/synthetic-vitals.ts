import {
  SIDE_EFFECTS,
  type Consciousness,
  type Poss,
  type SideEffect,
  type SideEffectGrade,
  type Spo2Scale,
} from '@infusion-tracker/clinical';
import { between, chance, pick, type Random, weighted, wobble } from './synthetic-random.js';

/** One patient's usual values during a stay; each set wanders around them. */
export interface VitalsProfile {
  respirationRate: number;
  spo2: number;
  spo2Scale: Spo2Scale;
  oxygenDevice: string | null;
  systolicBp: number;
  pulse: number;
  temperatureC: number;
  baselinePain: number;
  /** How many NRS points the infusion takes off by the end of the stay. */
  painRelief: number;
}

export interface RecordedItems {
  respirationRate: number;
  spo2: number;
  spo2Scale: Spo2Scale;
  supplementalOxygen: boolean;
  oxygenDevice: string | null;
  systolicBp: number;
  diastolicBp: number;
  pulse: number;
  consciousness: Consciousness;
  temperatureC: number | null;
  sedation: Poss;
  painScore: number;
  /** Null: not assessed (a patient asleep at night is not woken to be asked). */
  sideEffects: Record<SideEffect, SideEffectGrade> | null;
  comment: string | null;
}

export interface SetContext {
  /** 0 at admission, 1 at the planned end of the infusion. */
  progress: number;
  night: boolean;
  infusing: boolean;
  /** What made the nurse pause the infusion, shown in this set. */
  cause?: 'over-sedation' | 'hallucinations' | 'hypertension';
}

export function vitalsProfile(random: Random, baselinePain: number): VitalsProfile {
  // About 1 in 200 has a prescribed hypercapnic target (scale 2) and 1 in 40 is on oxygen.
  const hypercapnic = chance(random, 0.005);
  const onOxygen = hypercapnic || chance(random, 0.025);
  return {
    respirationRate: between(random, 13, 18),
    spo2: hypercapnic ? between(random, 88, 92) : between(random, 95, 99),
    spo2Scale: hypercapnic ? 2 : 1,
    oxygenDevice: onOxygen
      ? pick(random, ['Nasal cannula 2 L/min', 'Nasal cannula 1 L/min', 'Venturi 28%'])
      : null,
    systolicBp: between(random, 108, 148),
    pulse: between(random, 58, 92),
    temperatureC: between(random, 364, 371) / 10,
    baselinePain,
    painRelief: between(random, 0, 6),
  };
}

/** Grades as [mild, moderate, severe] chances per set while the infusion runs (ketamine's usual ones). */
const SIDE_EFFECT_CHANCES: Record<SideEffect, readonly [number, number, number]> = {
  nausea: [0.08, 0.015, 0.001],
  vomiting: [0.01, 0.003, 0.0003],
  dizziness: [0.06, 0.01, 0.0005],
  visualDisturbance: [0.03, 0.005, 0.0002],
  nystagmus: [0.02, 0.003, 0],
  vividDreams: [0.1, 0.02, 0.001],
  hallucinations: [0.007, 0.002, 0.0005],
  dissociation: [0.05, 0.01, 0.0005],
  agitation: [0.005, 0.001, 0.0002],
  hypersalivation: [0.01, 0.001, 0],
  urinarySymptoms: [0.01, 0.002, 0],
};

const COMMENTS = [
  'Patient asleep, woken for obs',
  'Feels "floaty", reassured',
  'Pump alarm (occlusion) resolved',
  'Family visiting',
  'Declined temperature, recorded later',
  'Analgesia helping, mobilising on ward',
  'Cannula site clean',
];

/** One set as a nurse would record it: mostly unremarkable, now and then abnormal. */
export function recordedItems(random: Random, profile: VitalsProfile, context: SetContext): RecordedItems {
  const onOxygen = profile.oxygenDevice !== null;
  let respirationRate = Math.round(profile.respirationRate + wobble(random, 2.5));
  let spo2 = Math.min(100, Math.round(profile.spo2 + wobble(random, 1.5)));
  // Ketamine raises blood pressure and pulse a little while it runs.
  let systolicBp = Math.round(profile.systolicBp + (context.infusing ? 6 : 0) + wobble(random, 12));
  let pulse = Math.round(profile.pulse + (context.infusing ? 4 : 0) + wobble(random, 9));
  let temperatureC: number | null = Math.round((profile.temperatureC + wobble(random, 0.35)) * 10) / 10;
  let consciousness: Consciousness = 'alert';

  // About 3 sets in 100 have one abnormal item, 3 in 1000 a deterioration across several.
  const abnormalItems = chance(random, 0.003) ? 3 : chance(random, 0.03) ? 1 : 0;
  for (let item = 0; item < abnormalItems; item += 1) {
    switch (between(random, 0, 5)) {
      case 0:
        respirationRate = chance(random, 0.4) ? between(random, 8, 11) : between(random, 21, 27);
        break;
      case 1:
        spo2 = profile.spo2Scale === 2 ? between(random, 84, 87) : between(random, 90, 94);
        break;
      case 2:
        systolicBp = chance(random, 0.5) ? between(random, 88, 104) : between(random, 175, 226);
        break;
      case 3:
        pulse = chance(random, 0.7) ? between(random, 108, 136) : between(random, 40, 50);
        break;
      case 4:
        temperatureC = chance(random, 0.8) ? between(random, 381, 393) / 10 : between(random, 349, 358) / 10;
        break;
      default:
        consciousness = weighted(random, [
          ['confusion', 8],
          ['voice', 2],
          ['pain', 1],
        ] as const);
    }
  }
  if (context.cause === 'hypertension') systolicBp = between(random, 182, 205);
  // Now and then the temperature is not taken: that set has no complete NEWS2.
  if (chance(random, 0.02)) temperatureC = null;

  let sedation: Poss = context.night && chance(random, 0.6) ? 'S' : weighted(random, SEDATION);
  if (context.cause === 'over-sedation') sedation = chance(random, 0.85) ? '3' : '4';

  const sideEffects = {} as Record<SideEffect, SideEffectGrade>;
  for (const effect of SIDE_EFFECTS) {
    const [mild, moderate, severe] = SIDE_EFFECT_CHANCES[effect];
    const draw = random();
    sideEffects[effect] = !context.infusing
      ? draw < mild / 4
        ? 'mild'
        : 'none'
      : draw < severe
        ? 'severe'
        : draw < severe + moderate
          ? 'moderate'
          : draw < severe + moderate + mild
            ? 'mild'
            : 'none';
  }
  if (context.cause === 'hallucinations')
    sideEffects.hallucinations = chance(random, 0.5) ? 'severe' : 'moderate';

  const notAssessed = sedation === 'S' && chance(random, 0.5);

  const pain =
    profile.baselinePain - profile.painRelief * Math.min(1, context.progress) + wobble(random, 1.5);
  return {
    respirationRate,
    spo2,
    spo2Scale: profile.spo2Scale,
    supplementalOxygen: onOxygen,
    oxygenDevice: profile.oxygenDevice,
    systolicBp,
    diastolicBp: Math.max(40, Math.round(systolicBp * 0.62 + wobble(random, 8))),
    pulse,
    consciousness,
    temperatureC,
    sedation,
    painScore: Math.max(0, Math.min(10, Math.round(pain))),
    sideEffects: notAssessed ? null : sideEffects,
    comment: chance(random, 0.01) ? pick(random, COMMENTS) : null,
  };
}

const SEDATION = [
  ['1', 80],
  ['2', 18],
  ['3', 0.6],
  ['4', 0.05],
  ['S', 6],
] as const;
