import type { EntityManager } from 'typeorm';
import { AuditEvent } from './audit-event.entity.js';

export interface AuditEventFilter {
  userId?: string;
  admissionId?: string;
  action?: string;
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
  if (filter.action?.endsWith('.')) {
    query.andWhere("event.action LIKE :prefix ESCAPE '\\'", {
      prefix: `${filter.action.replace(/[\\%_]/g, '\\$&')}%`,
    });
  } else if (filter.action) {
    query.andWhere('event.action = :action', { action: filter.action });
  }
  if (filter.from) query.andWhere('event.occurred_at >= :from', { from: filter.from });
  if (filter.to) query.andWhere('event.occurred_at < :to', { to: filter.to });
  if (filter.beforeId) query.andWhere('event.id < :beforeId', { beforeId: filter.beforeId });
  return query.getMany();
}
