import type { EntityManager } from 'typeorm';
import type { RateUnit } from '@infusion-tracker/clinical';
import { type Actor, auditAuthor } from '../audit/audit-trail.service.js';
import type { DeferredSessionCheck } from '../auth/deferred-session-check.js';
import { sessionCheckCtes, sessionCheckValues } from '../auth/session-check-sql.js';
import { preparedQuery } from '../database/prepared-query.js';

/**
 * The timeline's read: one statement whatever the length of the stay (the test counts them), so one
 * round trip, one transaction and one snapshot. It also writes the audited read, so the audit row exists
 * exactly when an admission was read. The admission comes back as columns; orders, events and follow-ups
 * as small JSON arrays (times already as ISO text); the sets as JSON text that is sent on unparsed.
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

/** The admission and its patient, as columns of the statement's one row. */
const ADMISSION_COLUMNS = `
  a.id, a.status, a.ward, a.bed, a.indication, a.indication_other, a.drug, a.drug_other,
  a.admitted_at, a.planned_days, a.weight_kg::text AS weight_kg, a.weight_measured_on::text AS weight_measured_on,
  a.baseline_pain, a.baseline_bpi_interference::text AS baseline_bpi_interference,
  a.consent_recorded_at, a.consent_recorded_by, cu.display_name AS consent_recorded_by_name,
  a.admitting_prescriber_id, ap.display_name AS admitting_prescriber_name,
  a.status_changed_at, a.discharged_at, a.discharge_summary, a.closing_reason, a.version, a.pain_at_discharge,
  p.id AS patient_id, p.mrn, p.family_name, p.given_name, p.date_of_birth::text AS date_of_birth, p.sex`;

/** An instant as ISO 8601 UTC text, as Date.toISOString writes it: no Date round trip in the server. */
const ISO = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** `json_build_object` of the given keys and SQL expressions. */
const jsonObject = (fields: Record<string, string>) =>
  `json_build_object(${Object.entries(fields)
    .map(([key, expression]) => `'${key}', ${expression}`)
    .join(', ')})`;

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
  /** Instants here and below as ISO text (see ISO). */
  effective_from: string;
  reason: string;
  note: string | null;
  over_max_reason: string | null;
  entered_by: string;
  entered_by_name: string;
  entered_at: string;
  error_reason: string | null;
  error_marked_by: string | null;
  error_marked_by_name: string | null;
  error_marked_at: string | null;
}

/** The admission's orders as a JSON array of OrderRow, oldest first. */
const ORDERS = `
  SELECT COALESCE(json_agg(${jsonObject({
    id: 'o.id',
    drug: 'o.drug',
    route: 'o.route',
    concentration_value: 'o.concentration_value::text',
    concentration_unit: 'o.concentration_unit',
    rate_value: 'o.rate_value::text',
    rate_unit: 'o.rate_unit',
    max_rate_value: 'o.max_rate_value::text',
    max_rate_unit: 'o.max_rate_unit',
    increment_value: 'o.increment_value::text',
    increment_unit: 'o.increment_unit',
    min_minutes_between_changes: 'o.min_minutes_between_changes',
    end_points: 'o.end_points',
    effective_from: ISO('o.effective_from'),
    reason: 'o.reason',
    note: 'o.note',
    over_max_reason: 'o.over_max_reason',
    entered_by: 'o.entered_by',
    entered_by_name: 'u.display_name',
    entered_at: ISO('o.entered_at'),
    error_reason: 'c.reason',
    error_marked_by: 'c.marked_by',
    error_marked_by_name: 'm.display_name',
    error_marked_at: ISO('c.marked_at'),
  })} ORDER BY o.effective_from, o.entered_at), '[]'::json)
  FROM infusion_orders o
  JOIN users u ON u.id = o.entered_by
  LEFT JOIN infusion_order_corrections c ON c.order_id = o.id
  LEFT JOIN users m ON m.id = c.marked_by
  WHERE o.admission_id = a.id`;

export interface EventRow {
  id: string;
  type: 'start' | 'pause' | 'resume' | 'stop';
  occurred_at: string;
  reason: string | null;
  recorded_by: string;
  recorded_by_name: string;
  recorded_at: string;
}

/** The admission's infusion events as a JSON array of EventRow, oldest first. */
const EVENTS = `
  SELECT COALESCE(json_agg(${jsonObject({
    id: 'e.id',
    type: 'e.type',
    occurred_at: ISO('e.occurred_at'),
    reason: 'e.reason',
    recorded_by: 'e.recorded_by',
    recorded_by_name: 'u.display_name',
    recorded_at: ISO('e.recorded_at'),
  })} ORDER BY e.occurred_at, e.recorded_at), '[]'::json)
  FROM infusion_events e
  JOIN users u ON u.id = e.recorded_by
  WHERE e.admission_id = a.id`;

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

/**
 * Each follow-up with its current outcome (at most one: a partial unique index holds it), as a JSON array
 * of FollowUpRow by due date.
 */
const FOLLOW_UPS = `
  SELECT COALESCE(json_agg(${jsonObject({
    id: 'f.id',
    kind: 'f.kind',
    weeks: 'f.weeks',
    due_on: 'f.due_on::text',
    window_start: 'f.window_start::text',
    window_end: 'f.window_end::text',
    failed_attempt_limit: 'f.failed_attempt_limit',
    settled: 'f.settled',
    outcome_id: 'o.id',
    assessed_on: 'o.assessed_on::text',
    method: 'o.method',
    pain_now: 'o.pain_now',
    pain_worst_week: 'o.pain_worst_week',
    pgic: 'o.pgic',
    benefit_ongoing: 'o.benefit_ongoing',
    benefit_ended_on: 'o.benefit_ended_on::text',
    comment: 'o.comment',
    outcome_recorded_by_name: 'u.display_name',
  })} ORDER BY f.due_on, f.created_at), '[]'::json)
  FROM follow_ups f
  LEFT JOIN follow_up_outcomes o ON o.follow_up_id = f.id AND o.entered_in_error_at IS NULL
  LEFT JOIN users u ON u.id = o.recorded_by
  WHERE f.admission_id = a.id`;

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

const OBSERVATION_SETS = `
    SELECT s.*, row_number() OVER (ORDER BY s.taken_at, s.recorded_at, s.id) AS ord,
           u.display_name AS recorded_by_name,
           c.reason AS error_reason, c.marked_by AS error_marked_by, m.display_name AS error_marked_by_name,
           c.marked_at AS error_marked_at
    FROM observation_sets s
    JOIN users u ON u.id = s.recorded_by
    LEFT JOIN observation_set_corrections c ON c.set_id = s.id
    LEFT JOIN users m ON m.id = c.marked_by
    WHERE s.admission_id = $1`;

/** The sets of OBSERVATION_SETS as one JSON object of columns, as text. */
const OBSERVATION_COLUMNS = `
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
  )::text
  FROM s`;

/**
 * The stay's record, made only when its version (the stay's generation and the staff names' version,
 * read in the statement's snapshot) is not the one the caller already holds ($6), and the session is
 * usable: else null, and the caller's copy is current (ADR 11).
 */
const unlessHeld = (subquery: string) =>
  `CASE WHEN v.version = $6 OR NOT (SELECT usable FROM session) THEN NULL ELSE (${subquery}) END`;

/**
 * The whole record of the stay in one statement, writing the audited read of it: orders, events and
 * follow-ups as JSON, the sets as JSON text, or none of them when the caller holds them at the current
 * version. When the guard left the session check to the statement ($7 on, ADR 10), nothing is audited
 * and nothing may be answered unless `session_usable`.
 */
const TIMELINE = `
  WITH ${sessionCheckCtes({
    tokenHash: '$7::text',
    userId: '$2::uuid',
    roles: '$8::text[]',
    idleMinutes: '$9::int',
    touchSeconds: '$10::int',
  })}, audited AS (
    INSERT INTO audit_events (user_id, user_display_name, action, entity_type, entity_id, admission_id, request_id, client_address)
    SELECT $2::uuid, $3, 'admission.timeline-viewed', 'admission', a.id::text, a.id, $4, $5
    FROM admissions a WHERE a.id = $1 AND (SELECT usable FROM session)
  ),
  s AS MATERIALIZED (${OBSERVATION_SETS}
  )
  SELECT (SELECT usable FROM session) AS session_usable, ${ADMISSION_COLUMNS},
    v.version,
    ${unlessHeld(ORDERS)} AS orders,
    ${unlessHeld(EVENTS)} AS events,
    ${unlessHeld(FOLLOW_UPS)} AS follow_ups,
    ${unlessHeld(OBSERVATION_COLUMNS)} AS observations
  FROM admissions a
  JOIN patients p ON p.id = a.patient_id
  JOIN users ap ON ap.id = a.admitting_prescriber_id
  LEFT JOIN users cu ON cu.id = a.consent_recorded_by
  CROSS JOIN LATERAL (
    SELECT COALESCE((SELECT generation FROM stay_summaries WHERE admission_id = a.id), 0)
      || ':' || (SELECT version FROM staff_name_versions) AS version
  ) v
  WHERE a.id = $1`;

/** The stay's record, as its subqueries give it. */
export interface StayRecord {
  orders: OrderRow[];
  events: EventRow[];
  follow_ups: FollowUpRow[];
  /** The sets as JSON text (see OBSERVATION_COLUMNS), not parsed here. */
  observations: string;
}

export type TimelineRow = AdmissionRow & {
  /** False when the session the guard left to the statement is no longer usable: nothing was audited. */
  session_usable: boolean;
  /** The version of everything the timeline shows of the stay: anything it is made from changes it (ADR 11). */
  version: string;
} & (StayRecord | { [Key in keyof StayRecord]: null });

/**
 * The admission, its patient and its whole record, oldest first, writing the audited read in the same
 * statement; null when the admission is unknown (and nothing is audited). The record comes only when its
 * version is not `heldVersion`. With a deferred `session` check, see `session_usable`.
 */
export async function timelineRecord(
  manager: EntityManager,
  admissionId: string,
  actor: Actor,
  heldVersion: string | null,
  session: DeferredSessionCheck | null,
): Promise<TimelineRow | null> {
  const author = auditAuthor({ actor });
  const [row] = await preparedQuery<TimelineRow>(manager, 'timeline', TIMELINE, [
    admissionId,
    author.userId,
    author.userDisplayName,
    author.requestId,
    author.clientAddress,
    heldVersion,
    ...sessionCheckValues(session),
  ]);
  return row ?? null;
}
