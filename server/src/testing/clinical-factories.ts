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
