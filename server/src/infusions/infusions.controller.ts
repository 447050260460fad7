import { Body, Controller, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AdmissionResponse } from '../admissions/dto/admission.response.js';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import type { SignedInUser } from '../auth/signed-in-user.js';
import { CreateInfusionEventRequest } from './dto/infusion-event.request.js';
import { CreateInfusionOrderRequest, EnteredInErrorRequest } from './dto/infusion-order.request.js';
import { OrderCreatedResponse } from './dto/order-result.response.js';
import { InfusionsService } from './infusions.service.js';

@ApiTags('infusions')
@Controller()
export class InfusionsController {
  constructor(private readonly infusions: InfusionsService) {}

  @Post('admissions/:id/infusion-orders')
  @Roles('prescriber')
  @ApiCreatedResponse({ type: OrderCreatedResponse })
  async createOrder(
    @CurrentUser() user: SignedInUser,
    @Param('id', new ParseUUIDPipe()) admissionId: string,
    @Body() body: CreateInfusionOrderRequest,
  ): Promise<OrderCreatedResponse> {
    const result = await this.infusions.createOrder(user, admissionId, body);
    return { id: result.orderId, maximumRateCheck: result.maximumRateCheck, admission: result.admission };
  }

  @Post('infusion-orders/:id/entered-in-error')
  @Roles('prescriber')
  @ApiOkResponse({ type: AdmissionResponse })
  markInError(
    @CurrentUser() user: SignedInUser,
    @Param('id', new ParseUUIDPipe()) orderId: string,
    @Body() body: EnteredInErrorRequest,
  ): Promise<AdmissionResponse> {
    return this.infusions.markOrderInError(user, orderId, body);
  }

  /** Nurses may pause (with a reason) when a patient is unsafe; start, resume and stop are the prescriber's. */
  @Post('admissions/:id/infusion-events')
  @Roles('nurse', 'prescriber')
  @ApiCreatedResponse({ type: AdmissionResponse })
  recordEvent(
    @CurrentUser() user: SignedInUser,
    @Param('id', new ParseUUIDPipe()) admissionId: string,
    @Body() body: CreateInfusionEventRequest,
  ): Promise<AdmissionResponse> {
    return this.infusions.recordEvent(user, admissionId, body);
  }
}
