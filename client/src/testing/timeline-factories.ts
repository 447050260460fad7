import {
  SideEffect,
  Timeline,
  TimelineEvent,
  TimelineObservationSet,
  TimelineObservations,
  TimelineOrder,
} from '../app/core/api-types';
import { aPatient } from './factories';

let sequence = 0;
const id = (prefix: string) => `${prefix}0000000-0000-4000-8000-${String(++sequence).padStart(12, '0')}`;

export function aTimelineOrder(overrides: Partial<TimelineOrder> = {}): TimelineOrder {
  return {
    id: id('5'),
    admissionId: 'admission-1',
    drug: 'ketamine',
    route: 'intravenous',
    concentration: { value: 2, unit: 'mg/mL' },
    rate: { value: 0.1, unit: 'mg/kg/h' },
    maxRate: null,
    increment: null,
    minMinutesBetweenChanges: null,
    endPoints: 'Stop if SBP above 180',
    effectiveFrom: '2025-07-01T08:00:00.000Z',
    reason: 'Starting rate',
    note: null,
    overMaxReason: null,
    enteredBy: 'prescriber-1',
    enteredByName: 'Dr Ana Silva',
    enteredAt: '2025-07-01T08:01:00.000Z',
    enteredInError: null,
    state: 'current',
    supersededBy: null,
    supersededAt: null,
    ...overrides,
  };
}

export function aTimelineEvent(overrides: Partial<TimelineEvent> = {}): TimelineEvent {
  return {
    id: id('6'),
    type: 'start',
    occurredAt: '2025-07-01T08:05:00.000Z',
    reason: null,
    recordedBy: 'prescriber-1',
    recordedByName: 'Dr Ana Silva',
    recordedAt: '2025-07-01T08:06:00.000Z',
    ...overrides,
  };
}

/** A complete, normal set: NEWS2 0. */
export function aTimelineSet(overrides: Partial<TimelineObservationSet> = {}): TimelineObservationSet {
  return {
    id: id('7'),
    takenAt: '2025-07-01T09:00:00.000Z',
    respirationRate: 16,
    spo2: 97,
    spo2Scale: 1,
    supplementalOxygen: false,
    oxygenDevice: null,
    systolicBp: 124,
    diastolicBp: 78,
    pulse: 76,
    consciousness: 'alert',
    temperatureC: 36.8,
    sedation: '1',
    painScore: 6,
    sideEffects: { nausea: 'none' },
    pumpRate: { value: 0.1, unit: 'mg/kg/h' },
    comment: null,
    partialReason: null,
    partialReasonText: null,
    confirmedReadings: [],
    news2: {
      complete: true,
      total: 0,
      response: 'low',
      anySingleParameterThree: false,
      missing: [],
      parameters: {
        respirationRate: 0,
        spo2: 0,
        supplementalOxygen: 0,
        systolicBp: 0,
        pulse: 0,
        consciousness: 0,
        temperatureC: 0,
      },
    },
    flags: [],
    recordedByName: 'Sam Lee',
    recordedAt: '2025-07-01T09:01:00.000Z',
    enteredInError: null,
    ...overrides,
  };
}

/** Sets as the timeline sends them: one column per item, as the server's SQL builds them. */
export function timelineObservations(sets: TimelineObservationSet[]): TimelineObservations {
  const column = <T>(read: (set: TimelineObservationSet) => T): T[] => sets.map(read);
  const effects = [...new Set(sets.flatMap((set) => Object.keys(set.sideEffects ?? {})))] as SideEffect[];
  const parameters = Object.keys(
    aTimelineSet().news2.parameters,
  ) as (keyof TimelineObservationSet['news2']['parameters'])[];
  return {
    id: column((set) => set.id),
    takenAt: column((set) => set.takenAt),
    respirationRate: column((set) => set.respirationRate),
    spo2: column((set) => set.spo2),
    spo2Scale: column((set) => set.spo2Scale),
    supplementalOxygen: column((set) => set.supplementalOxygen),
    oxygenDevice: column((set) => set.oxygenDevice),
    systolicBp: column((set) => set.systolicBp),
    diastolicBp: column((set) => set.diastolicBp),
    pulse: column((set) => set.pulse),
    consciousness: column((set) => set.consciousness),
    temperatureC: column((set) => set.temperatureC),
    sedation: column((set) => set.sedation),
    painScore: column((set) => set.painScore),
    sideEffects: Object.fromEntries(
      effects.map((effect) => [effect, column((set) => set.sideEffects?.[effect] ?? null)]),
    ),
    pumpRateValue: column((set) => set.pumpRate?.value ?? null),
    pumpRateUnit: column((set) => set.pumpRate?.unit ?? null),
    comment: column((set) => set.comment),
    partialReason: column((set) => set.partialReason),
    partialReasonText: column((set) => set.partialReasonText),
    confirmedReadings: column((set) => set.confirmedReadings),
    news2: {
      complete: column((set) => set.news2.complete),
      total: column((set) => set.news2.total),
      response: column((set) => set.news2.response),
      anySingleParameterThree: column((set) => set.news2.anySingleParameterThree),
      missing: column((set) => set.news2.missing),
      parameters: Object.fromEntries(
        parameters.map((parameter) => [parameter, column((set) => set.news2.parameters[parameter])]),
      ) as TimelineObservations['news2']['parameters'],
    },
    flags: column((set) => set.flags),
    recordedByName: column((set) => set.recordedByName),
    recordedAt: column((set) => set.recordedAt),
    enteredInError: column((set) => set.enteredInError),
  };
}

/** A timeline as the server answers it; series and sets left empty unless given. */
export function aTimeline(overrides: Partial<Timeline> = {}): Timeline {
  return {
    generatedAt: '2025-07-02T12:00:00.000Z',
    patient: aPatient(),
    admission: {
      id: 'admission-1',
      status: 'infusing',
      version: 3,
      ward: 'Pain Medicine Unit',
      bed: '12B',
      indication: 'crps',
      indicationOther: null,
      drug: 'ketamine',
      drugOther: null,
      admittedAt: '2025-07-01T07:00:00.000Z',
      plannedDays: 5,
      weightKg: 72.5,
      weightMeasuredOn: '2025-06-30',
      baselinePain: 8,
      baselineBpiInterference: null,
      consent: null,
      admittingPrescriber: { id: 'prescriber-1', displayName: 'Dr Ana Silva' },
      infusionStartedAt: '2025-07-01T08:05:00.000Z',
      infusionStoppedAt: null,
      dischargedAt: null,
      dischargeSummary: null,
      closingReason: null,
      statusChangedAt: '2025-07-01T08:05:00.000Z',
    },
    orders: [],
    events: [],
    series: { rate: [], pauses: [] },
    followUps: { available: false, baselinePain: 8, painAtDischarge: null, benefitEndedOn: null, items: [] },
    observations: timelineObservations([]),
    ...overrides,
  };
}
