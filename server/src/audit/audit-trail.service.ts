import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { requestContext } from '../common/request-context.js';
import { AuditEvent } from './audit-event.entity.js';

/** Who did it, as they were named at the time. */
export interface Actor {
  id: string;
  displayName: string;
}

export interface AuditEntry {
  actor: Actor | null;
  action: string;
  entityType?: string;
  entityId?: string;
  admissionId?: string;
  /** For writes: { before, after }; for other events, what is worth knowing (never a password). */
  change?: Record<string, unknown>;
}

/**
 * Writes audit events. It takes the caller's transaction manager, so an audit row exists exactly when
 * the write it describes does.
 */
@Injectable()
export class AuditTrail {
  async record(manager: EntityManager, entry: AuditEntry): Promise<void> {
    const context = requestContext.getStore();
    await manager.insert(AuditEvent, {
      userId: entry.actor?.id ?? null,
      userDisplayName: entry.actor?.displayName ?? null,
      action: entry.action,
      entityType: entry.entityType ?? null,
      entityId: entry.entityId ?? null,
      admissionId: entry.admissionId ?? null,
      requestId: context?.requestId ?? null,
      clientAddress: context?.clientAddress ?? null,
      change: entry.change ?? null,
    } as QueryDeepPartialEntity<AuditEvent>);
  }
}
