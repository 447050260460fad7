import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Readable } from 'node:stream';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import type { SignedInUser } from '../auth/signed-in-user.js';
import { csvLine } from '../common/csv.js';
import { AuditEventsService } from './audit-events.service.js';
import { AuditEventQuery } from './dto/audit-event-query.js';
import { AuditEventPage, toAuditEventResponse } from './dto/audit-event.response.js';

const CSV_COLUMNS = [
  'id',
  'occurredAt',
  'userId',
  'userDisplayName',
  'action',
  'entityType',
  'entityId',
  'admissionId',
  'requestId',
  'clientAddress',
] as const;

@ApiTags('audit')
@Controller()
@Roles('admin', 'auditor')
export class AuditEventsController {
  constructor(private readonly events: AuditEventsService) {}

  @Get('audit-events')
  @ApiOkResponse({ type: AuditEventPage })
  async list(@Query() query: AuditEventQuery): Promise<AuditEventPage> {
    const { cursor, limit, ...filter } = query;
    const page = await this.events.page(filter, cursor, limit ?? 50);
    return { items: page.items.map(toAuditEventResponse), nextCursor: page.nextCursor };
  }

  /**
   * The filtered audit trail as CSV. Admins get the recorded change too; auditors do not, since a
   * change may name a patient and auditors' exports are de-identified.
   */
  @Get('exports/audit-events.csv')
  @ApiProduces('text/csv')
  exportCsv(
    @Query() query: AuditEventQuery,
    @CurrentUser() user: SignedInUser,
    @Res() reply: FastifyReply,
  ): void {
    const { cursor: _cursor, limit: _limit, ...filter } = query;
    const withChange = user.roles.includes('admin');
    const columns = withChange ? [...CSV_COLUMNS, 'change'] : [...CSV_COLUMNS];
    const events = this.events.all(filter);
    const lines = (async function* () {
      yield csvLine(columns);
      for await (const event of events) {
        const row = toAuditEventResponse(event) as unknown as Record<string, unknown>;
        yield csvLine(columns.map((column) => row[column]));
      }
    })();
    void reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="audit-events.csv"')
      .header('cache-control', 'no-store')
      .send(Readable.from(lines));
  }
}
