import {
  implausibleReadings,
  observationFlags,
  scoreNews2,
  type RateUnit,
  type RecordedRate,
} from '@infusion-tracker/clinical';
import type { AdmissionStatus, Indication } from '../admissions/admission-status.js';
import { recordedItems, type SetContext, vitalsProfile } from './synthetic-vitals.js';
import { between, chance, pick, type Random, seededUuid, weighted } from './synthetic-random.js';

/** Rows keyed by column name; times are ISO 8601 strings. */
export type Row = Record<string, unknown>;

export interface StayRows {
  admission: Row;
  orders: Row[];
  orderCorrections: Row[];
  events: Row[];
  schedules: Row[];
  /** The prescriber's SpO2 scale 2 target, for the hypercapnic patients who are charted on scale 2. */
  spo2Targets: Row[];
  sets: Row[];
  setCorrections: Row[];
}

export interface Staff {
  prescribers: string[];
  nurses: string[];
}

/** Where an open stay is now; past stays are all discharged (or, rarely, cancelled). */
export type CurrentState = 'admitted' | 'infusing' | 'paused' | 'stopped';

export interface StayPlan {
  patientId: string;
  ward: string;
  bed: string;
  /** Epoch milliseconds, as every instant below. */
  admittedAt: number;
  plannedDays: number;
  /** Null for a past stay; for an open one, where it stands at `now`. */
  current: { state: CurrentState; now: number; overdue: boolean } | null;
  /** Offset of the ward's time zone from UTC at admission, minutes (for night-time sleep). */
  utcOffsetMinutes: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const iso = (ms: number) => new Date(ms).toISOString();

const INDICATIONS: readonly (readonly [Indication, number])[] = [
  ['crps', 30],
  ['post-herpetic-neuralgia', 8],
  ['phantom-limb-pain', 7],
  ['diabetic-neuropathy', 12],
  ['chemotherapy-neuropathy', 8],
  ['spinal-cord-injury-pain', 7],
  ['chronic-post-surgical-pain', 20],
  ['other', 8],
];
const OTHER_INDICATIONS = [
  'Fibromyalgia (refractory)',
  'Central post-stroke pain',
  'Trigeminal neuropathic pain',
];

interface Regimen {
  drug: 'ketamine' | 'lidocaine';
  route: 'intravenous' | 'subcutaneous';
  /** mg/mL */
  concentration: number;
  unit: RateUnit;
  first: number;
  step: number;
  max: number;
  endPoints: string;
}
const KETAMINE_END_POINTS = 'Pause and call if POSS 3 or more, hallucinations, SBP above 180';
const LIDOCAINE_END_POINTS = 'Stop if perioral numbness, tinnitus, metallic taste or arrhythmia';
const ketamine = (
  route: Regimen['route'],
  concentration: number,
  unit: RateUnit,
  first: number,
  step: number,
  max: number,
): Regimen => ({
  drug: 'ketamine',
  route,
  concentration,
  unit,
  first,
  step,
  max,
  endPoints: KETAMINE_END_POINTS,
});
const REGIMENS: readonly (readonly [Regimen, number])[] = [
  [ketamine('intravenous', 2, 'mg/kg/h', 0.1, 0.05, 0.3), 70],
  [ketamine('intravenous', 2, 'mg/h', 6, 2, 20), 8],
  [ketamine('intravenous', 1, 'mcg/kg/min', 1.5, 0.5, 5), 5],
  [ketamine('subcutaneous', 5, 'mg/kg/h', 0.1, 0.05, 0.25), 5],
  [
    {
      drug: 'lidocaine',
      route: 'intravenous',
      concentration: 10,
      unit: 'mg/kg/h',
      first: 1,
      step: 0.25,
      max: 2,
      endPoints: LIDOCAINE_END_POINTS,
    },
    12,
  ],
];

const PAUSE_CAUSES: readonly (readonly [{ reason: string; cause?: SetContext['cause'] }, number])[] = [
  [{ reason: 'POSS 3: over-sedation', cause: 'over-sedation' }, 3],
  [{ reason: 'Hallucinations', cause: 'hallucinations' }, 3],
  [{ reason: 'Hypertension, SBP above 180', cause: 'hypertension' }, 2],
  [{ reason: 'Line problem: tissued cannula' }, 3],
  [{ reason: 'Patient request: vivid dreams' }, 2],
  [{ reason: 'Off the ward for imaging' }, 1],
];
const EARLY_STOPS = [
  'Intolerable dissociation despite rate reduction',
  'No benefit by day 3: stopped after review',
  'Patient request: wishes to go home',
  'Persistent hypertension',
];
const REDUCTION_REASONS = ['Reduced: dissociation', 'Reduced: vivid dreams', 'Reduced: nausea'];
const SET_ERRORS = ['Entered on the wrong patient', 'Transcription error: wrong column', 'Duplicate entry'];
/** Minutes to the next routine set: mostly hourly, as ketamine protocols ask, sometimes up to 4-hourly. */
const INTERVALS = [
  [60, 70],
  [120, 22],
  [180, 4],
  [240, 4],
] as const;
/** After a start, resume or rate change: every 30 minutes for 2 hours (the default schedule). */
const INTENSIFIED_FOR = 120 * MINUTE;

interface Order {
  at: number;
  rate: RecordedRate;
}
interface Pause {
  at: number;
  until: number | null;
  reason: string;
  cause?: SetContext['cause'];
}

/**
 * One stay, start to end: the admission, its rate orders (2-5, increments and the odd reduction), start,
 * pauses with reasons, resume and stop, the prescriber's schedule for some, and observation sets every
 * 1-4 h (every 30 min for 2 h after a start, resume or rate change) with NEWS2 and flags computed as the
 * server computes them.
 */
export function buildStay(random: Random, plan: StayPlan, staff: Staff): StayRows {
  const { admittedAt, current } = plan;
  const id = seededUuid(random, admittedAt);
  const prescriber = pick(random, staff.prescribers);
  const nurse = () => pick(random, staff.nurses);
  const regimen = weighted(random, REGIMENS);
  const indication = weighted(random, INDICATIONS);
  const weightKg = between(random, 480, 1250) / 10;
  const baselinePain = between(random, 6, 10);
  const profile = vitalsProfile(random, baselinePain);
  const now = current?.now ?? null;
  const rows: StayRows = {
    admission: {},
    orders: [],
    orderCorrections: [],
    events: [],
    schedules: [],
    spo2Targets: [],
    sets: [],
    setCorrections: [],
  };
  const cancelled = !current && chance(random, 0.01);

  // The infusion's timeline.
  const start = admittedAt + between(random, 60, 180) * MINUTE;
  const plannedStop = start + (plan.plannedDays * 24 - between(random, 2, 6)) * HOUR;
  const earlyStop = !current && chance(random, 0.1) ? pick(random, EARLY_STOPS) : null;
  let stop = earlyStop ? start + (plannedStop - start) * (0.3 + random() * 0.5) : plannedStop;
  if (current?.state === 'stopped') stop = now! - between(random, 60, 600) * MINUTE;
  const started = !cancelled && current?.state !== 'admitted';
  const discharge = current || cancelled ? null : stop + between(random, 3, 20) * HOUR;
  const until = now ?? discharge ?? admittedAt;

  const orders: Order[] = [];
  if (!cancelled) {
    const count = current?.state === 'admitted' ? 1 : between(random, 2, 5);
    const span = (stop - start) * 0.8;
    let rate = regimen.first;
    for (let index = 0; index < count; index += 1) {
      const at =
        index === 0
          ? start - 20 * MINUTE
          : start + (span * index) / count + between(random, -90, 90) * MINUTE;
      if (at > until) break;
      let reason = 'Starting rate';
      if (index > 0) {
        const reduce = rate + regimen.step > regimen.max + 1e-9 || chance(random, 0.12);
        rate = reduce ? Math.max(regimen.step, rate - regimen.step) : rate + regimen.step;
        reason = reduce ? pick(random, REDUCTION_REASONS) : 'Tolerating well; pain still above target';
      }
      const order = { at, rate: { value: Number(rate.toFixed(4)), unit: regimen.unit } };
      orders.push(order);
      const enteredAt = at - between(random, 5, 30) * MINUTE;
      const orderId = seededUuid(random, enteredAt);
      rows.orders.push(orderRow(orderId, id, regimen, order, reason, prescriber, enteredAt));
      // About 1 order in 200 is entered in error and entered again, as prescribers do.
      if (index > 0 && chance(random, 0.005)) {
        rows.orderCorrections.push({
          order_id: orderId,
          reason: 'Wrong unit selected',
          marked_by: prescriber,
          marked_at: iso(enteredAt + 10 * MINUTE),
        });
        const again = enteredAt + 11 * MINUTE;
        rows.orders.push(orderRow(seededUuid(random, again), id, regimen, order, reason, prescriber, again));
      }
    }
  }

  // Start, pauses (about one stay in five) with resumes, stop.
  const pauses: Pause[] = [];
  if (started) {
    const pausedNow = current?.state === 'paused';
    const pauseCount = pausedNow
      ? 1
      : weighted(random, [
          [0, 78],
          [1, 17],
          [2, 5],
        ] as const);
    for (let index = 0; index < pauseCount; index += 1) {
      const { reason, cause } = weighted(random, PAUSE_CAUSES);
      const at = pausedNow
        ? Math.max(start + 30 * MINUTE, now! - between(random, 20, 150) * MINUTE)
        : start + 2 * HOUR + random() * (stop - start - 5 * HOUR);
      const resumeAt = pausedNow ? null : at + between(random, 30, 180) * MINUTE;
      if (at <= start || at >= until || (resumeAt !== null && (resumeAt >= stop || resumeAt >= until)))
        continue;
      pauses.push({ at, until: resumeAt, reason, cause });
    }
    pauses.sort((a, b) => a.at - b.at);
    for (let index = pauses.length - 1; index > 0; index -= 1) {
      if (pauses[index - 1].until! >= pauses[index].at) pauses.splice(index, 1); // no overlapping pauses
    }
    const event = (type: string, at: number, reason: string | null, by: string) =>
      rows.events.push({
        id: seededUuid(random, at),
        admission_id: id,
        type,
        occurred_at: iso(at),
        reason,
        recorded_by: by,
        recorded_at: iso(Math.min(until, at + between(random, 1, 15) * MINUTE)),
      });
    event('start', start, null, nurse());
    for (const pause of pauses) {
      event('pause', pause.at, pause.reason, nurse());
      if (pause.until !== null)
        event('resume', pause.until, 'Reviewed: settled, resume at the same rate', prescriber);
    }
    if (!current || current.state === 'stopped')
      event('stop', stop, earlyStop ?? 'Planned course complete', nurse());
  }

  // Some prescribers set their own schedule; the rest follow the default (4-hourly, 30 min for 2 h).
  if (!cancelled && chance(random, 0.25)) {
    const [routine, intensified, forMinutes] = pick(random, [
      [120, 30, 120],
      [60, 15, 60],
      [240, 30, 120],
      [240, 15, 60],
    ] as const);
    const setAt = admittedAt + 20 * MINUTE;
    rows.schedules.push({
      id: seededUuid(random, setAt),
      admission_id: id,
      routine_minutes: routine,
      intensified_minutes: intensified,
      intensified_for_minutes: forMinutes,
      set_by: prescriber,
      set_at: iso(Math.min(until, setAt)),
    });
  }

  if (!cancelled && profile.spo2Scale === 2) {
    const setAt = admittedAt + 15 * MINUTE;
    rows.spo2Targets.push({
      id: seededUuid(random, setAt),
      admission_id: id,
      target: '88-92%',
      set_by: prescriber,
      set_at: iso(Math.min(until, setAt)),
    });
  }

  if (!cancelled) {
    const intensifiers = started
      ? [
          start,
          ...pauses.flatMap((pause) => (pause.until === null ? [] : [pause.until])),
          ...orders.slice(1).map((order) => order.at),
        ]
          .filter((at) => at <= until)
          .sort((a, b) => a - b)
      : [];
    const lastSetBy = current
      ? now! - (current.overdue ? between(random, 250, 420) : between(random, 5, 100)) * MINUTE
      : discharge! - 30 * MINUTE;
    const stoppedAt = started && (!current || current.state === 'stopped') ? stop : null;
    let pauseIndex = 0;
    let intensifierIndex = 0;
    let orderIndex = 0;
    for (let t = admittedAt + between(random, 10, 40) * MINUTE; t <= lastSetBy;) {
      while (intensifierIndex < intensifiers.length && intensifiers[intensifierIndex] <= t)
        intensifierIndex += 1;
      while (orderIndex < orders.length && orders[orderIndex].at <= t) orderIndex += 1;
      while (pauseIndex < pauses.length && pauses[pauseIndex].at < t - 10 * MINUTE) pauseIndex += 1;
      const nextPause = pauses[pauseIndex];
      const previousPause = pauses[pauseIndex - 1];
      const paused =
        (nextPause !== undefined && t >= nextPause.at && (nextPause.until === null || t < nextPause.until)) ||
        (previousPause !== undefined && (previousPause.until === null || t < previousPause.until));
      const infusing = started && t >= start && !paused && (stoppedAt === null || t < stoppedAt);
      const order = orders[orderIndex - 1] ?? null;
      const localMinutes = (((t / MINUTE + plan.utcOffsetMinutes) % 1440) + 1440) % 1440;
      const items = recordedItems(random, profile, {
        progress: started ? (t - start) / (plannedStop - start) : 0,
        night: localMinutes >= 22 * 60 || localMinutes < 6 * 60,
        infusing,
        // The set that made the nurse pause shows why.
        cause:
          nextPause && t <= nextPause.at && t >= nextPause.at - 10 * MINUTE ? nextPause.cause : undefined,
      });
      const pumpRate =
        infusing && order ? pumpReading(random, order.rate, weightKg, regimen.concentration) : null;
      const news2 = scoreNews2(items);
      const flags = observationFlags({
        news2,
        sedation: items.sedation,
        sideEffects: items.sideEffects,
        pumpRate,
        currentOrderRate: order?.rate ?? null,
      });
      const by = nurse();
      const recordedAt = Math.min(until, t + between(random, 1, 20) * MINUTE);
      const setId = seededUuid(random, recordedAt);
      rows.sets.push({
        id: setId,
        admission_id: id,
        taken_at: iso(t),
        respiration_rate: items.respirationRate,
        spo2: items.spo2,
        spo2_scale: items.spo2Scale,
        supplemental_oxygen: items.supplementalOxygen,
        oxygen_device: items.oxygenDevice,
        systolic_bp: items.systolicBp,
        diastolic_bp: items.diastolicBp,
        pulse: items.pulse,
        consciousness: items.consciousness,
        temperature_c: items.temperatureC,
        sedation: items.sedation,
        pain_score: items.painScore,
        side_effects: items.sideEffects,
        pump_rate_value: pumpRate?.value ?? null,
        pump_rate_unit: pumpRate?.unit ?? null,
        comment: items.comment,
        // The only item the generator leaves out is the temperature: no thermometer to hand.
        partial_reason: news2.complete ? null : 'equipment-unavailable',
        partial_reason_text: null,
        // Extreme readings are in the record only because the nurse confirmed them.
        confirmed_readings: implausibleReadings(items),
        news2,
        news2_total: news2.total,
        news2_response: news2.response,
        flags,
        recorded_by: by,
        recorded_at: iso(recordedAt),
      });
      if (chance(random, 0.002)) {
        rows.setCorrections.push({
          set_id: setId,
          reason: pick(random, SET_ERRORS),
          marked_by: by,
          marked_at: iso(Math.min(until, recordedAt + between(random, 5, 60) * MINUTE)),
        });
      }

      // When the next set is taken, as a ward following the chart would.
      const lastChange = intensifiers[intensifierIndex - 1];
      let minutes: number;
      if (lastChange !== undefined && t - lastChange < INTENSIFIED_FOR) minutes = 30;
      else if (stoppedAt !== null && t >= stoppedAt) minutes = 240;
      else if (paused || flags.some((flag) => flag !== 'news2-incomplete')) minutes = between(random, 30, 60);
      else minutes = weighted(random, INTERVALS);
      let next = t + (minutes + between(random, -8, 8)) * MINUTE;
      const upcoming = intensifiers[intensifierIndex];
      if (upcoming !== undefined && upcoming < next) next = upcoming + between(random, 2, 12) * MINUTE;
      const pauseAhead = pauses.find((pause) => pause.at > t + 15 * MINUTE);
      if (pauseAhead && pauseAhead.at < next) next = pauseAhead.at - between(random, 2, 9) * MINUTE;
      t = Math.max(next, t + 15 * MINUTE);
    }
  }

  const status: AdmissionStatus = cancelled
    ? 'cancelled'
    : !current
      ? 'discharged'
      : current.state === 'stopped'
        ? 'infusion-stopped'
        : current.state;
  const lastEvent = rows.events[rows.events.length - 1]?.occurred_at as string | undefined;
  // Drawn in the order the admission's row used to draw them, so that the rest of the data is unchanged.
  const indicationOther = indication === 'other' ? pick(random, OTHER_INDICATIONS) : null;
  const baselineBpiInterference = between(random, 40, 95) / 10;
  const painAtDischarge = discharge === null ? null : Math.max(0, baselinePain - between(random, 0, 6));
  rows.admission = {
    id,
    patient_id: plan.patientId,
    ward: plan.ward,
    bed: plan.bed,
    indication,
    indication_other: indicationOther,
    drug: regimen.drug,
    drug_other: null,
    admitting_prescriber_id: prescriber,
    admitted_at: iso(admittedAt),
    planned_days: plan.plannedDays,
    weight_kg: weightKg,
    weight_measured_on: iso(admittedAt).slice(0, 10),
    baseline_pain: baselinePain,
    baseline_bpi_interference: baselineBpiInterference,
    consent_recorded_by: prescriber,
    consent_recorded_at: iso(admittedAt),
    status,
    status_changed_at:
      discharge !== null
        ? iso(discharge)
        : cancelled
          ? iso(admittedAt + 45 * MINUTE)
          : (lastEvent ?? iso(admittedAt)),
    discharged_at: discharge === null ? null : iso(discharge),
    pain_at_discharge: painAtDischarge,
    discharge_summary:
      discharge === null
        ? null
        : `Pain ${painAtDischarge}/10 at discharge. ${earlyStop ? 'Infusion stopped early.' : 'Completed the planned course.'}`,
    closing_reason: cancelled ? 'Unwell on the day of admission; rebooked' : null,
    created_at: iso(admittedAt - between(random, 1, 40) * 24 * HOUR),
  };
  return rows;
}

function orderRow(
  id: string,
  admissionId: string,
  regimen: Regimen,
  order: Order,
  reason: string,
  prescriber: string,
  enteredAt: number,
): Row {
  return {
    id,
    admission_id: admissionId,
    drug: regimen.drug,
    route: regimen.route,
    concentration_value: regimen.concentration,
    concentration_unit: 'mg/mL',
    rate_value: order.rate.value,
    rate_unit: order.rate.unit,
    max_rate_value: regimen.max,
    max_rate_unit: regimen.unit,
    increment_value: regimen.step,
    increment_unit: regimen.unit,
    min_minutes_between_changes: 240,
    end_points: regimen.endPoints,
    effective_from: iso(order.at),
    reason,
    note: null,
    over_max_reason: null,
    entered_by: prescriber,
    entered_at: iso(enteredAt),
  };
}

/** What the pump shows: the order, or now and then the pump's own mL/h (a discrepancy the flag catches). */
function pumpReading(random: Random, rate: RecordedRate, weightKg: number, mgPerMl: number): RecordedRate {
  if (!chance(random, 0.007)) return rate;
  const mgPerHour =
    rate.unit === 'mg/kg/h'
      ? rate.value * weightKg
      : rate.unit === 'mcg/kg/min'
        ? (rate.value * weightKg * 60) / 1000
        : rate.value;
  return { value: Math.round((mgPerHour / mgPerMl) * 10) / 10, unit: 'mL/h' };
}
