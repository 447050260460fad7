import type { AdmissionStatus, Drug, Indication } from '../admissions/admission-status.js';
import type { Route } from '../infusions/rate-units.js';
import type { Sex } from '../patients/patient.entity.js';
import type {
  PauseBand,
  RateLine,
  TimelineAdmissionResponse,
  TimelineEnteredInError,
  TimelineEventResponse,
  TimelineFollowUps,
  TimelinePatientResponse,
  TimelineOrderResponse,
} from './dto/timeline.response.js';
import { followUpLabel, followUpStatus } from '@infusion-tracker/clinical';
import type { AdmissionRow, EventRow, FollowUpRow, OrderRow } from './timeline.queries.js';

/** Rows to the response, and the series derived from them. Pure: no database, no clock. */

const iso = (value: Date | null): string | null => (value === null ? null : value.toISOString());
/** numeric comes back as text; the number is the one that was typed. */
const numberOrNull = (value: string | null): number | null => (value === null ? null : Number(value));

function enteredInError(row: {
  error_reason: string | null;
  error_marked_by: string | null;
  error_marked_by_name: string | null;
  error_marked_at: string | null;
}): TimelineEnteredInError | null {
  return row.error_reason === null
    ? null
    : {
        reason: row.error_reason,
        markedBy: row.error_marked_by!,
        markedByName: row.error_marked_by_name ?? '',
        markedAt: row.error_marked_at!,
      };
}

export function toPatient(row: AdmissionRow): TimelinePatientResponse {
  return {
    id: row.patient_id,
    mrn: row.mrn,
    familyName: row.family_name,
    givenName: row.given_name,
    dateOfBirth: row.date_of_birth,
    sex: row.sex as Sex,
  };
}

export function toTimelineAdmission(
  row: AdmissionRow,
  events: TimelineEventResponse[],
): TimelineAdmissionResponse {
  return {
    id: row.id,
    status: row.status as AdmissionStatus,
    version: row.version,
    ward: row.ward,
    bed: row.bed,
    indication: row.indication as Indication,
    indicationOther: row.indication_other,
    drug: row.drug as Drug,
    drugOther: row.drug_other,
    admittedAt: row.admitted_at.toISOString(),
    plannedDays: row.planned_days,
    weightKg: numberOrNull(row.weight_kg),
    weightMeasuredOn: row.weight_measured_on,
    baselinePain: row.baseline_pain,
    baselineBpiInterference: numberOrNull(row.baseline_bpi_interference),
    consent:
      row.consent_recorded_at && row.consent_recorded_by
        ? {
            recordedAt: row.consent_recorded_at.toISOString(),
            recordedBy: { id: row.consent_recorded_by, displayName: row.consent_recorded_by_name ?? '' },
          }
        : null,
    admittingPrescriber: { id: row.admitting_prescriber_id, displayName: row.admitting_prescriber_name },
    infusionStartedAt: events.find((event) => event.type === 'start')?.occurredAt ?? null,
    infusionStoppedAt: events.findLast((event) => event.type === 'stop')?.occurredAt ?? null,
    dischargedAt: iso(row.discharged_at),
    dischargeSummary: row.discharge_summary,
    closingReason: row.closing_reason,
    statusChangedAt: row.status_changed_at.toISOString(),
  };
}

/**
 * Orders oldest first. The current order is the newest one not entered in error (as on the admission);
 * every earlier valid order is superseded by the next valid one.
 */
export function toTimelineOrders(rows: OrderRow[], admissionId: string): TimelineOrderResponse[] {
  const orders: TimelineOrderResponse[] = rows.map((row) => ({
    id: row.id,
    admissionId,
    drug: row.drug,
    route: row.route as Route,
    concentration: { value: Number(row.concentration_value), unit: row.concentration_unit },
    rate: { value: Number(row.rate_value), unit: row.rate_unit },
    maxRate:
      row.max_rate_value !== null && row.max_rate_unit !== null
        ? { value: Number(row.max_rate_value), unit: row.max_rate_unit }
        : null,
    increment:
      row.increment_value !== null && row.increment_unit !== null
        ? { value: Number(row.increment_value), unit: row.increment_unit }
        : null,
    minMinutesBetweenChanges: row.min_minutes_between_changes,
    endPoints: row.end_points,
    effectiveFrom: row.effective_from,
    reason: row.reason,
    note: row.note,
    overMaxReason: row.over_max_reason,
    enteredBy: row.entered_by,
    enteredByName: row.entered_by_name,
    enteredAt: row.entered_at,
    enteredInError: enteredInError(row),
    state: 'entered-in-error',
    supersededBy: null,
    supersededAt: null,
  }));
  const valid = orders.filter((order) => order.enteredInError === null);
  valid.forEach((order, index) => {
    const next = valid[index + 1];
    order.state = next ? 'superseded' : 'current';
    order.supersededBy = next?.id ?? null;
    order.supersededAt = next?.effectiveFrom ?? null;
  });
  return orders;
}

export function toTimelineEvents(rows: EventRow[]): TimelineEventResponse[] {
  return rows.map((row) => ({
    id: row.id,
    type: row.type,
    occurredAt: row.occurred_at,
    reason: row.reason,
    recordedBy: row.recorded_by,
    recordedByName: row.recorded_by_name,
    recordedAt: row.recorded_at,
  }));
}

/**
 * The rate each valid order set, one line per unit, from its effective time to the next order, the stop
 * or the discharge. Values are exactly as written: a change of unit starts another line, never a
 * conversion.
 */
export function rateLines(
  orders: TimelineOrderResponse[],
  events: TimelineEventResponse[],
  dischargedAt: string | null,
): RateLine[] {
  const stoppedAt = events.findLast((event) => event.type === 'stop')?.occurredAt ?? null;
  const end = stoppedAt ?? dischargedAt;
  const lines = new Map<string, RateLine>();
  for (const order of orders) {
    if (order.enteredInError) continue;
    const to = order.supersededAt ?? (end !== null && end > order.effectiveFrom ? end : null);
    const line = lines.get(order.rate.unit) ?? { unit: order.rate.unit, segments: [] };
    line.segments.push({ orderId: order.id, value: order.rate.value, from: order.effectiveFrom, to });
    lines.set(order.rate.unit, line);
  }
  return [...lines.values()];
}

/** A pause lasts until the next resume or stop; an open one has no end yet. */
export function pauseBands(events: TimelineEventResponse[]): PauseBand[] {
  const bands: PauseBand[] = [];
  let open: PauseBand | null = null;
  for (const event of events) {
    if (event.type === 'pause' && open === null) {
      open = { from: event.occurredAt, to: null, reason: event.reason, pausedByName: event.recordedByName };
      bands.push(open);
    } else if ((event.type === 'resume' || event.type === 'stop') && open !== null) {
      open.to = event.occurredAt;
      open = null;
    }
  }
  return bands;
}

/**
 * Follow-ups by due date with their current outcome; the status as ADR 4 derives it for `today` (the
 * ward's calendar date). Benefit ended: the earliest current outcome that says so.
 */
export function toTimelineFollowUps(
  rows: FollowUpRow[],
  admission: Pick<AdmissionRow, 'baseline_pain' | 'pain_at_discharge'>,
  today: string,
): TimelineFollowUps {
  const items = rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    weeks: row.weeks,
    label: followUpLabel(row.weeks),
    dueOn: row.due_on,
    // settled caches done, missed and cancelled; otherwise the dates decide.
    status:
      row.settled ??
      followUpStatus(
        {
          cancelled: false,
          hasCurrentOutcome: false,
          failedAttempts: 0,
          windowStart: row.window_start,
          windowEnd: row.window_end,
        },
        today,
        row.failed_attempt_limit,
      ),
    outcome:
      row.outcome_id === null
        ? null
        : {
            id: row.outcome_id,
            assessedOn: row.assessed_on!,
            method: row.method!,
            painNow: row.pain_now!,
            painWorstWeek: row.pain_worst_week,
            pgic: row.pgic,
            benefitOngoing: row.benefit_ongoing!,
            benefitEndedOn: row.benefit_ended_on,
            comment: row.comment,
            recordedByName: row.outcome_recorded_by_name ?? '',
          },
  }));
  const ended = items
    .map((item) => item.outcome)
    .filter((outcome) => outcome !== null && !outcome.benefitOngoing)
    .sort((a, b) => a!.assessedOn.localeCompare(b!.assessedOn))[0];
  return {
    available: true,
    baselinePain: admission.baseline_pain,
    painAtDischarge: admission.pain_at_discharge,
    benefitEndedOn: ended?.benefitEndedOn ?? null,
    items,
  };
}
