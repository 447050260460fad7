import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import type { SignedInUser } from '../auth/signed-in-user.js';
import { FollowUpResponse } from '../follow-ups/dto/follow-up.response.js';
import { RejectPatientResponseRequest } from './dto/patient-link.requests.js';
import {
  FollowUpPatientLinksResponse,
  IssuedPatientLinkResponse,
  PatientLinkSummary,
  PatientResponseDetail,
} from './dto/patient-link.responses.js';
import { PatientLinksService } from './patient-links.service.js';

/** The clinician's side of patient links: issue, revoke, review. */
@ApiTags('patient-links')
@Controller()
@Roles('nurse', 'prescriber')
export class PatientLinksController {
  constructor(private readonly links: PatientLinksService) {}

  @Post('follow-ups/:id/patient-links')
  @ApiCreatedResponse({
    type: IssuedPatientLinkResponse,
    description: 'Revokes the follow-up’s open link, if any.',
  })
  issue(
    @CurrentUser() user: SignedInUser,
    @Param('id', new ParseUUIDPipe()) followUpId: string,
  ): Promise<IssuedPatientLinkResponse> {
    return this.links.issue(user, followUpId);
  }

  @Get('follow-ups/:id/patient-links')
  @ApiOkResponse({ type: FollowUpPatientLinksResponse })
  list(
    @CurrentUser() user: SignedInUser,
    @Param('id', new ParseUUIDPipe()) followUpId: string,
  ): Promise<FollowUpPatientLinksResponse> {
    return this.links.forFollowUp(user, followUpId);
  }

  @Post('patient-links/:id/revoke')
  @HttpCode(200)
  @ApiOkResponse({ type: PatientLinkSummary })
  revoke(
    @CurrentUser() user: SignedInUser,
    @Param('id', new ParseUUIDPipe()) linkId: string,
  ): Promise<PatientLinkSummary> {
    return this.links.revoke(user, linkId);
  }

  @Post('patient-responses/:id/accept')
  @HttpCode(200)
  @ApiOkResponse({ type: FollowUpResponse, description: 'The follow-up, with the answers as its outcome.' })
  accept(
    @CurrentUser() user: SignedInUser,
    @Param('id', new ParseUUIDPipe()) responseId: string,
  ): Promise<FollowUpResponse> {
    return this.links.accept(user, responseId);
  }

  @Post('patient-responses/:id/reject')
  @HttpCode(200)
  @ApiOkResponse({ type: PatientResponseDetail })
  reject(
    @CurrentUser() user: SignedInUser,
    @Param('id', new ParseUUIDPipe()) responseId: string,
    @Body() body: RejectPatientResponseRequest,
  ): Promise<PatientResponseDetail> {
    return this.links.reject(user, responseId, body.reason);
  }
}
