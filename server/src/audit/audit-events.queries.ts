import type { EntityManager } from 'typeorm';
import { AuditEvent } from './audit-event.entity.js';

export interface AuditEventFilter {
  userId?: string;
  admissionId?: string;
  /** Events about the patient or any of the patient's admissions. */
  patientId?: string;
  action?: string;
  /** Events about one kind of record, or (with entityId) one record. */
  entityType?: string;
  entityId?: string;
  from?: string;
  to?: string;
  /** Events older than this id (keyset pagination, newest first). */
  beforeId?: string;
}

/** One page of the audit trail, newest first, by keyset on the identity column. */
export function findAuditEvents(
  manager: EntityManager,
  filter: AuditEventFilter,
  limit: number,
): Promise<AuditEvent[]> {
  const query = manager.createQueryBuilder(AuditEvent, 'event').orderBy('event.id', 'DESC').limit(limit);
  if (filter.userId) query.andWhere('event.user_id = :userId', { userId: filter.userId });
  if (filter.admissionId)
    query.andWhere('event.admission_id = :admissionId', { admissionId: filter.admissionId });
  if (filter.patientId)
    query.andWhere(
      `(event.admission_id IN (SELECT a.id FROM admissions a WHERE a.patient_id = :patientId)
        OR (event.entity_type = 'patient' AND event.entity_id = :patientText))`,
      { patientId: filter.patientId, patientText: filter.patientId },
    );
  if (filter.action?.endsWith('.')) {
    query.andWhere("event.action LIKE :prefix ESCAPE '\\'", {
      prefix: `${filter.action.replace(/[\\%_]/g, '\\$&')}%`,
    });
  } else if (filter.action) {
    query.andWhere('event.action = :action', { action: filter.action });
  }
  if (filter.entityType) query.andWhere('event.entity_type = :entityType', { entityType: filter.entityType });
  if (filter.entityId) query.andWhere('event.entity_id = :entityId', { entityId: filter.entityId });
  if (filter.from) query.andWhere('event.occurred_at >= :from', { from: filter.from });
  if (filter.to) query.andWhere('event.occurred_at < :to', { to: filter.to });
  if (filter.beforeId) query.andWhere('event.id < :beforeId', { beforeId: filter.beforeId });
  return query.getMany();
}

export interface AuditPatientRow {
  patient_id: string;
  admission_id: string | null;
  mrn: string;
  family_name: string;
  given_name: string;
}

/** Who the events of a page are about: patients by their admissions or by their own id, in one query. */
export function patientsOfEvents(
  manager: EntityManager,
  admissionIds: string[],
  patientIds: string[],
): Promise<AuditPatientRow[]> {
  if (admissionIds.length === 0 && patientIds.length === 0) return Promise.resolve([]);
  return manager.query(
    `SELECT p.id AS patient_id, a.id AS admission_id, p.mrn, p.family_name, p.given_name
     FROM admissions a JOIN patients p ON p.id = a.patient_id
     WHERE a.id = ANY($1::uuid[])
     UNION ALL
     SELECT p.id, NULL, p.mrn, p.family_name, p.given_name FROM patients p
     WHERE p.id::text = ANY($2::text[])`,
    [admissionIds, patientIds],
  );
}

/** Current names of the users some events are about (a user's record, not who acted). */
export function namesOfUsers(
  manager: EntityManager,
  userIds: string[],
): Promise<{ id: string; display_name: string }[]> {
  if (userIds.length === 0) return Promise.resolve([]);
  return manager.query(`SELECT id, display_name FROM users WHERE id::text = ANY($1::text[])`, [userIds]);
}

/** Everyone who may appear in the trail, to pick one from a list instead of typing an id. */
export function auditUsers(
  manager: EntityManager,
): Promise<{ id: string; username: string; display_name: string }[]> {
  return manager.query(`SELECT id, username, display_name FROM users ORDER BY display_name, username`);
}
