import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Public } from '../auth/auth.decorators.js';
import { originOf } from '../common/request-origin.js';
import { PublicResponsePage, PublicResponseReceived } from './dto/patient-link.responses.js';
import { PatientAnswersRequest } from './patient-answers.js';
import { PatientLinksService } from './patient-links.service.js';

/**
 * The only routes a patient reaches, without an account: the page's data and the answers, for the
 * holder of a one-time link. A token that cannot be used gets one neutral 404, whatever the reason.
 */
@ApiTags('public')
@Controller('public/responses')
@Public()
export class PublicResponsesController {
  constructor(private readonly links: PatientLinksService) {}

  @Get(':token')
  @ApiOkResponse({ type: PublicResponsePage })
  open(@Param('token') token: string, @Req() request: FastifyRequest): Promise<PublicResponsePage> {
    return this.links.open(token, originOf(request));
  }

  @Post(':token')
  @HttpCode(200)
  @ApiOkResponse({ type: PublicResponseReceived })
  async submit(
    @Param('token') token: string,
    @Body() body: PatientAnswersRequest,
    @Req() request: FastifyRequest,
  ): Promise<PublicResponseReceived> {
    await this.links.submit(token, body, originOf(request));
    return { received: true };
  }
}
