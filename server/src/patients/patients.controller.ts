import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import type { SignedInUser } from '../auth/signed-in-user.js';
import { CreatePatientRequest } from './dto/create-patient.request.js';
import { PatientContactRequest } from './dto/patient-contact.request.js';
import { PatientSearchQuery } from './dto/patient-search.query.js';
import {
  maySeeContact,
  PatientListResponse,
  PatientResponse,
  toPatientResponse,
} from './dto/patient.response.js';
import { PatientsService } from './patients.service.js';

@ApiTags('patients')
@Controller('patients')
export class PatientsController {
  constructor(private readonly patients: PatientsService) {}

  @Get()
  @Roles('nurse', 'prescriber')
  @ApiOkResponse({ type: PatientListResponse })
  async search(
    @CurrentUser() user: SignedInUser,
    @Query() query: PatientSearchQuery,
  ): Promise<PatientListResponse> {
    const contact = maySeeContact(user.roles);
    return {
      items: (await this.patients.search(query.q)).map((patient) => toPatientResponse(patient, { contact })),
      nextCursor: null,
    };
  }

  @Post()
  @Roles('prescriber')
  @ApiCreatedResponse({ type: PatientResponse })
  async create(
    @CurrentUser() user: SignedInUser,
    @Body() body: CreatePatientRequest,
  ): Promise<PatientResponse> {
    return toPatientResponse(await this.patients.create(user, body), { contact: maySeeContact(user.roles) });
  }

  @Get(':id')
  @Roles('nurse', 'prescriber')
  @ApiOkResponse({ type: PatientResponse })
  async get(
    @CurrentUser() user: SignedInUser,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<PatientResponse> {
    return toPatientResponse(await this.patients.get(id), { contact: maySeeContact(user.roles) });
  }

  @Patch(':id/contact')
  @Roles('nurse', 'prescriber')
  @ApiOkResponse({ type: PatientResponse })
  async updateContact(
    @CurrentUser() user: SignedInUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: PatientContactRequest,
  ): Promise<PatientResponse> {
    return toPatientResponse(await this.patients.updateContact(user, id, body), { contact: true });
  }
}
