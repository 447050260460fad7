import type { ApiClient } from './api-client.js';

let sequence = 0;

/** Body of a valid patient, with a fresh MRN. */
export function aPatient(overrides: Record<string, unknown> = {}) {
  sequence += 1;
  return {
    mrn: `T${process.pid}-${sequence}`,
    familyName: 'Nguyen',
    givenName: 'Thi Mai',
    dateOfBirth: '1975-04-30',
    sex: 'female',
    ...overrides,
  };
}

export function anAdmission(patientId: string, overrides: Record<string, unknown> = {}) {
  return {
    patientId,
    ward: 'Pain Medicine Unit',
    bed: '12B',
    indication: 'crps',
    plannedDays: 5,
    weightKg: 72.5,
    weightMeasuredOn: '2026-11-20',
    baselinePain: 8,
    consentObtained: true,
    admittedAt: new Date(Date.now() - 2 * 3600_000).toISOString(),
    ...overrides,
  };
}

export function anOrder(version: number, overrides: Record<string, unknown> = {}) {
  return {
    version,
    drug: 'ketamine',
    route: 'intravenous',
    concentration: { value: 2, unit: 'mg/mL' },
    rate: { value: 0.1, unit: 'mg/kg/h' },
    maxRate: { value: 0.3, unit: 'mg/kg/h' },
    increment: { value: 0.05, unit: 'mg/kg/h' },
    minMinutesBetweenChanges: 60,
    endPoints: 'Stop if POSS 3 or more, or hallucinations',
    effectiveFrom: new Date(Date.now() - 3600_000).toISOString(),
    reason: 'Starting rate',
    ...overrides,
  };
}

/** A patient admitted by this prescriber; returns the admission as the API answered. */
export async function anAdmittedPatient(prescriber: ApiClient, overrides: Record<string, unknown> = {}) {
  const patient = await prescriber.post('/api/patients', aPatient());
  const admission = await prescriber.post('/api/admissions', anAdmission(patient.body.id, overrides));
  if (admission.status !== 201) throw new Error(`admission failed: ${admission.status} ${admission.text}`);
  return admission.body;
}

// Follow-ups after discharge (issue 9)

/** The instant at a local wall-clock time (HH:MM) on a local date in a time zone. */
export function localInstant(date: string, time: string, timeZone: string): Date {
  for (let offsetHours = -14; offsetHours <= 14; offsetHours += 0.25) {
    const candidate = new Date(Date.parse(`${date}T${time}:00Z`) - offsetHours * 3600_000);
    const parts = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).formatToParts(candidate);
    const part = (type: string) => parts.find((p) => p.type === type)!.value;
    if (
      `${part('year')}-${part('month')}-${part('day')}` === date &&
      `${part('hour')}:${part('minute')}` === time
    ) {
      return candidate;
    }
  }
  throw new Error(`no ${time} on ${date} in ${timeZone}`);
}

/**
 * A patient (with a phone number) admitted, infused and discharged at `dischargedAt` by this
 * prescriber; returns the discharged admission as the API answered.
 */
export async function aDischargedAdmission(
  prescriber: ApiClient,
  options: {
    dischargedAt?: Date;
    painAtDischarge?: number;
    pgicAtDischarge?: number;
    admission?: Record<string, unknown>;
    patient?: Record<string, unknown>;
  } = {},
) {
  const dischargedAt = options.dischargedAt ?? new Date(Date.now() - 3600_000);
  const admittedAt = new Date(dischargedAt.getTime() - 5 * 86_400_000);
  const hour = 3600_000;
  const patient = await prescriber.post(
    '/api/patients',
    aPatient({
      contact: { phoneNumbers: [{ label: 'mobile', number: '0412 345 678' }], preferredMethod: 'phone' },
      ...options.patient,
    }),
  );
  if (patient.status !== 201) throw new Error(`patient failed: ${patient.status} ${patient.text}`);
  const created = await prescriber.post(
    '/api/admissions',
    anAdmission(patient.body.id, { admittedAt: admittedAt.toISOString(), ...options.admission }),
  );
  if (created.status !== 201) throw new Error(`admission failed: ${created.status} ${created.text}`);
  let admission = created.body;
  const step = async (path: string, body: Record<string, unknown>) => {
    const response = await prescriber.post(`/api/admissions/${admission.id}/${path}`, {
      version: admission.version,
      ...body,
    });
    if (response.status >= 300) throw new Error(`${path} failed: ${response.status} ${response.text}`);
    admission = path === 'infusion-orders' ? response.body.admission : response.body;
  };
  await step('infusion-orders', {
    ...anOrder(admission.version),
    effectiveFrom: new Date(admittedAt.getTime() + hour).toISOString(),
  });
  await step('infusion-events', {
    type: 'start',
    occurredAt: new Date(admittedAt.getTime() + 2 * hour).toISOString(),
  });
  await step('infusion-events', {
    type: 'stop',
    occurredAt: new Date(dischargedAt.getTime() - hour).toISOString(),
    reason: 'Course complete',
  });
  await step('discharge', {
    summary: 'Course complete',
    dischargedAt: dischargedAt.toISOString(),
    painAtDischarge: options.painAtDischarge ?? 4,
    ...(options.pgicAtDischarge === undefined ? {} : { pgicAtDischarge: options.pgicAtDischarge }),
  });
  return admission;
}
