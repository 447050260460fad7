import type { EntityManager } from 'typeorm';
import type { RateUnit } from '@infusion-tracker/clinical';
import type { AuditEntry } from '../audit/audit-trail.service.js';
import { requestContext } from '../common/request-context.js';
import { preparedQuery } from '../database/prepared-query.js';
import type { ObservationSet } from './observation-set.entity.js';

export interface ObservationContext {
  status: string;
  admittedAt: Date;
  /** The order current at the time the set was taken, as entered; null when there was none. */
  orderRate: { value: number; unit: RateUnit } | null;
}

/** The admission's status and start, and the order in force when the set was taken: one query. */
export async function observationContext(
  manager: EntityManager,
  admissionId: string,
  takenAt: Date,
): Promise<ObservationContext | null> {
  const [row] = await preparedQuery<Record<string, never>>(
    manager,
    'observation-context',
    `SELECT a.status, a.admitted_at, o.rate_value, o.rate_unit
     FROM admissions a
     LEFT JOIN LATERAL (
       SELECT rate_value, rate_unit FROM infusion_orders o
       WHERE o.admission_id = a.id AND o.effective_from <= $2
         AND NOT EXISTS (SELECT 1 FROM infusion_order_corrections c WHERE c.order_id = o.id)
       ORDER BY o.effective_from DESC, o.entered_at DESC LIMIT 1
     ) o ON true
     WHERE a.id = $1`,
    [admissionId, takenAt],
  );
  if (!row) return null;
  return {
    status: row.status,
    admittedAt: new Date(row.admitted_at),
    orderRate: row.rate_value === null ? null : { value: Number(row.rate_value), unit: row.rate_unit },
  };
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
  ['news2', 'news2', 'jsonb'],
  ['news2Total', 'news2_total', 'integer'],
  ['news2Response', 'news2_response', 'text'],
  ['flags', 'flags', 'text[]'],
  ['recordedBy', 'recorded_by', 'uuid'],
  ['idempotencyKey', 'idempotency_key', 'text'],
  ['requestFingerprint', 'request_fingerprint', 'text'],
];

const OPEN_STATUSES = "('admitted', 'infusing', 'paused', 'infusion-stopped')";

const INSERT_WITH_AUDIT = `
  WITH inserted AS (
    INSERT INTO observation_sets (${COLUMNS.map(([, column]) => column).join(', ')})
    SELECT ${COLUMNS.map(([, , type], index) => `$${index + 1}::${type}`).join(', ')}
    WHERE EXISTS (SELECT 1 FROM admissions WHERE id = $1 AND status IN ${OPEN_STATUSES})
    ON CONFLICT DO NOTHING
    RETURNING id, recorded_at
  ), audited AS (
    INSERT INTO audit_events (user_id, user_display_name, action, entity_type, entity_id, admission_id, request_id, client_address, change)
    SELECT $${COLUMNS.length + 1}, $${COLUMNS.length + 2}, $${COLUMNS.length + 3}, 'observation-set', inserted.id::text, $1,
           $${COLUMNS.length + 4}, $${COLUMNS.length + 5}, $${COLUMNS.length + 6}::jsonb
    FROM inserted
  )
  SELECT id, recorded_at FROM inserted`;

/**
 * Stores a set and its audit row in one statement, so both or neither exist without a transaction's
 * extra round trips (the hot path of the ward). Nothing is stored, and null returned, when the
 * Idempotency-Key was already used for this admission or the admission closed meanwhile.
 */
export async function insertObservationSetWithAudit(
  manager: EntityManager,
  set: NewObservationSet,
  audit: Pick<AuditEntry, 'actor' | 'action' | 'change'>,
): Promise<{ id: string; recordedAt: Date } | null> {
  const context = requestContext.getStore();
  const values = COLUMNS.map(([property, , type]) => {
    const value = set[property];
    return type === 'jsonb' && value !== null ? JSON.stringify(value) : value;
  });
  const rows = await preparedQuery<{ id: string; recorded_at: Date }>(
    manager,
    'insert-observation-set',
    INSERT_WITH_AUDIT,
    [
      ...values,
      audit.actor?.id ?? null,
      audit.actor?.displayName ?? null,
      audit.action,
      context?.requestId ?? null,
      context?.clientAddress ?? null,
      JSON.stringify(audit.change ?? null),
    ],
  );
  return rows[0] ? { id: rows[0].id, recordedAt: new Date(rows[0].recorded_at) } : null;
}
