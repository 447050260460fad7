import { Controller, Get, Header, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import type { SignedInUser } from '../auth/signed-in-user.js';
import { TimelineResponse } from './dto/timeline.response.js';
import { TimelineService } from './timeline.service.js';

@ApiTags('timeline')
@Controller()
export class TimelineController {
  constructor(private readonly timelines: TimelineService) {}

  /**
   * The clinical roles that read an admission read its timeline; it names the patient, so not auditors.
   * The answer is a TimelineResponse already written as JSON (the sets by PostgreSQL), sent as it is.
   */
  @Get('admissions/:id/timeline')
  @Roles('nurse', 'prescriber')
  @Header('Content-Type', 'application/json; charset=utf-8')
  @ApiOkResponse({ type: TimelineResponse })
  timeline(@CurrentUser() user: SignedInUser, @Param('id', new ParseUUIDPipe()) id: string): Promise<string> {
    return this.timelines.timeline(user, id);
  }
}
