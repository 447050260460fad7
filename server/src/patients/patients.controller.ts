import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import type { SignedInUser } from '../auth/signed-in-user.js';
import { CreatePatientRequest } from './dto/create-patient.request.js';
import { PatientSearchQuery } from './dto/patient-search.query.js';
import { PatientListResponse, PatientResponse, toPatientResponse } from './dto/patient.response.js';
import { PatientsService } from './patients.service.js';

@ApiTags('patients')
@Controller('patients')
export class PatientsController {
  constructor(private readonly patients: PatientsService) {}

  @Get()
  @Roles('nurse', 'prescriber')
  @ApiOkResponse({ type: PatientListResponse })
  async search(@Query() query: PatientSearchQuery): Promise<PatientListResponse> {
    return { items: (await this.patients.search(query.q)).map(toPatientResponse), nextCursor: null };
  }

  @Post()
  @Roles('prescriber')
  @ApiCreatedResponse({ type: PatientResponse })
  async create(
    @CurrentUser() user: SignedInUser,
    @Body() body: CreatePatientRequest,
  ): Promise<PatientResponse> {
    return toPatientResponse(await this.patients.create(user, body));
  }

  @Get(':id')
  @Roles('nurse', 'prescriber')
  @ApiOkResponse({ type: PatientResponse })
  async get(@Param('id', new ParseUUIDPipe()) id: string): Promise<PatientResponse> {
    return toPatientResponse(await this.patients.get(id));
  }
}
