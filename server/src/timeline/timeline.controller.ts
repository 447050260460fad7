import { Controller, Get, Headers, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentUser, Roles, SessionCheckedInStatement } from '../auth/auth.decorators.js';
import type { SignedInUser } from '../auth/signed-in-user.js';
import { NotFound } from '../common/domain-error.js';
import { acceptsGzip, gzipOf } from '../common/gzip-pieces.js';
import { TimelinePictureQuery } from './dto/timeline-picture.query.js';
import { TimelineResponse } from './dto/timeline.response.js';
import { ChartPictures } from './chart-pictures.js';
import { TimelineService } from './timeline.service.js';

const PICTURE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'";

@ApiTags('timeline')
@Controller()
export class TimelineController {
  constructor(
    private readonly timelines: TimelineService,
    private readonly pictures: ChartPictures,
  ) {}

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

  /**
   * The stay's chart as an SVG picture, drawn here from the timeline with the page's own chart code
   * (ADR 12), for the admission page to show while ECharts loads in the browser. Reading it is an audited
   * read of the timeline, as above. 404 when this server has no chart renderer (no client build).
   */
  @Get('admissions/:id/timeline/picture')
  @Roles('nurse', 'prescriber')
  @SessionCheckedInStatement()
  @ApiProduces('image/svg+xml')
  @ApiOkResponse({ description: 'The chart of the stay as SVG markup (image/svg+xml).' })
  async picture(
    @CurrentUser() user: SignedInUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() query: TimelinePictureQuery,
    @Headers('accept-encoding') acceptEncoding: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string | Buffer> {
    const missing = new NotFound('A picture of the chart on this server');
    if (!(await this.pictures.available())) throw missing; // before reading (and auditing) anything
    const body = await this.timelines.timeline(user, id, user.deferredSessionCheck ?? null);
    const picture = await this.pictures.stayPicture(body, Number(query.width), query.compact === 'true');
    if (!picture) throw missing;
    void reply
      .header('content-type', 'image/svg+xml; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('vary', 'Accept-Encoding')
      // Opened on its own rather than as an image, the picture may run nothing and load nothing.
      .header('content-security-policy', PICTURE_POLICY);
    if (!acceptsGzip(acceptEncoding)) return picture.text;
    void reply.header('content-encoding', 'gzip');
    return gzipOf([picture.gzip()]);
  }
}
