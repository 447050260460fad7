import { type EntityManager, In } from 'typeorm';
import { InfusionEvent } from '../infusions/infusion-event.entity.js';
import { InfusionOrderCorrection } from '../infusions/infusion-order-correction.entity.js';
import { InfusionOrder } from '../infusions/infusion-order.entity.js';
import {
  toInfusionOrderResponse,
  type InfusionOrderResponse,
} from '../infusions/dto/infusion-order.response.js';
import { Patient } from '../patients/patient.entity.js';
import { User } from '../users/user.entity.js';
import { DEFAULT_SCHEDULE } from '@infusion-tracker/clinical';
import { ObservationScheduleRow } from '../observations/observation-schedule.entity.js';
import { currentSpo2Scale2Target, toSpo2Scale2TargetResponse } from '../observations/spo2-scale2-target.js';
import { toPatientResponse } from '../patients/dto/patient.response.js';
import type { Admission } from './admission.entity.js';
import type { AdmissionResponse, AdmissionSummaryResponse } from './dto/admission.response.js';

/** Orders newest first; the current one is the newest not marked entered in error. */
export async function loadOrders(
  manager: EntityManager,
  admissionIds: string[],
): Promise<Map<string, InfusionOrderResponse[]>> {
  const byAdmission = new Map<string, InfusionOrderResponse[]>(admissionIds.map((id) => [id, []]));
  if (admissionIds.length === 0) return byAdmission;
  const orders = await manager.find(InfusionOrder, {
    where: { admissionId: In(admissionIds) },
    order: { effectiveFrom: 'DESC', enteredAt: 'DESC' },
  });
  const corrections = orders.length
    ? await manager.findBy(InfusionOrderCorrection, { orderId: In(orders.map((order) => order.id)) })
    : [];
  const correctionOf = new Map(corrections.map((correction) => [correction.orderId, correction]));
  for (const order of orders) {
    byAdmission
      .get(order.admissionId)
      ?.push(toInfusionOrderResponse(order, correctionOf.get(order.id) ?? null));
  }
  return byAdmission;
}

export function currentOrderOf(orders: InfusionOrderResponse[]): InfusionOrderResponse | null {
  return orders.find((order) => order.enteredInError === null) ?? null;
}

export async function toAdmissionSummaries(
  manager: EntityManager,
  admissions: Admission[],
): Promise<AdmissionSummaryResponse[]> {
  const ids = admissions.map((admission) => admission.id);
  // One after another: inside a transaction the manager has a single connection.
  const orders = await loadOrders(manager, ids);
  const patients = admissions.length
    ? await manager.findBy(Patient, { id: In(admissions.map((admission) => admission.patientId)) })
    : [];
  const patientOf = new Map(patients.map((patient) => [patient.id, patient]));
  return admissions.map((admission) =>
    summaryOf(admission, patientOf.get(admission.patientId)!, orders.get(admission.id) ?? []),
  );
}

export async function toAdmissionResponse(
  manager: EntityManager,
  admission: Admission,
): Promise<AdmissionResponse> {
  const orders = await loadOrders(manager, [admission.id]);
  const patient = await manager.findOneByOrFail(Patient, { id: admission.patientId });
  const events = await manager.find(InfusionEvent, {
    where: { admissionId: admission.id },
    order: { occurredAt: 'ASC', recordedAt: 'ASC' },
  });
  const history = orders.get(admission.id) ?? [];
  const staffIds = new Set<string>([
    admission.admittingPrescriberId,
    ...(admission.consentRecordedBy ? [admission.consentRecordedBy] : []),
    ...history.flatMap((order) => [
      order.enteredBy,
      ...(order.enteredInError ? [order.enteredInError.markedBy] : []),
    ]),
    ...events.map((event) => event.recordedBy),
  ]);
  const schedule = await manager.findOne(ObservationScheduleRow, {
    where: { admissionId: admission.id },
    order: { setAt: 'DESC' },
  });
  const spo2Target = await currentSpo2Scale2Target(manager, admission.id);
  if (spo2Target) staffIds.add(spo2Target.setBy);
  const staff = await manager.find(User, {
    where: { id: In([...staffIds]) },
    select: { id: true, displayName: true },
  });
  return {
    ...summaryOf(admission, patient, history),
    admittingPrescriberId: admission.admittingPrescriberId,
    weightKg: admission.weightKg === null ? null : Number(admission.weightKg),
    weightMeasuredOn: admission.weightMeasuredOn,
    baselinePain: admission.baselinePain,
    baselineBpiInterference:
      admission.baselineBpiInterference === null ? null : Number(admission.baselineBpiInterference),
    consentRecordedBy: admission.consentRecordedBy,
    consentRecordedAt: admission.consentRecordedAt?.toISOString() ?? null,
    dischargedAt: admission.dischargedAt?.toISOString() ?? null,
    dischargeSummary: admission.dischargeSummary,
    closingReason: admission.closingReason,
    painAtDischarge: admission.painAtDischarge,
    pgicAtDischarge: admission.pgicAtDischarge,
    pgicWording: admission.pgicWording,
    orders: history,
    staff: staff.map((user) => ({ id: user.id, displayName: user.displayName })),
    observationSchedule: schedule
      ? {
          routineMinutes: schedule.routineMinutes,
          intensifiedMinutes: schedule.intensifiedMinutes,
          intensifiedForMinutes: schedule.intensifiedForMinutes,
          setBy: schedule.setBy,
          setAt: schedule.setAt.toISOString(),
        }
      : { ...DEFAULT_SCHEDULE, setBy: null, setAt: null },
    spo2Scale2Target: toSpo2Scale2TargetResponse(spo2Target),
    events: events.map((event) => ({
      id: event.id,
      type: event.type,
      occurredAt: event.occurredAt.toISOString(),
      reason: event.reason,
      recordedBy: event.recordedBy,
      recordedAt: event.recordedAt.toISOString(),
    })),
  };
}

function summaryOf(
  admission: Admission,
  patient: Patient,
  orders: InfusionOrderResponse[],
): AdmissionSummaryResponse {
  return {
    id: admission.id,
    patient: toPatientResponse(patient),
    ward: admission.ward,
    bed: admission.bed,
    indication: admission.indication,
    indicationOther: admission.indicationOther,
    drug: admission.drug,
    drugOther: admission.drugOther,
    admittedAt: admission.admittedAt.toISOString(),
    plannedDays: admission.plannedDays,
    status: admission.status,
    version: admission.version,
    currentOrder: currentOrderOf(orders),
  };
}
