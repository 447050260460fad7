import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuditEvent } from './audit-event.entity.js';
import { type AuditEventFilter, findAuditEvents } from './audit-events.queries.js';

export interface AuditEventPageResult {
  items: AuditEvent[];
  nextCursor: string | null;
}

const EXPORT_BATCH = 1000;

@Injectable()
export class AuditEventsService {
  constructor(private readonly dataSource: DataSource) {}

  async page(
    filter: Omit<AuditEventFilter, 'beforeId'>,
    cursor: string | undefined,
    limit: number,
  ): Promise<AuditEventPageResult> {
    const rows = await findAuditEvents(this.dataSource.manager, { ...filter, beforeId: cursor }, limit + 1);
    const items = rows.slice(0, limit);
    return { items, nextCursor: rows.length > limit ? String(items[items.length - 1].id) : null };
  }

  /** Every matching event, newest first, in batches (for CSV export without loading all at once). */
  async *all(filter: Omit<AuditEventFilter, 'beforeId'>): AsyncGenerator<AuditEvent> {
    let beforeId: string | undefined;
    for (;;) {
      const batch = await findAuditEvents(this.dataSource.manager, { ...filter, beforeId }, EXPORT_BATCH);
      yield* batch;
      if (batch.length < EXPORT_BATCH) return;
      beforeId = String(batch[batch.length - 1].id);
    }
  }
}
