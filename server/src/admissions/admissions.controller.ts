import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import type { SignedInUser } from '../auth/signed-in-user.js';
import { AdmissionsService } from './admissions.service.js';
import {
  CancelAdmissionRequest,
  DischargeRequest,
  VersionedRequest,
} from './dto/admission-commands.request.js';
import { AdmissionListQuery } from './dto/admission-list.query.js';
import { AdmissionListResponse, AdmissionResponse } from './dto/admission.response.js';
import { CreateAdmissionRequest } from './dto/create-admission.request.js';
import { UpdateAdmissionRequest } from './dto/update-admission.request.js';

@ApiTags('admissions')
@Controller('admissions')
export class AdmissionsController {
  constructor(private readonly admissions: AdmissionsService) {}

  @Get()
  @Roles('nurse', 'prescriber')
  @ApiOkResponse({ type: AdmissionListResponse })
  async list(@Query() query: AdmissionListQuery): Promise<AdmissionListResponse> {
    return { items: await this.admissions.list(query), nextCursor: null };
  }

  @Post()
  @Roles('prescriber')
  @ApiCreatedResponse({ type: AdmissionResponse })
  create(
    @CurrentUser() user: SignedInUser,
    @Body() body: CreateAdmissionRequest,
  ): Promise<AdmissionResponse> {
    return this.admissions.admit(user, body);
  }

  @Get(':id')
  @Roles('nurse', 'prescriber')
  @ApiOkResponse({ type: AdmissionResponse })
  get(
    @CurrentUser() user: SignedInUser,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<AdmissionResponse> {
    return this.admissions.get(user, id);
  }

  @Patch(':id')
  @Roles('prescriber')
  @ApiOkResponse({ type: AdmissionResponse })
  update(
    @CurrentUser() user: SignedInUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: UpdateAdmissionRequest,
  ): Promise<AdmissionResponse> {
    return this.admissions.update(user, id, body);
  }

  @Post(':id/admit')
  @Roles('prescriber')
  @HttpCode(200)
  @ApiOkResponse({ type: AdmissionResponse })
  arrive(
    @CurrentUser() user: SignedInUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: VersionedRequest,
  ): Promise<AdmissionResponse> {
    return this.admissions.applyCommand(user, id, 'admit', body);
  }

  @Post(':id/discharge')
  @Roles('prescriber')
  @HttpCode(200)
  @ApiOkResponse({ type: AdmissionResponse })
  discharge(
    @CurrentUser() user: SignedInUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: DischargeRequest,
  ): Promise<AdmissionResponse> {
    return this.admissions.applyCommand(user, id, 'discharge', { ...body, at: body.dischargedAt });
  }

  @Post(':id/cancel')
  @Roles('prescriber')
  @HttpCode(200)
  @ApiOkResponse({ type: AdmissionResponse })
  cancel(
    @CurrentUser() user: SignedInUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: CancelAdmissionRequest,
  ): Promise<AdmissionResponse> {
    return this.admissions.applyCommand(user, id, 'cancel', body);
  }
}
