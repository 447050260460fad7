import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Readable } from 'node:stream';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import type { SignedInUser } from '../auth/signed-in-user.js';
import { csvLine } from '../common/csv.js';
import { AuditEventsService } from './audit-events.service.js';
import { AuditEventQuery, AuditPatientSearchQuery } from './dto/audit-event-query.js';
import {
  AuditEventPage,
  AuditPatientListResponse,
  AuditUserListResponse,
  toAuditEventListItem,
  toAuditEventResponse,
} from './dto/audit-event.response.js';

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

  /**
   * A page of the trail. Admins see the patient each event is about and the recorded change; auditors
   * see neither, as in their de-identified export.
   */
  @Get('audit-events')
  @ApiOkResponse({ type: AuditEventPage })
  async list(@Query() query: AuditEventQuery, @CurrentUser() user: SignedInUser): Promise<AuditEventPage> {
    const { cursor, limit, ...filter } = query;
    const identified = user.roles.includes('admin');
    const page = await this.events.page(filter, cursor, limit ?? 50, { patientIdentity: identified });
    return {
      items: page.items.map((view) => toAuditEventListItem(view, { identified })),
      nextCursor: page.nextCursor,
    };
  }

  /** The users to pick from when filtering the trail by who acted. */
  @Get('audit-events/users')
  @ApiOkResponse({ type: AuditUserListResponse })
  async users(): Promise<AuditUserListResponse> {
    return { items: await this.events.users(), nextCursor: null };
  }

  /** Patients to pick from when filtering the trail by whom it is about: admins only. */
  @Get('audit-events/patients')
  @Roles('admin')
  @ApiOkResponse({ type: AuditPatientListResponse })
  async patients(@Query() query: AuditPatientSearchQuery): Promise<AuditPatientListResponse> {
    return { items: await this.events.patients(query.q), nextCursor: null };
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
