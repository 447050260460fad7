import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { Admission } from '../admissions/admission.entity.js';
import type { AdmissionStatus, Indication } from '../admissions/admission-status.js';
import { InfusionEvent } from '../infusions/infusion-event.entity.js';
import { InfusionOrder } from '../infusions/infusion-order.entity.js';
import type { InfusionEventType, RateUnit } from '../infusions/rate-units.js';
import { Patient, type Sex } from '../patients/patient.entity.js';
import { type DemoStay, seedDemoObservations } from './demo-observations.js';
import { between, pick, seededRandom } from './demo-random.js';
import { FAMILY_NAMES, GIVEN_NAMES } from '../synthetic/synthetic-names.js';

const INDICATIONS: Indication[] = [
  'crps',
  'crps',
  'post-herpetic-neuralgia',
  'phantom-limb-pain',
  'diabetic-neuropathy',
  'chemotherapy-neuropathy',
  'spinal-cord-injury-pain',
  'chronic-post-surgical-pain',
];
const PAUSE_REASONS = [
  'POSS 3: over-sedation',
  'Hallucinations',
  'Hypertension 185/100',
  'Line problem: tissued cannula',
  'Patient request: vivid dreams',
];

interface Actors {
  prescriberId: string;
  nurseId: string;
}

/** What the current ward looks like: day of stay, where the infusion is, a pause to show. */
const CURRENT: { day: number; status: AdmissionStatus; unit: RateUnit; paused?: boolean }[] = [
  { day: 1, status: 'admitted', unit: 'mg/kg/h' },
  { day: 1, status: 'infusing', unit: 'mg/kg/h' },
  { day: 2, status: 'infusing', unit: 'mg/kg/h' },
  { day: 3, status: 'paused', unit: 'mg/kg/h', paused: true },
  { day: 3, status: 'infusing', unit: 'mg/h' },
  { day: 4, status: 'infusing', unit: 'mg/kg/h', paused: true },
  { day: 5, status: 'infusing', unit: 'mg/kg/h' },
  { day: 6, status: 'infusion-stopped', unit: 'mg/kg/h' },
];

export const PAST_ADMISSIONS = 300;

/**
 * Demo patients: a ward of current admissions at different days of stay (several rate changes, a
 * pause, one not yet started, one ready for discharge) and a few hundred past admissions over 3 years.
 */
export async function seedDemoAdmissions(
  manager: EntityManager,
  wardName: string,
  actors: Actors,
  now = new Date(),
): Promise<{ current: number; past: number; observationSets: number }> {
  const random = seededRandom(20261125);
  const patients = Array.from({ length: CURRENT.length + PAST_ADMISSIONS }, (_, index) => {
    const sex: Sex = random() < 0.6 ? 'female' : 'male';
    return manager.create(Patient, {
      id: randomUUID(),
      mrn: `D${String(100000 + index * 37).padStart(6, '0')}`,
      familyName: pick(random, FAMILY_NAMES),
      givenName: pick(random, GIVEN_NAMES[sex as 'female' | 'male']),
      dateOfBirth: `${between(random, 1945, 2002)}-${String(between(random, 1, 12)).padStart(2, '0')}-${String(between(random, 1, 28)).padStart(2, '0')}`,
      sex,
      createdBy: actors.prescriberId,
    });
  });
  await insertInChunks(manager, Patient, patients);

  const orders: InfusionOrder[] = [];
  const events: InfusionEvent[] = [];
  const admissions: Admission[] = [];
  const hour = 3600_000;

  const addStay = (
    patient: Patient,
    admittedAt: Date,
    hoursInfused: number,
    plan: { status: AdmissionStatus; unit: RateUnit; paused?: boolean; bed: string; plannedDays: number },
  ) => {
    const admission = manager.create(Admission, {
      id: randomUUID(),
      patientId: patient.id,
      ward: wardName,
      bed: plan.bed,
      indication: pick(random, INDICATIONS),
      indicationOther: null,
      drug: 'ketamine',
      drugOther: null,
      admittingPrescriberId: actors.prescriberId,
      admittedAt,
      plannedDays: plan.plannedDays,
      weightKg: String(between(random, 480, 1150) / 10),
      weightMeasuredOn: admittedAt.toISOString().slice(0, 10),
      baselinePain: between(random, 6, 10),
      baselineBpiInterference: String(between(random, 40, 95) / 10),
      consentRecordedBy: actors.prescriberId,
      consentRecordedAt: admittedAt,
      status: plan.status,
      statusChangedAt: admittedAt,
      dischargedAt:
        plan.status === 'discharged' ? new Date(admittedAt.getTime() + (hoursInfused + 20) * hour) : null,
      dischargeSummary: null as string | null,
      painAtDischarge: null as number | null,
    });
    if (plan.status === 'discharged') {
      const painAtDischarge = between(random, 2, 7);
      admission.dischargeSummary = `Pain ${painAtDischarge}/10 at discharge; tolerated the infusion.`;
      admission.painAtDischarge = painAtDischarge;
    }
    admissions.push(admission);
    const start = new Date(admittedAt.getTime() + 2 * hour);
    const step = plan.unit === 'mg/h' ? 4 : 0.05;
    const first = plan.unit === 'mg/h' ? 6 : 0.1;
    const changes = plan.status === 'admitted' ? 1 : Math.min(4, 1 + Math.floor(hoursInfused / 24));
    for (let change = 0; change < changes; change += 1) {
      const value = Number((first + change * step).toFixed(4));
      orders.push(
        manager.create(InfusionOrder, {
          admissionId: admission.id,
          drug: 'ketamine',
          route: 'intravenous',
          concentrationValue: '2',
          concentrationUnit: 'mg/mL',
          rateValue: String(value),
          rateUnit: plan.unit,
          maxRateValue: plan.unit === 'mg/h' ? '20' : '0.3',
          maxRateUnit: plan.unit,
          incrementValue: String(step),
          incrementUnit: plan.unit,
          minMinutesBetweenChanges: 240,
          endPoints: 'Pause and call if POSS 3 or more, hallucinations, SBP above 180',
          effectiveFrom: new Date(start.getTime() + change * 24 * hour - 30 * 60_000),
          reason: change === 0 ? 'Starting rate' : 'Tolerating well; pain still above target',
          note: null,
          overMaxReason: null,
          enteredBy: actors.prescriberId,
        }),
      );
    }
    if (plan.status === 'admitted') return;
    const event = (type: InfusionEventType, at: Date, reason: string | null, by = actors.prescriberId) =>
      events.push(
        manager.create(InfusionEvent, {
          admissionId: admission.id,
          type,
          occurredAt: at,
          reason,
          recordedBy: by,
        }),
      );
    event('start', start, null);
    if (plan.paused) {
      const pausedAt = new Date(start.getTime() + Math.max(1, hoursInfused - 3) * hour);
      event('pause', pausedAt, pick(random, PAUSE_REASONS), actors.nurseId);
      if (plan.status !== 'paused')
        event('resume', new Date(pausedAt.getTime() + hour), 'Reviewed: settled, resume at the same rate');
    }
    if (plan.status === 'infusion-stopped' || plan.status === 'discharged')
      event('stop', new Date(start.getTime() + hoursInfused * hour), 'Planned course complete');
  };

  const currentStays: DemoStay[] = [];
  CURRENT.forEach((plan, index) => {
    const admittedAt = new Date(now.getTime() - ((plan.day - 1) * 24 + 5) * hour);
    const ordersBefore = orders.length;
    addStay(patients[index], admittedAt, (plan.day - 1) * 24 + 2, {
      ...plan,
      bed: String(index + 1),
      plannedDays: 5,
    });
    const admissionId = admissions[admissions.length - 1].id;
    const stayOrders = orders.slice(ordersBefore);
    currentStays.push({
      admissionId,
      changes: [
        ...events
          .filter(
            (event) =>
              event.admissionId === admissionId && (event.type === 'start' || event.type === 'resume'),
          )
          .map((event) => event.occurredAt),
        ...(plan.status === 'admitted' ? [] : stayOrders.slice(1).map((order) => order.effectiveFrom)),
      ],
      halts: haltsOf(events.filter((event) => event.admissionId === admissionId)),
      admittedAt,
      status: plan.status,
      orders: stayOrders.map((order) => ({
        effectiveFrom: order.effectiveFrom,
        value: Number(order.rateValue),
        unit: order.rateUnit,
      })),
    });
  });
  for (let index = 0; index < PAST_ADMISSIONS; index += 1) {
    const daysAgo = between(random, 14, 3 * 365);
    const stayDays = between(random, 3, 7);
    addStay(
      patients[CURRENT.length + index],
      new Date(now.getTime() - daysAgo * 24 * hour),
      stayDays * 24 - 6,
      {
        status: 'discharged',
        unit: 'mg/kg/h',
        paused: random() < 0.2,
        bed: String(between(random, 1, 12)),
        plannedDays: stayDays,
      },
    );
  }
  readmitOnePatient(admissions.slice(CURRENT.length), now);
  await insertInChunks(manager, Admission, admissions);
  await insertInChunks(manager, InfusionOrder, orders);
  await insertInChunks(manager, InfusionEvent, events);
  const observationSets = await seedDemoObservations(manager, currentStays, actors.nurseId, now);
  return { current: CURRENT.length, past: PAST_ADMISSIONS, observationSets };
}

async function insertInChunks<T extends object>(
  manager: EntityManager,
  target: new () => T,
  rows: T[],
): Promise<void> {
  for (let offset = 0; offset < rows.length; offset += 500) {
    await manager
      .createQueryBuilder()
      .insert()
      .into(target)
      .values(rows.slice(offset, offset + 500) as never)
      .execute();
  }
}

/**
 * One past patient came back for another infusion (issue 9): a stay admitted 2 to 6 months after an
 * earlier stay's discharge becomes that patient's second admission. Its own patient then has no stay.
 */
function readmitOnePatient(past: Admission[], now: Date): void {
  const day = 24 * 3600_000;
  const byAdmission = [...past].sort((a, b) => a.admittedAt.getTime() - b.admittedAt.getTime());
  for (const first of byAdmission) {
    if (now.getTime() - first.admittedAt.getTime() < 300 * day) continue;
    const second = byAdmission.find((stay) => {
      const gap = stay.admittedAt.getTime() - first.dischargedAt!.getTime();
      return gap > 60 * day && gap < 180 * day;
    });
    if (second) {
      second.patientId = first.patientId;
      return;
    }
  }
}

/**
 * When the pump is off, from a stay's events in time order: before the start, each pause (until the
 * resume) and the stop (open).
 */
function haltsOf(events: InfusionEvent[]): { from: Date; to: Date | null }[] {
  const halts: { from: Date; to: Date | null }[] = [{ from: new Date(0), to: null }];
  for (const event of events) {
    if (event.type === 'pause' || event.type === 'stop') halts.push({ from: event.occurredAt, to: null });
    else if ((event.type === 'resume' || event.type === 'start') && halts[halts.length - 1].to === null) {
      halts[halts.length - 1].to = event.occurredAt;
    }
  }
  return halts;
}
