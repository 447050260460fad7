import { Controller, Get, Headers, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentUser, Roles, SessionCheckedInStatement } from '../auth/auth.decorators.js';
import type { SignedInUser } from '../auth/signed-in-user.js';
import { acceptsGzip } from '../common/gzip-pieces.js';
import { TimelineResponse } from './dto/timeline.response.js';
import { TimelineService } from './timeline.service.js';

@ApiTags('timeline')
@Controller()
export class TimelineController {
  constructor(private readonly timelines: TimelineService) {}

  /**
   * The clinical roles that read an admission read its timeline; it names the patient, so not auditors.
   * The answer is a TimelineResponse already written as JSON (the sets by PostgreSQL), sent as it is,
   * gzip-compressed when the client accepts it (a 7-day stay is about 130 KB of JSON, 11 KB compressed).
   * Its one statement checks the session too (ADR 10).
   */
  @Get('admissions/:id/timeline')
  @Roles('nurse', 'prescriber')
  @SessionCheckedInStatement()
  @ApiOkResponse({ type: TimelineResponse })
  async timeline(
    @CurrentUser() user: SignedInUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Headers('accept-encoding') acceptEncoding: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string | Buffer> {
    const body = await this.timelines.timeline(user, id, user.deferredSessionCheck ?? null);
    void reply.header('content-type', 'application/json; charset=utf-8').header('vary', 'Accept-Encoding');
    if (!acceptsGzip(acceptEncoding)) return body.text();
    void reply.header('content-encoding', 'gzip');
    return body.gzip();
  }
}
