import type { EntityManager } from 'typeorm';
import type { RateUnit } from '@infusion-tracker/clinical';
import { type Actor, auditAuthor } from '../audit/audit-trail.service.js';
import { preparedQuery } from '../database/prepared-query.js';

/**
 * The timeline's reads: a fixed number of statements whatever the length of the stay (the test counts
 * them). The first one also writes the audited read, so the audit row exists exactly when an admission
 * was read; the others run side by side on the pool.
 */

export interface AdmissionRow {
  id: string;
  status: string;
  ward: string;
  bed: string;
  indication: string;
  indication_other: string | null;
  drug: string;
  drug_other: string | null;
  admitted_at: Date;
  planned_days: number;
  weight_kg: string | null;
  weight_measured_on: string | null;
  baseline_pain: number;
  baseline_bpi_interference: string | null;
  consent_recorded_at: Date | null;
  consent_recorded_by: string | null;
  consent_recorded_by_name: string | null;
  admitting_prescriber_id: string;
  admitting_prescriber_name: string;
  status_changed_at: Date;
  discharged_at: Date | null;
  discharge_summary: string | null;
  closing_reason: string | null;
  version: number;
  patient_id: string;
  mrn: string;
  family_name: string;
  given_name: string;
  date_of_birth: string;
  sex: string;
  pain_at_discharge: number | null;
}

const ADMISSION_WITH_AUDIT = `
  WITH audited AS (
    INSERT INTO audit_events (user_id, user_display_name, action, entity_type, entity_id, admission_id, request_id, client_address)
    SELECT $2::uuid, $3, 'admission.timeline-viewed', 'admission', a.id::text, a.id, $4, $5
    FROM admissions a WHERE a.id = $1
  )
  SELECT a.id, a.status, a.ward, a.bed, a.indication, a.indication_other, a.drug, a.drug_other,
         a.admitted_at, a.planned_days, a.weight_kg::text AS weight_kg, a.weight_measured_on::text AS weight_measured_on,
         a.baseline_pain, a.baseline_bpi_interference::text AS baseline_bpi_interference,
         a.consent_recorded_at, a.consent_recorded_by, cu.display_name AS consent_recorded_by_name,
         a.admitting_prescriber_id, ap.display_name AS admitting_prescriber_name,
         a.status_changed_at, a.discharged_at, a.discharge_summary, a.closing_reason, a.version, a.pain_at_discharge,
         p.id AS patient_id, p.mrn, p.family_name, p.given_name, p.date_of_birth::text AS date_of_birth, p.sex
  FROM admissions a
  JOIN patients p ON p.id = a.patient_id
  JOIN users ap ON ap.id = a.admitting_prescriber_id
  LEFT JOIN users cu ON cu.id = a.consent_recorded_by
  WHERE a.id = $1`;

export interface OrderRow {
  id: string;
  drug: string;
  route: string;
  concentration_value: string;
  concentration_unit: string;
  rate_value: string;
  rate_unit: RateUnit;
  max_rate_value: string | null;
  max_rate_unit: RateUnit | null;
  increment_value: string | null;
  increment_unit: RateUnit | null;
  min_minutes_between_changes: number | null;
  end_points: string | null;
  effective_from: Date;
  reason: string;
  note: string | null;
  over_max_reason: string | null;
  entered_by: string;
  entered_by_name: string;
  entered_at: Date;
  error_reason: string | null;
  error_marked_by: string | null;
  error_marked_by_name: string | null;
  error_marked_at: Date | null;
}

const ORDERS = `
  SELECT o.id, o.drug, o.route, o.concentration_value::text AS concentration_value, o.concentration_unit,
         o.rate_value::text AS rate_value, o.rate_unit, o.max_rate_value::text AS max_rate_value, o.max_rate_unit,
         o.increment_value::text AS increment_value, o.increment_unit, o.min_minutes_between_changes,
         o.end_points, o.effective_from, o.reason, o.note, o.over_max_reason,
         o.entered_by, u.display_name AS entered_by_name, o.entered_at,
         c.reason AS error_reason, c.marked_by AS error_marked_by, m.display_name AS error_marked_by_name,
         c.marked_at AS error_marked_at
  FROM infusion_orders o
  JOIN users u ON u.id = o.entered_by
  LEFT JOIN infusion_order_corrections c ON c.order_id = o.id
  LEFT JOIN users m ON m.id = c.marked_by
  WHERE o.admission_id = $1
  ORDER BY o.effective_from, o.entered_at`;

export interface EventRow {
  id: string;
  type: 'start' | 'pause' | 'resume' | 'stop';
  occurred_at: Date;
  reason: string | null;
  recorded_by: string;
  recorded_by_name: string;
  recorded_at: Date;
}

const EVENTS = `
  SELECT e.id, e.type, e.occurred_at, e.reason, e.recorded_by, u.display_name AS recorded_by_name, e.recorded_at
  FROM infusion_events e
  JOIN users u ON u.id = e.recorded_by
  WHERE e.admission_id = $1
  ORDER BY e.occurred_at, e.recorded_at`;

/** An instant as ISO 8601 UTC text, as Date.toISOString writes it: the set rows skip the Date round trip. */
const ISO = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * Every set of the stay, entered-in-error ones included, as columns built by PostgreSQL and returned as
 * JSON text that the server sends on without parsing: index i of every array is the i-th set, oldest
 * first. Every aggregate orders by the set's position (`ord`, numbered once in the CTE), so the columns
 * line up by construction, not by the scan order PostgreSQL happens to use: a value shown against the
 * wrong time would be a wrong record. (Relying on the CTE's order alone was faster, by about 8 of 28 ms for a
 * 336-set stay when each aggregate sorted on three columns; not worth a record that could misalign.) The int-spec records sets out of time order and
 * checks each set's columns against the observations list.
 * `sideEffects` has one column per effect any set graded; null where the set did not grade it. A set null
 * in every one of them did not assess side effects (stored as NULL, or as {} before issue 12): the
 * observations list's null. NEWS2 is the stored result split into columns the same way.
 */
const column = (expression: string, rows = 's') =>
  `COALESCE(json_agg(${expression} ORDER BY ${rows}.ord), '[]'::json)`;
const NEWS2_PARAMETERS = [
  'respirationRate',
  'spo2',
  'supplementalOxygen',
  'systolicBp',
  'pulse',
  'consciousness',
  'temperatureC',
] as const;

const OBSERVATION_COLUMNS = `
  WITH s AS MATERIALIZED (
    SELECT s.*, row_number() OVER (ORDER BY s.taken_at, s.recorded_at, s.id) AS ord,
           u.display_name AS recorded_by_name,
           c.reason AS error_reason, c.marked_by AS error_marked_by, m.display_name AS error_marked_by_name,
           c.marked_at AS error_marked_at
    FROM observation_sets s
    JOIN users u ON u.id = s.recorded_by
    LEFT JOIN observation_set_corrections c ON c.set_id = s.id
    LEFT JOIN users m ON m.id = c.marked_by
    WHERE s.admission_id = $1
  )
  SELECT json_build_object(
    'id', ${column('s.id')},
    'takenAt', ${column(ISO('s.taken_at'))},
    'respirationRate', ${column('s.respiration_rate')},
    'spo2', ${column('s.spo2')},
    'spo2Scale', ${column('s.spo2_scale')},
    'supplementalOxygen', ${column('s.supplemental_oxygen')},
    'oxygenDevice', ${column('s.oxygen_device')},
    'systolicBp', ${column('s.systolic_bp')},
    'diastolicBp', ${column('s.diastolic_bp')},
    'pulse', ${column('s.pulse')},
    'consciousness', ${column('s.consciousness')},
    'temperatureC', ${column('s.temperature_c')},
    'sedation', ${column('s.sedation')},
    'painScore', ${column('s.pain_score')},
    'sideEffects', (
      SELECT COALESCE(json_object_agg(k.effect, (SELECT ${column('x.side_effects -> k.effect', 'x')} FROM s x)), '{}'::json)
      FROM (
        SELECT DISTINCT jsonb_object_keys(side_effects) AS effect FROM s WHERE jsonb_typeof(side_effects) = 'object'
      ) k
    ),
    'pumpRateValue', ${column('s.pump_rate_value')},
    'pumpRateUnit', ${column('s.pump_rate_unit')},
    'comment', ${column('s.comment')},
    'partialReason', ${column('s.partial_reason')},
    'partialReasonText', ${column('s.partial_reason_text')},
    'confirmedReadings', ${column('s.confirmed_readings')},
    'news2', json_build_object(
      'complete', ${column("s.news2 -> 'complete'")},
      'total', ${column("s.news2 -> 'total'")},
      'response', ${column("s.news2 -> 'response'")},
      'anySingleParameterThree', ${column("s.news2 -> 'anySingleParameterThree'")},
      'missing', ${column("s.news2 -> 'missing'")},
      'parameters', json_build_object(
        ${NEWS2_PARAMETERS.map((name) => `'${name}', ${column(`s.news2 -> 'parameters' -> '${name}'`)}`).join(',\n        ')}
      )
    ),
    'flags', ${column('s.flags')},
    'recordedByName', ${column('s.recorded_by_name')},
    'recordedAt', ${column(ISO('s.recorded_at'))},
    'enteredInError', ${column(`CASE WHEN s.error_reason IS NULL THEN NULL ELSE json_build_object(
      'reason', s.error_reason, 'markedBy', s.error_marked_by, 'markedByName', COALESCE(s.error_marked_by_name, ''),
      'markedAt', ${ISO('s.error_marked_at')}) END`)}
  )::text AS observations
  FROM s`;

/** The admission and its patient, writing the audited read in the same statement; null when unknown. */
export async function admissionWithAuditedRead(
  manager: EntityManager,
  admissionId: string,
  actor: Actor,
): Promise<AdmissionRow | null> {
  const author = auditAuthor({ actor });
  const [row] = await preparedQuery<AdmissionRow>(manager, 'timeline-admission', ADMISSION_WITH_AUDIT, [
    admissionId,
    author.userId,
    author.userDisplayName,
    author.requestId,
    author.clientAddress,
  ]);
  return row ?? null;
}

export interface FollowUpRow {
  id: string;
  kind: 'scheduled' | 'extra';
  weeks: number | null;
  due_on: string;
  window_start: string;
  window_end: string;
  failed_attempt_limit: number;
  settled: 'done' | 'missed' | 'cancelled' | null;
  outcome_id: string | null;
  assessed_on: string | null;
  method: string | null;
  pain_now: number | null;
  pain_worst_week: number | null;
  pgic: number | null;
  benefit_ongoing: boolean | null;
  benefit_ended_on: string | null;
  comment: string | null;
  outcome_recorded_by_name: string | null;
}

/** Each follow-up with its current outcome (at most one: a partial unique index holds it). */
const FOLLOW_UPS = `
  SELECT f.id, f.kind, f.weeks, f.due_on::text AS due_on, f.window_start::text AS window_start,
         f.window_end::text AS window_end, f.failed_attempt_limit, f.settled,
         o.id AS outcome_id, o.assessed_on::text AS assessed_on, o.method, o.pain_now, o.pain_worst_week, o.pgic,
         o.benefit_ongoing, o.benefit_ended_on::text AS benefit_ended_on, o.comment,
         u.display_name AS outcome_recorded_by_name
  FROM follow_ups f
  LEFT JOIN follow_up_outcomes o ON o.follow_up_id = f.id AND o.entered_in_error_at IS NULL
  LEFT JOIN users u ON u.id = o.recorded_by
  WHERE f.admission_id = $1
  ORDER BY f.due_on, f.created_at`;

export interface RecordRows {
  orders: OrderRow[];
  events: EventRow[];
  /** The sets as JSON text (see OBSERVATION_COLUMNS), not parsed here. */
  observations: string;
  followUps: FollowUpRow[];
}

/** Orders, events, sets and follow-ups of one admission, oldest first: four statements side by side. */
export async function infusionRecordRows(manager: EntityManager, admissionId: string): Promise<RecordRows> {
  const [orders, events, [observations], followUps] = await Promise.all([
    preparedQuery<OrderRow>(manager, 'timeline-orders', ORDERS, [admissionId]),
    preparedQuery<EventRow>(manager, 'timeline-events', EVENTS, [admissionId]),
    preparedQuery<{ observations: string }>(manager, 'timeline-observations', OBSERVATION_COLUMNS, [
      admissionId,
    ]),
    preparedQuery<FollowUpRow>(manager, 'timeline-follow-ups', FOLLOW_UPS, [admissionId]),
  ]);
  return { orders, events, observations: observations!.observations, followUps };
}
