import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiExtraModels,
  ApiHeader,
  ApiOkResponse,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentUser, Roles, SessionCheckedInStatement } from '../auth/auth.decorators.js';
import type { SignedInUser } from '../auth/signed-in-user.js';
import { ValidationFailed } from '../common/domain-error.js';
import { ObservationEnteredInErrorRequest } from './dto/entered-in-error.request.js';
import {
  ObservationScheduleRequest,
  ObservationScheduleResponse,
} from './dto/observation-schedule.request.js';
import { CreateObservationSetRequest } from './dto/observation-set.request.js';
import { Spo2Scale2TargetRequest, Spo2Scale2TargetResponse } from './dto/spo2-scale2-target.request.js';
import { ObservationSetListResponse, ObservationSetResponse } from './dto/observation-set.response.js';
import { ObservationsService } from './observations.service.js';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{8,200}$/;

@ApiTags('observations')
@Controller()
@Roles('nurse', 'prescriber')
export class ObservationsController {
  constructor(private readonly observations: ObservationsService) {}

  @Get('admissions/:id/observation-sets')
  @ApiOkResponse({ type: ObservationSetListResponse })
  async list(@Param('id', new ParseUUIDPipe()) admissionId: string): Promise<ObservationSetListResponse> {
    return { items: await this.observations.list(admissionId), nextCursor: null };
  }

  @Post('admissions/:id/observation-sets')
  @SessionCheckedInStatement()
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'One per form submission; a retry with the same key and body stores nothing new.',
  })
  @ApiCreatedResponse({ type: ObservationSetResponse })
  async record(
    @CurrentUser() user: SignedInUser,
    @Param('id', new ParseUUIDPipe()) admissionId: string,
    @Body() body: CreateObservationSetRequest,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ObservationSetResponse> {
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
      throw new ValidationFailed([
        { field: 'Idempotency-Key', messages: ['Idempotency-Key must be 8-200 letters, digits or . _ : -'] },
      ]);
    }
    const result = await this.observations.record(
      user,
      admissionId,
      body,
      idempotencyKey ?? null,
      user.deferredSessionCheck ?? null,
    );
    if (result.replayed) void reply.header('idempotent-replayed', 'true');
    return result.set;
  }

  @Post('observation-sets/:id/entered-in-error')
  @HttpCode(200)
  @ApiOkResponse({ type: ObservationSetResponse })
  markInError(
    @CurrentUser() user: SignedInUser,
    @Param('id', new ParseUUIDPipe()) setId: string,
    @Body() body: ObservationEnteredInErrorRequest,
  ): Promise<ObservationSetResponse> {
    return this.observations.markInError(user, setId, body.reason);
  }

  @Post('admissions/:id/observation-schedule')
  @Roles('prescriber')
  @ApiCreatedResponse({ type: ObservationScheduleResponse })
  async setSchedule(
    @CurrentUser() user: SignedInUser,
    @Param('id', new ParseUUIDPipe()) admissionId: string,
    @Body() body: ObservationScheduleRequest,
  ): Promise<ObservationScheduleResponse> {
    const row = await this.observations.setSchedule(user, admissionId, body);
    return {
      routineMinutes: row.routineMinutes,
      intensifiedMinutes: row.intensifiedMinutes,
      intensifiedForMinutes: row.intensifiedForMinutes,
      setBy: row.setBy,
      setAt: row.setAt.toISOString(),
    };
  }

  @Post('admissions/:id/spo2-scale2-target')
  @Roles('prescriber')
  @ApiExtraModels(Spo2Scale2TargetResponse)
  @ApiCreatedResponse({
    description: 'The target in force; null when withdrawn.',
    schema: { nullable: true, allOf: [{ $ref: getSchemaPath(Spo2Scale2TargetResponse) }] },
  })
  setSpo2Scale2Target(
    @CurrentUser() user: SignedInUser,
    @Param('id', new ParseUUIDPipe()) admissionId: string,
    @Body() body: Spo2Scale2TargetRequest,
  ): Promise<Spo2Scale2TargetResponse | null> {
    return this.observations.setSpo2Scale2Target(user, admissionId, body.target);
  }
}
