import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import type { RequestOrigin } from '../common/request-origin.js';
import { AuditEvent } from './audit-event.entity.js';

/** Who did it, as they were named at the time, and from which request (the guard sets it). */
export interface Actor {
  id: string;
  displayName: string;
  origin?: RequestOrigin;
}

export interface AuditEntry {
  actor: Actor | null;
  /** The request, where there is no signed-in actor to carry it (signing in). */
  origin?: RequestOrigin;
  action: string;
  entityType?: string;
  entityId?: string;
  admissionId?: string;
  /** For writes: { before, after }; for other events, what is worth knowing (never a password). */
  change?: Record<string, unknown>;
}

/** Who wrote an audit row and from which request: the explicit origin, else the actor's. */
export function auditAuthor(entry: Pick<AuditEntry, 'actor' | 'origin'>) {
  const origin = entry.origin ?? entry.actor?.origin;
  return {
    userId: entry.actor?.id ?? null,
    userDisplayName: entry.actor?.displayName ?? null,
    requestId: origin?.requestId ?? null,
    clientAddress: origin?.clientAddress ?? null,
  };
}

/**
 * Writes audit events. It takes the caller's transaction manager, so an audit row exists exactly when
 * the write it describes does.
 */
@Injectable()
export class AuditTrail {
  async record(manager: EntityManager, entry: AuditEntry): Promise<void> {
    await manager.insert(AuditEvent, {
      ...auditAuthor(entry),
      action: entry.action,
      entityType: entry.entityType ?? null,
      entityId: entry.entityId ?? null,
      admissionId: entry.admissionId ?? null,
      change: entry.change ?? null,
    } as QueryDeepPartialEntity<AuditEvent>);
  }
}
