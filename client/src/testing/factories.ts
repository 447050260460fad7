import {
  Admission,
  AdmissionFollowUps,
  AdmissionSummary,
  AppInfo,
  AuditEvent,
  FollowUp,
  FollowUpOutcome,
  InfusionEvent,
  InfusionOrder,
  Patient,
  User,
  WorklistEntry,
  WorklistFollowUp,
} from '../app/core/api-types';

let sequence = 0;
/** Somebody else: the prescriber who entered the records the factories make. */
export const PRESCRIBER_ID = '4504785f-b963-4050-8158-804c9c09be93';
const next = () => ++sequence;

export function aUser(overrides: Partial<User> = {}): User {
  const n = next();
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    username: `user${n}`,
    displayName: `User ${n}`,
    roles: ['nurse'],
    active: true,
    mustChangePassword: false,
    version: 1,
    ...overrides,
  };
}

export function anAppInfo(overrides: Partial<AppInfo> = {}): AppInfo {
  return {
    name: 'infusion-tracker',
    version: '0.1.0',
    wardName: 'Ward 7 Pain Unit',
    wardTimeZone: 'Europe/London',
    demoMode: false,
    idleTimeoutSeconds: 900,
    ...overrides,
  };
}

export function anAuditEvent(overrides: Partial<AuditEvent> = {}): AuditEvent {
  const n = next();
  return {
    id: `event-${n}`,
    occurredAt: '2025-07-01T09:30:00Z',
    userId: 'user-1',
    userDisplayName: 'Sam Patel',
    action: 'auth.sign-in',
    entityType: null,
    entityId: null,
    admissionId: null,
    requestId: `request-${n}`,
    clientAddress: '10.0.0.7',
    change: null,
    patient: null,
    entityDisplayName: null,
    ...overrides,
  };
}

export function aPatient(overrides: Partial<Patient> = {}): Patient {
  const n = next();
  return {
    id: `10000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    mrn: `MRN-${String(n).padStart(6, '0')}`,
    familyName: 'Nguyen',
    givenName: 'Thi Mai',
    dateOfBirth: '1975-04-30',
    sex: 'female',
    contact: null,
    ...overrides,
  };
}

export function anOrder(overrides: Partial<InfusionOrder> = {}): InfusionOrder {
  const n = next();
  return {
    id: `20000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    admissionId: 'admission-1',
    drug: 'Ketamine',
    route: 'intravenous',
    concentration: { value: 2, unit: 'mg/mL' },
    rate: { value: 0.15, unit: 'mg/kg/h' },
    maxRate: null,
    increment: null,
    minMinutesBetweenChanges: null,
    endPoints: null,
    effectiveFrom: '2025-07-01T08:00:00.000Z',
    reason: 'Starting dose',
    note: null,
    overMaxReason: null,
    enteredBy: PRESCRIBER_ID,
    enteredAt: '2025-07-01T08:01:00.000Z',
    enteredInError: null,
    ...overrides,
  };
}

export function anEvent(overrides: Partial<InfusionEvent> = {}): InfusionEvent {
  const n = next();
  return {
    id: `30000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    type: 'start',
    occurredAt: '2025-07-01T08:05:00.000Z',
    reason: null,
    recordedBy: PRESCRIBER_ID,
    recordedAt: '2025-07-01T08:06:00.000Z',
    ...overrides,
  };
}

export function anAdmissionSummary(overrides: Partial<AdmissionSummary> = {}): AdmissionSummary {
  const n = next();
  return {
    id: `40000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    patient: aPatient(),
    ward: 'Ward 7 Pain Unit',
    bed: '12B',
    indication: 'crps',
    indicationOther: null,
    drug: 'ketamine',
    drugOther: null,
    admittedAt: '2025-06-29T10:00:00.000Z',
    plannedDays: 5,
    status: 'admitted',
    version: 1,
    currentOrder: null,
    ...overrides,
  };
}

/** An admission as GET /api/admissions/:id answers; `orders` and `currentOrder` agree unless told otherwise. */
export function anAdmission(overrides: Partial<Admission> = {}): Admission {
  const orders = overrides.orders ?? (overrides.currentOrder ? [overrides.currentOrder] : []);
  const currentOrder = overrides.currentOrder ?? orders.find((order) => !order.enteredInError) ?? null;
  return {
    ...anAdmissionSummary(),
    admittingPrescriberId: PRESCRIBER_ID,
    weightKg: 70,
    weightMeasuredOn: '2025-06-29',
    baselinePain: 7,
    baselineBpiInterference: 6.1,
    consentRecordedBy: PRESCRIBER_ID,
    consentRecordedAt: '2025-06-29T10:00:00.000Z',
    dischargedAt: null,
    dischargeSummary: null,
    closingReason: null,
    painAtDischarge: null,
    pgicAtDischarge: null,
    pgicWording: null,
    events: [],
    staff: [],
    observationSchedule: {
      routineMinutes: 240,
      intensifiedMinutes: 30,
      intensifiedForMinutes: 120,
      setBy: null,
      setAt: null,
    },
    spo2Scale2Target: null,
    ...overrides,
    orders,
    currentOrder,
  };
}

// Follow-ups after discharge.

export function aWorklistFollowUp(overrides: Partial<WorklistFollowUp> = {}): WorklistFollowUp {
  const n = next();
  return {
    id: `50000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    label: 'Week 2',
    weeks: 2,
    dueOn: '2025-07-01',
    windowStart: '2025-06-28',
    windowEnd: '2025-07-04',
    status: 'due',
    attemptCount: 0,
    lastAttemptAt: null,
    lastAttemptResult: null,
    patientLink: null, // Patient-reported follow-ups (issue 13)
    ...overrides,
  };
}

export function aWorklistEntry(overrides: Partial<WorklistEntry> = {}): WorklistEntry {
  const n = next();
  const patient = aPatient();
  return {
    section: 'due',
    patient: {
      id: patient.id,
      mrn: patient.mrn,
      familyName: patient.familyName,
      givenName: patient.givenName,
      dateOfBirth: patient.dateOfBirth,
      contact: { phoneNumbers: [{ label: 'mobile', number: '0412 345 678' }], preferredMethod: 'phone' },
    },
    admission: {
      id: `40000000-0000-4000-9000-${String(n).padStart(12, '0')}`,
      ward: 'Ward 7 Pain Unit',
      indication: 'crps',
      indicationOther: null,
      drug: 'ketamine',
      drugOther: null,
      admittedAt: '2025-06-10T09:00:00.000Z',
      dischargedAt: '2025-06-17T04:00:00.000Z',
      clinician: { id: PRESCRIBER_ID, displayName: 'Dr Ana Ruiz' },
    },
    followUps: [aWorklistFollowUp()],
    ...overrides,
  };
}

export function aFollowUpOutcome(overrides: Partial<FollowUpOutcome> = {}): FollowUpOutcome {
  const n = next();
  return {
    id: `60000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    followUpId: 'follow-up-1',
    assessedOn: '2025-06-24',
    method: 'phone',
    painNow: 3,
    painWorstWeek: null,
    pgic: 2,
    pgicWording: 'domain-2025',
    benefitOngoing: true,
    benefitReturned: null,
    benefitEndedOn: null,
    benefitEndedOnApproximate: false,
    medicationChanges: null,
    adverseEffects: null,
    adverseEffectsGrade: null,
    readmissionPlanned: null,
    comment: null,
    instruments: [],
    recordedBy: { id: 'nurse-1', displayName: 'Sam Patel' },
    recordedAt: '2025-06-24T01:00:00.000Z',
    enteredInError: null,
    ...overrides,
  };
}

export function aFollowUp(overrides: Partial<FollowUp> = {}): FollowUp {
  const n = next();
  return {
    id: `70000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    admissionId: 'admission-1',
    kind: 'scheduled',
    weeks: 1,
    label: 'Week 1',
    dueOn: '2025-06-24',
    windowStart: '2025-06-21',
    windowEnd: '2025-06-27',
    status: 'upcoming',
    reason: null,
    cancellation: null,
    attempts: [],
    failedAttempts: 0,
    failedAttemptLimit: 3,
    outcome: null,
    outcomesEnteredInError: [],
    reopens: null,
    patientLink: null, // Patient-reported follow-ups (issue 13)
    ...overrides,
  };
}

export function admissionFollowUps(overrides: Partial<AdmissionFollowUps> = {}): AdmissionFollowUps {
  return {
    admissionId: 'admission-1',
    baselinePain: 8,
    painAtDischarge: 4,
    pgicAtDischarge: 2,
    dischargedOn: '2025-06-17',
    today: '2025-06-20',
    items: [],
    terminalEvent: null,
    terminalEventsEnteredInError: [],
    ...overrides,
  };
}
