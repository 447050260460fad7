import type { EntityManager } from 'typeorm';
import type { InfusionEventType, RateUnit } from '@infusion-tracker/clinical';
import { type AuditEntry, auditAuthor } from '../audit/audit-trail.service.js';
import { preparedQuery } from '../database/prepared-query.js';
import type { DeferredSessionCheck } from '../auth/deferred-session-check.js';
import { sessionCheckCtes, sessionCheckValues } from '../auth/session-check-sql.js';
import type { ObservationSet } from './observation-set.entity.js';

export interface ObservationContext {
  status: string;
  admittedAt: Date;
  /** admitted_at exactly as PostgreSQL holds it (microseconds), for the insert's check of a remembered context. */
  admittedAtExact: string;
  /** The order current at the time the set was taken, as entered; null when there was none. */
  orderRate: { value: number; unit: RateUnit } | null;
  /** The latest infusion event at the time the set was taken; null before the start. */
  infusionEvent: InfusionEventType | null;
  /** The prescriber's SpO2 scale 2 target in force now; null when none is documented. */
  spo2Scale2Target: string | null;
}

/**
 * The infusion was not running when the set was taken (not started yet, paused or stopped): the pump
 * should be off.
 */
export function infusionHalted(context: ObservationContext): boolean {
  return (
    context.infusionEvent === null || context.infusionEvent === 'pause' || context.infusionEvent === 'stop'
  );
}

/**
 * The admission, the order in force and the infusion's last event at $2 (the set's taken-at time), and
 * the SpO2 scale 2 target in force, for admission $1.
 */
const CONTEXT_SELECT = `
  SELECT a.status, a.admitted_at, a.admitted_at::text AS admitted_at_exact, o.rate_value, o.rate_unit,
         e.type AS infusion_event, t.target AS spo2_scale2_target
  FROM admissions a
  LEFT JOIN LATERAL (
    SELECT rate_value, rate_unit FROM infusion_orders o
    WHERE o.admission_id = a.id AND o.effective_from <= $2
      AND NOT EXISTS (SELECT 1 FROM infusion_order_corrections c WHERE c.order_id = o.id)
    ORDER BY o.effective_from DESC, o.entered_at DESC LIMIT 1
  ) o ON true
  LEFT JOIN LATERAL (
    SELECT type FROM infusion_events e WHERE e.admission_id = a.id AND e.occurred_at <= $2
    ORDER BY e.occurred_at DESC, e.recorded_at DESC LIMIT 1
  ) e ON true
  LEFT JOIN LATERAL (
    SELECT target FROM spo2_scale2_targets t WHERE t.admission_id = a.id ORDER BY t.set_at DESC LIMIT 1
  ) t ON true
  WHERE a.id = $1`;

interface ContextRow {
  status: string;
  admitted_at: Date;
  admitted_at_exact: string;
  rate_value: string | null;
  rate_unit: RateUnit | null;
  infusion_event: InfusionEventType | null;
  spo2_scale2_target: string | null;
}

function toContext(row: ContextRow): ObservationContext {
  return {
    status: row.status,
    admittedAt: new Date(row.admitted_at),
    admittedAtExact: row.admitted_at_exact,
    orderRate: row.rate_value === null ? null : { value: Number(row.rate_value), unit: row.rate_unit! },
    infusionEvent: row.infusion_event,
    spo2Scale2Target: row.spo2_scale2_target,
  };
}

/** The admission's status and start, and the order in force when the set was taken: one query. */
export async function observationContext(
  manager: EntityManager,
  admissionId: string,
  takenAt: Date,
): Promise<ObservationContext | null> {
  const [row] = await preparedQuery<ContextRow>(manager, 'observation-context', CONTEXT_SELECT, [
    admissionId,
    takenAt,
  ]);
  return row ? toContext(row) : null;
}

export type NewObservationSet = Omit<ObservationSet, 'id' | 'recordedAt'>;

const COLUMNS: [keyof NewObservationSet, string, string][] = [
  ['admissionId', 'admission_id', 'uuid'],
  ['takenAt', 'taken_at', 'timestamptz'],
  ['respirationRate', 'respiration_rate', 'integer'],
  ['spo2', 'spo2', 'integer'],
  ['spo2Scale', 'spo2_scale', 'smallint'],
  ['supplementalOxygen', 'supplemental_oxygen', 'boolean'],
  ['oxygenDevice', 'oxygen_device', 'text'],
  ['systolicBp', 'systolic_bp', 'integer'],
  ['diastolicBp', 'diastolic_bp', 'integer'],
  ['pulse', 'pulse', 'integer'],
  ['consciousness', 'consciousness', 'text'],
  ['temperatureC', 'temperature_c', 'numeric'],
  ['sedation', 'sedation', 'text'],
  ['painScore', 'pain_score', 'integer'],
  ['sideEffects', 'side_effects', 'jsonb'],
  ['pumpRateValue', 'pump_rate_value', 'numeric'],
  ['pumpRateUnit', 'pump_rate_unit', 'text'],
  ['comment', 'comment', 'text'],
  ['partialReason', 'partial_reason', 'text'],
  ['partialReasonText', 'partial_reason_text', 'text'],
  ['confirmedReadings', 'confirmed_readings', 'text[]'],
  ['news2', 'news2', 'jsonb'],
  ['news2Total', 'news2_total', 'integer'],
  ['news2Response', 'news2_response', 'text'],
  ['flags', 'flags', 'text[]'],
  ['recordedBy', 'recorded_by', 'uuid'],
  ['idempotencyKey', 'idempotency_key', 'text'],
  ['requestFingerprint', 'request_fingerprint', 'text'],
];

/** The statuses in which an admission takes observation sets. */
export const RECORDABLE_STATUSES: readonly string[] = ['admitted', 'infusing', 'paused', 'infusion-stopped'];
const OPEN_STATUSES = `(${RECORDABLE_STATUSES.map((status) => `'${status}'`).join(', ')})`;
const AUDIT_PARAMS = COLUMNS.length + 1; // then user id, name, action, request id, address, change
const EXPECTED_PARAMS = AUDIT_PARAMS + 6; // then admitted_at, order value, order unit, infusion event, scale 2 used
const SESSION_PARAMS = EXPECTED_PARAMS + 5; // then the deferred session check: token hash, roles, idle minutes, touch seconds
const param = (index: number, type?: string) => `$${index}${type ? `::${type}` : ''}`;

/**
 * One statement: reads the admission's context as the set was taken, stores the set and its audit row
 * only if that context is the one its flags were computed from (and the admission still takes sets),
 * and returns the context either way. When the guard left the session check to it (a token hash is
 * given), it also stores nothing unless that session is open, not idle, and its user (the audit row's)
 * is active, has no password to change and holds one of the roles; and it restarts the idle clock as the
 * guard would.
 */
const INSERT_WITH_AUDIT = `
  WITH context AS (${CONTEXT_SELECT}
  ), ${sessionCheckCtes({
    tokenHash: param(SESSION_PARAMS, 'text'),
    userId: param(AUDIT_PARAMS, 'uuid'),
    roles: param(SESSION_PARAMS + 1, 'text[]'),
    idleMinutes: param(SESSION_PARAMS + 2, 'int'),
    touchSeconds: param(SESSION_PARAMS + 3, 'int'),
  })}, checked AS (
    SELECT context.*, (SELECT usable FROM session) AS session_usable,
           context.status IN ${OPEN_STATUSES}
             AND context.admitted_at = ${param(EXPECTED_PARAMS, 'timestamptz')}
             AND context.rate_value IS NOT DISTINCT FROM ${param(EXPECTED_PARAMS + 1, 'numeric')}
             AND context.rate_unit IS NOT DISTINCT FROM ${param(EXPECTED_PARAMS + 2, 'text')}
             AND context.infusion_event IS NOT DISTINCT FROM ${param(EXPECTED_PARAMS + 3, 'text')}
             AND (NOT ${param(EXPECTED_PARAMS + 4, 'boolean')} OR context.spo2_scale2_target IS NOT NULL) AS as_expected
    FROM context
  ), inserted AS (
    INSERT INTO observation_sets (${COLUMNS.map(([, column]) => column).join(', ')})
    SELECT ${COLUMNS.map(([, , type], index) => param(index + 1, type)).join(', ')}
    FROM checked WHERE checked.as_expected AND checked.session_usable
    ON CONFLICT DO NOTHING
    RETURNING id, recorded_at
  ), audited AS (
    INSERT INTO audit_events (user_id, user_display_name, action, entity_type, entity_id, admission_id, request_id, client_address, change)
    SELECT ${param(AUDIT_PARAMS)}, ${param(AUDIT_PARAMS + 1)}, ${param(AUDIT_PARAMS + 2)}, 'observation-set',
           inserted.id::text, $1, ${param(AUDIT_PARAMS + 3)}, ${param(AUDIT_PARAMS + 4)}, ${param(AUDIT_PARAMS + 5, 'jsonb')}
    FROM inserted
  )
  SELECT checked.*, inserted.id, inserted.recorded_at FROM checked LEFT JOIN inserted ON true`;

export type InsertOutcome =
  /** Stored, with its audit row. */
  | { kind: 'inserted'; id: string; recordedAt: Date; context: ObservationContext }
  /** Nothing stored: the context differs from the expected one, or the admission no longer takes sets. */
  | { kind: 'context-changed'; context: ObservationContext }
  /** Nothing stored: this admission already has a set with this Idempotency-Key. */
  | { kind: 'key-taken'; context: ObservationContext }
  /** Nothing stored: the session the guard left to this statement is no longer usable for it. */
  | { kind: 'session-unusable' }
  | { kind: 'no-admission' };

/**
 * Stores a set and its audit row in one statement, so both or neither exist without a transaction's
 * extra round trips (the hot path of the ward). `expected` is the context the set's flags were computed
 * from (the taken-at time is the set's own); the statement checks it against the database, so a
 * remembered context that has gone stale stores nothing and the outcome carries the current one.
 */
export async function insertObservationSetWithAudit(
  manager: EntityManager,
  set: NewObservationSet,
  expected: ObservationContext,
  audit: Pick<AuditEntry, 'actor' | 'origin' | 'action' | 'change'>,
  session: DeferredSessionCheck | null,
): Promise<InsertOutcome> {
  const author = auditAuthor(audit);
  const values = COLUMNS.map(([property, , type]) => {
    const value = set[property];
    return type === 'jsonb' && value !== null && value !== undefined ? JSON.stringify(value) : value;
  });
  const [row] = await preparedQuery<
    ContextRow & {
      as_expected: boolean;
      session_usable: boolean;
      id: string | null;
      recorded_at: Date | null;
    }
  >(manager, 'insert-observation-set', INSERT_WITH_AUDIT, [
    ...values,
    author.userId,
    author.userDisplayName,
    audit.action,
    author.requestId,
    author.clientAddress,
    JSON.stringify(audit.change ?? null),
    expected.admittedAtExact,
    expected.orderRate === null ? null : String(expected.orderRate.value),
    expected.orderRate?.unit ?? null,
    expected.infusionEvent,
    set.spo2Scale === 2,
    ...sessionCheckValues(session),
  ]);
  if (!row) return { kind: 'no-admission' };
  if (!row.session_usable) return { kind: 'session-unusable' };
  const current = toContext(row);
  if (row.id !== null) {
    return { kind: 'inserted', id: row.id, recordedAt: new Date(row.recorded_at!), context: current };
  }
  return row.as_expected
    ? { kind: 'key-taken', context: current }
    : { kind: 'context-changed', context: current };
}
