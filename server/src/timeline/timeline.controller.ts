import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import type { SignedInUser } from '../auth/signed-in-user.js';
import { TimelineResponse } from './dto/timeline.response.js';
import { TimelineService } from './timeline.service.js';

@ApiTags('timeline')
@Controller()
export class TimelineController {
  constructor(private readonly timelines: TimelineService) {}

  /** The clinical roles that read an admission read its timeline; it names the patient, so not auditors. */
  @Get('admissions/:id/timeline')
  @Roles('nurse', 'prescriber')
  @ApiOkResponse({ type: TimelineResponse })
  timeline(
    @CurrentUser() user: SignedInUser,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<TimelineResponse> {
    return this.timelines.timeline(user, id);
  }
}
