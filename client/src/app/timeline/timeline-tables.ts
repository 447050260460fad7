import { FLAG_LABELS, describeReading } from '@infusion-tracker/clinical';
import type { News2Parameters } from '@infusion-tracker/clinical';
import { ObservationFlag, SideEffect, Timeline, TimelineObservationSet } from '../core/api-types';
import { drugName, routeShort, valueWithUnit } from '../shared/order-words';
import {
  CONSCIOUSNESS_LABELS,
  POSS_SHORT_LABELS,
  SIDE_EFFECT_GRADE_LABELS,
  SIDE_EFFECT_LABELS,
  partialWords,
} from '../ward/observation-labels';

/*
 * The same data as the charts, as tables: the flowsheet (time across, items down, as a paper chart
 * reads), the event list, and the observation summary of the printed admission. Pure functions.
 */

/** How much a value stands out: its NEWS2 parameter score, or a clinical rule of the chart. */
export type Emphasis = 'none' | 'abnormal' | 'very-abnormal';

export interface FlowsheetCell {
  text: string;
  emphasis: Emphasis;
  /** Said in words as well as shown in colour: "NEWS2 +2", "unacceptable". */
  note: string | null;
}

export interface FlowsheetColumn {
  setId: string;
  takenAt: string;
  enteredInError: { reason: string; markedByName: string } | null;
}

export interface FlowsheetRow {
  item: string;
  cells: FlowsheetCell[];
}

export interface Flowsheet {
  columns: FlowsheetColumn[];
  rows: FlowsheetRow[];
}

const EMPTY: FlowsheetCell = { text: '—', emphasis: 'none', note: null };

function scored(value: string | null, score: number | null | undefined): FlowsheetCell {
  if (value === null) {
    return EMPTY;
  }
  if (!score) {
    return { text: value, emphasis: 'none', note: null };
  }
  return { text: value, emphasis: score >= 3 ? 'very-abnormal' : 'abnormal', note: `NEWS2 +${score}` };
}

const text = (value: string | number | null | undefined): string | null =>
  value === null || value === undefined ? null : String(value);

type ItemRule = [string, (set: TimelineObservationSet) => FlowsheetCell];

const param = (set: TimelineObservationSet, key: keyof News2Parameters) =>
  set.news2.parameters?.[key] ?? null;

const ITEMS: ItemRule[] = [
  ['Respiration rate /min', (set) => scored(text(set.respirationRate), param(set, 'respirationRate'))],
  ['SpO2 %', (set) => scored(text(set.spo2), param(set, 'spo2'))],
  ['SpO2 scale', (set) => ({ text: String(set.spo2Scale), emphasis: 'none', note: null })],
  [
    'Air or oxygen',
    (set) =>
      scored(
        set.supplementalOxygen === null
          ? null
          : set.supplementalOxygen
            ? `Oxygen${set.oxygenDevice ? ` (${set.oxygenDevice})` : ''}`
            : 'Air',
        param(set, 'supplementalOxygen'),
      ),
  ],
  ['Systolic BP mmHg', (set) => scored(text(set.systolicBp), param(set, 'systolicBp'))],
  ['Diastolic BP mmHg', (set) => scored(text(set.diastolicBp), null)],
  ['Pulse /min', (set) => scored(text(set.pulse), param(set, 'pulse'))],
  [
    'Consciousness (ACVPU)',
    (set) =>
      scored(set.consciousness ? CONSCIOUSNESS_LABELS[set.consciousness] : null, param(set, 'consciousness')),
  ],
  ['Temperature °C', (set) => scored(text(set.temperatureC), param(set, 'temperatureC'))],
  [
    'NEWS2',
    (set) => {
      if (!set.news2.complete || set.news2.total === null) {
        return { text: 'Incomplete', emphasis: 'none', note: `missing ${set.news2.missing.length}` };
      }
      const total = set.news2.total;
      const emphasis: Emphasis =
        total >= 7 ? 'very-abnormal' : total >= 5 || set.news2.anySingleParameterThree ? 'abnormal' : 'none';
      return { text: String(total), emphasis, note: emphasis === 'none' ? null : set.news2.response };
    },
  ],
  [
    'POSS sedation',
    (set) =>
      set.sedation === null
        ? EMPTY
        : set.sedation === '3' || set.sedation === '4'
          ? {
              text: `${set.sedation} ${POSS_SHORT_LABELS[set.sedation]}`,
              emphasis: 'very-abnormal',
              note: 'unacceptable',
            }
          : { text: set.sedation, emphasis: 'none', note: null },
  ],
  ['Pain NRS 0-10', (set) => scored(text(set.painScore), null)],
];

/**
 * Whether side effects were assessed at all (ADR 6): "not assessed" is never shown as "none".
 * Then one row per effect any set graded.
 */
const SIDE_EFFECTS_ASSESSED: ItemRule = [
  'Side effects',
  (set) => {
    if (set.sideEffects === null) {
      return { text: 'not assessed', emphasis: 'none', note: null };
    }
    const grades = Object.values(set.sideEffects);
    return grades.every((grade) => grade === 'none')
      ? { text: 'None', emphasis: 'none', note: null }
      : { text: 'Graded below', emphasis: 'none', note: null };
  },
];

/** Side effects, then pump and free text, for the effects any set assessed. */
function sideEffectItems(sets: TimelineObservationSet[]): ItemRule[] {
  const assessed = new Set(sets.flatMap((set) => Object.keys(set.sideEffects ?? {})));
  const graded = (Object.keys(SIDE_EFFECT_LABELS) as SideEffect[])
    .filter((effect) => assessed.has(effect))
    .map((effect): ItemRule => [
      SIDE_EFFECT_LABELS[effect],
      (set) => {
        const grade = set.sideEffects?.[effect];
        if (!grade) {
          return { text: 'not assessed', emphasis: 'none', note: null };
        }
        return {
          text: SIDE_EFFECT_GRADE_LABELS[grade],
          emphasis: grade === 'severe' ? 'very-abnormal' : grade === 'moderate' ? 'abnormal' : 'none',
          note: null,
        };
      },
    ]);
  return [SIDE_EFFECTS_ASSESSED, ...graded];
}

const TRAILING: ItemRule[] = [
  ['Partial set', (set) => scored(partialWords(set), null)],
  [
    // Readings outside their plausible range that the nurse confirmed before saving (ADR 6).
    'Confirmed as read',
    (set) =>
      scored(
        set.confirmedReadings.length
          ? set.confirmedReadings
              .map((reading) => {
                const value = set[reading];
                return typeof value === 'number' ? describeReading(reading, value) : reading;
              })
              .join('; ')
          : null,
        null,
      ),
  ],
  ['Pump shows', (set) => scored(set.pumpRate ? valueWithUnit(set.pumpRate) : null, null)],
  [
    'Flags',
    (set) =>
      set.flags.length
        ? { text: set.flags.map((flag) => FLAG_LABELS[flag]).join('; '), emphasis: 'abnormal', note: null }
        : EMPTY,
  ],
  ['Comment', (set) => scored(set.comment, null)],
  ['Recorded by', (set) => scored(set.recordedByName, null)],
];

/** Every recorded value of every set, entered-in-error ones included (the page strikes them through). */
export function buildFlowsheet(sets: TimelineObservationSet[]): Flowsheet {
  const rules = [...ITEMS, ...sideEffectItems(sets), ...TRAILING];
  return {
    columns: sets.map((set) => ({
      setId: set.id,
      takenAt: set.takenAt,
      enteredInError: set.enteredInError
        ? { reason: set.enteredInError.reason, markedByName: set.enteredInError.markedByName }
        : null,
    })),
    rows: rules.map(([item, cell]) => ({ item, cells: sets.map(cell) })),
  };
}

export const EVENT_KINDS = ['admission', 'order', 'infusion', 'flag', 'correction', 'follow-up'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const EVENT_KIND_LABELS: Record<EventKind, string> = {
  admission: 'Admission',
  order: 'Orders',
  infusion: 'Infusion events',
  flag: 'Flags',
  correction: 'Corrections',
  'follow-up': 'Follow-ups',
};

export interface TimelineEntry {
  /** ISO instant, or a calendar date for follow-ups. */
  at: string;
  kind: EventKind;
  title: string;
  detail: string | null;
  who: string | null;
  /** The record the audit trail names for this entry (its kind and id), for a link to its history. */
  record: { type: string; id: string };
}

const INFUSION_WORDS = {
  start: 'Infusion started',
  pause: 'Infusion paused',
  resume: 'Infusion resumed',
  stop: 'Infusion stopped',
};

/** Orders, infusion events, flags, corrections and follow-ups in time order. */
export function buildEventList(timeline: Timeline, sets: TimelineObservationSet[]): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  const admission = timeline.admission;
  entries.push({
    at: admission.admittedAt,
    kind: 'admission',
    title: 'Admitted',
    detail: `${admission.ward}, bed ${admission.bed}`,
    who: admission.admittingPrescriber.displayName,
    record: { type: 'admission', id: admission.id },
  });
  for (const order of timeline.orders) {
    entries.push({
      at: order.effectiveFrom,
      kind: 'order',
      title:
        `Order: ${drugName(order.drug)} ${valueWithUnit(order.concentration)} at ${valueWithUnit(order.rate)} ${routeShort(order.route)}` +
        (order.state === 'entered-in-error'
          ? ' (entered in error)'
          : order.state === 'superseded'
            ? ' (superseded)'
            : ' (current)'),
      detail: [
        order.reason,
        order.maxRate ? `maximum ${valueWithUnit(order.maxRate)}` : null,
        order.endPoints ? `stop criteria: ${order.endPoints}` : null,
      ]
        .filter(Boolean)
        .join('; '),
      who: order.enteredByName,
      record: { type: 'infusion-order', id: order.id },
    });
    if (order.enteredInError) {
      entries.push({
        at: order.enteredInError.markedAt,
        kind: 'correction',
        title: `Order of ${valueWithUnit(order.rate)} marked entered in error`,
        detail: order.enteredInError.reason,
        who: order.enteredInError.markedByName,
        record: { type: 'infusion-order', id: order.id },
      });
    }
  }
  for (const event of timeline.events) {
    entries.push({
      at: event.occurredAt,
      kind: 'infusion',
      title: INFUSION_WORDS[event.type],
      detail: event.reason,
      who: event.recordedByName,
      record: { type: 'infusion-event', id: event.id },
    });
  }
  for (const set of sets) {
    if (set.flags.length && !set.enteredInError) {
      entries.push({
        at: set.takenAt,
        kind: 'flag',
        title: `Flag${set.flags.length > 1 ? 's' : ''}: ${set.flags.map((flag: ObservationFlag) => FLAG_LABELS[flag]).join('; ')}`,
        detail: set.news2.complete ? `NEWS2 ${set.news2.total}` : 'NEWS2 incomplete',
        who: set.recordedByName,
        record: { type: 'observation-set', id: set.id },
      });
    }
    if (set.enteredInError) {
      entries.push({
        at: set.enteredInError.markedAt,
        kind: 'correction',
        title: 'Observation set marked entered in error',
        detail: set.enteredInError.reason,
        who: set.enteredInError.markedByName,
        record: { type: 'observation-set', id: set.id },
      });
    }
  }
  if (admission.dischargedAt) {
    entries.push({
      at: admission.dischargedAt,
      kind: 'admission',
      title: 'Discharged',
      detail: admission.dischargeSummary,
      who: null,
      record: { type: 'admission', id: admission.id },
    });
  }
  for (const followUp of timeline.followUps.items) {
    const outcome = followUp.outcome;
    entries.push({
      at: outcome?.assessedOn ?? followUp.dueOn,
      kind: 'follow-up',
      title: `Follow-up ${followUp.label}: ${outcome ? `pain ${outcome.painNow}` : followUp.status}`,
      detail: outcome
        ? outcome.benefitOngoing
          ? 'Benefit ongoing'
          : `Benefit ended${outcome.benefitEndedOn ? ` ${outcome.benefitEndedOn}` : ''}`
        : null,
      who: outcome?.recordedByName ?? null,
      // An outcome's history is its own; a follow-up without one has its scheduling and cancellation.
      record: outcome
        ? { type: 'follow-up-outcome', id: outcome.id }
        : { type: 'follow-up', id: followUp.id },
    });
  }
  return entries.sort((a, b) => a.at.localeCompare(b.at));
}

export interface ItemSummary {
  item: string;
  unit: string;
  count: number;
  min: number | null;
  max: number | null;
}

export interface News2Episode {
  from: string;
  to: string;
  highest: number;
  sets: number;
}

export interface ObservationSummary {
  sets: number;
  enteredInError: number;
  items: ItemSummary[];
  flags: { flag: string; count: number }[];
  /** Runs of consecutive current sets scoring NEWS2 5 or more. */
  news2Episodes: News2Episode[];
}

const SUMMARY_ITEMS: [string, string, (set: TimelineObservationSet) => number | null][] = [
  ['Respiration rate', '/min', (set) => set.respirationRate],
  ['SpO2', '%', (set) => set.spo2],
  ['Systolic BP', 'mmHg', (set) => set.systolicBp],
  ['Diastolic BP', 'mmHg', (set) => set.diastolicBp],
  ['Pulse', '/min', (set) => set.pulse],
  ['Temperature', '°C', (set) => set.temperatureC],
  ['Pain NRS', '/10', (set) => set.painScore],
  ['NEWS2', '', (set) => (set.news2.complete ? set.news2.total : null)],
];

/** Min and max per item over the current sets, flags counted, and NEWS2 ≥ 5 episodes. */
export function summariseObservations(sets: TimelineObservationSet[]): ObservationSummary {
  const current = sets.filter((set) => set.enteredInError === null);
  const items = SUMMARY_ITEMS.map(([item, unit, read]) => {
    const values = current.map(read).filter((value): value is number => value !== null);
    return {
      item,
      unit,
      count: values.length,
      min: values.length ? Math.min(...values) : null,
      max: values.length ? Math.max(...values) : null,
    };
  });
  const flagCounts = new Map<string, number>();
  for (const set of current) {
    for (const flag of set.flags) {
      flagCounts.set(FLAG_LABELS[flag], (flagCounts.get(FLAG_LABELS[flag]) ?? 0) + 1);
    }
  }
  const news2Episodes: News2Episode[] = [];
  let open: News2Episode | null = null;
  for (const set of current) {
    const total = set.news2.complete ? set.news2.total : null;
    if (total !== null && total >= 5) {
      if (open) {
        open.to = set.takenAt;
        open.highest = Math.max(open.highest, total);
        open.sets += 1;
      } else {
        open = { from: set.takenAt, to: set.takenAt, highest: total, sets: 1 };
        news2Episodes.push(open);
      }
    } else if (total !== null) {
      open = null;
    }
  }
  return {
    sets: current.length,
    enteredInError: sets.length - current.length,
    items,
    flags: [...flagCounts.entries()].map(([flag, count]) => ({ flag, count })),
    news2Episodes,
  };
}
