import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, SessionCheckedInStatement, SignedIn } from '../auth/auth.decorators.js';
import type { SignedInUser } from '../auth/signed-in-user.js';
import {
  AttemptRequest,
  ExtraFollowUpRequest,
  OutcomeRequest,
  ReasonRequest,
  ScheduleRequest,
  TerminalEventRequest,
  WorklistQuery,
} from './dto/follow-up.requests.js';
import {
  AdmissionFollowUpsResponse,
  FollowUpResponse,
  FollowUpScheduleResponse,
  InstrumentResponse,
  WorklistResponse,
} from './dto/follow-up.response.js';
import { FollowUpScheduleService } from './follow-up-schedule.service.js';
import { FollowUpsService } from './follow-ups.service.js';

/**
 * Follow-ups after discharge (ADR 4). Nurses and prescribers record; prescribers add and cancel
 * follow-ups; auditors may read an admission's follow-ups, which carry no contact details.
 */
@ApiTags('follow-ups')
@Controller()
export class FollowUpsController {
  constructor(
    private readonly followUps: FollowUpsService,
    private readonly schedule: FollowUpScheduleService,
  ) {}

  /** Its one statement checks the session too (ADR 10). */
  @Get('follow-ups')
  @Roles('nurse', 'prescriber')
  @SessionCheckedInStatement()
  @ApiOkResponse({ type: WorklistResponse })
  worklist(@CurrentUser() user: SignedInUser, @Query() query: WorklistQuery): Promise<WorklistResponse> {
    return this.followUps.worklist(user, query, user.deferredSessionCheck ?? null);
  }

  @Get('admissions/:id/follow-ups')
  @Roles('nurse', 'prescriber', 'auditor')
  @ApiOkResponse({ type: AdmissionFollowUpsResponse })
  forAdmission(
    @CurrentUser() user: SignedInUser,
    @Param('id', new ParseUUIDPipe()) admissionId: string,
  ): Promise<AdmissionFollowUpsResponse> {
    return this.followUps.forAdmission(user, admissionId);
  }

  @Post('admissions/:id/follow-ups')
  @Roles('prescriber')
  @ApiCreatedResponse({ type: FollowUpResponse })
  addExtra(
    @CurrentUser() user: SignedInUser,
    @Param('id', new ParseUUIDPipe()) admissionId: string,
    @Body() body: ExtraFollowUpRequest,
  ): Promise<FollowUpResponse> {
    return this.followUps.addExtra(user, admissionId, body);
  }

  @Post('follow-ups/:id/cancel')
  @Roles('prescriber')
  @HttpCode(200)
  @ApiOkResponse({ type: FollowUpResponse })
  cancel(
    @CurrentUser() user: SignedInUser,
    @Param('id', new ParseUUIDPipe()) followUpId: string,
    @Body() body: ReasonRequest,
  ): Promise<FollowUpResponse> {
    return this.followUps.cancel(user, followUpId, body.reason);
  }

  @Post('follow-ups/:id/attempts')
  @Roles('nurse', 'prescriber')
  @ApiCreatedResponse({ type: FollowUpResponse })
  recordAttempt(
    @CurrentUser() user: SignedInUser,
    @Param('id', new ParseUUIDPipe()) followUpId: string,
    @Body() body: AttemptRequest,
  ): Promise<FollowUpResponse> {
    return this.followUps.recordAttempt(user, followUpId, body);
  }

  @Post('follow-ups/:id/outcome')
  @Roles('nurse', 'prescriber')
  @ApiCreatedResponse({ type: FollowUpResponse })
  recordOutcome(
    @CurrentUser() user: SignedInUser,
    @Param('id', new ParseUUIDPipe()) followUpId: string,
    @Body() body: OutcomeRequest,
  ): Promise<FollowUpResponse> {
    return this.followUps.recordOutcome(user, followUpId, body);
  }

  @Post('follow-up-outcomes/:id/entered-in-error')
  @Roles('nurse', 'prescriber')
  @HttpCode(200)
  @ApiOkResponse({ type: FollowUpResponse })
  markOutcomeInError(
    @CurrentUser() user: SignedInUser,
    @Param('id', new ParseUUIDPipe()) outcomeId: string,
    @Body() body: ReasonRequest,
  ): Promise<FollowUpResponse> {
    return this.followUps.markOutcomeInError(user, outcomeId, body.reason);
  }

  /** lost, died, withdrew: nurse or prescriber; readmitted: prescriber (the service checks the kind). */
  @Post('admissions/:id/lost-to-follow-up')
  @Roles('nurse', 'prescriber')
  @ApiCreatedResponse({ type: AdmissionFollowUpsResponse })
  recordTerminalEvent(
    @CurrentUser() user: SignedInUser,
    @Param('id', new ParseUUIDPipe()) admissionId: string,
    @Body() body: TerminalEventRequest,
  ): Promise<AdmissionFollowUpsResponse> {
    return this.followUps.recordTerminalEvent(user, admissionId, body);
  }

  /** A terminal event recorded in error: by whoever may record its kind; reopens what is still meaningful. */
  @Post('follow-up-terminal-events/:id/entered-in-error')
  @Roles('nurse', 'prescriber')
  @HttpCode(200)
  @ApiOkResponse({ type: AdmissionFollowUpsResponse })
  markTerminalEventInError(
    @CurrentUser() user: SignedInUser,
    @Param('id', new ParseUUIDPipe()) eventId: string,
    @Body() body: ReasonRequest,
  ): Promise<AdmissionFollowUpsResponse> {
    return this.followUps.markTerminalEventInError(user, eventId, body.reason);
  }

  @Get('follow-up-schedule')
  @SignedIn()
  @ApiOkResponse({ type: FollowUpScheduleResponse })
  currentSchedule(): Promise<FollowUpScheduleResponse> {
    return this.schedule.current();
  }

  @Put('follow-up-schedule')
  @Roles('admin')
  @ApiOkResponse({ type: FollowUpScheduleResponse })
  changeSchedule(
    @CurrentUser() user: SignedInUser,
    @Body() body: ScheduleRequest,
  ): Promise<FollowUpScheduleResponse> {
    return this.schedule.change(user, body);
  }

  @Get('instruments')
  @SignedIn()
  @ApiOkResponse({ type: InstrumentResponse, isArray: true })
  instruments(): Promise<InstrumentResponse[]> {
    return this.schedule.instruments();
  }
}
