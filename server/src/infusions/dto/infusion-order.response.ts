import { ApiProperty } from '@nestjs/swagger';
import { EnteredInErrorResponse, toEnteredInError } from '../../common/entered-in-error.response.js';
import { RATE_UNITS, ROUTES, type RateUnit, type Route } from '../rate-units.js';
import type { InfusionOrder } from '../infusion-order.entity.js';
import type { InfusionOrderCorrection } from '../infusion-order-correction.entity.js';

export class RateValueResponse {
  @ApiProperty() value: number;
  @ApiProperty({ enum: RATE_UNITS }) unit: RateUnit;
}

export class ConcentrationResponse {
  @ApiProperty() value: number;
  @ApiProperty() unit: string;
}

export class InfusionOrderResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) admissionId: string;
  @ApiProperty() drug: string;
  @ApiProperty({ enum: ROUTES }) route: Route;
  @ApiProperty({ type: ConcentrationResponse }) concentration: ConcentrationResponse;
  @ApiProperty({ type: RateValueResponse }) rate: RateValueResponse;
  @ApiProperty({ type: RateValueResponse, nullable: true }) maxRate: RateValueResponse | null;
  @ApiProperty({ type: RateValueResponse, nullable: true }) increment: RateValueResponse | null;
  @ApiProperty({ type: Number, nullable: true }) minMinutesBetweenChanges: number | null;
  @ApiProperty({ type: String, nullable: true }) endPoints: string | null;
  @ApiProperty({ format: 'date-time' }) effectiveFrom: string;
  @ApiProperty() reason: string;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty({ type: String, nullable: true }) overMaxReason: string | null;
  @ApiProperty({ format: 'uuid' }) enteredBy: string;
  @ApiProperty({ format: 'date-time' }) enteredAt: string;
  @ApiProperty({ type: EnteredInErrorResponse, nullable: true })
  enteredInError: EnteredInErrorResponse | null;
}

/** numeric comes back from PostgreSQL as text; the number is the one the prescriber typed. */
const asNumber = (value: string) => Number(value);

function rateOf(value: string | null, unit: RateUnit | null): RateValueResponse | null {
  return value !== null && unit !== null ? { value: asNumber(value), unit } : null;
}

export function toInfusionOrderResponse(
  order: InfusionOrder,
  correction: InfusionOrderCorrection | null,
): InfusionOrderResponse {
  return {
    id: order.id,
    admissionId: order.admissionId,
    drug: order.drug,
    route: order.route,
    concentration: { value: asNumber(order.concentrationValue), unit: order.concentrationUnit },
    rate: { value: asNumber(order.rateValue), unit: order.rateUnit },
    maxRate: rateOf(order.maxRateValue, order.maxRateUnit),
    increment: rateOf(order.incrementValue, order.incrementUnit),
    minMinutesBetweenChanges: order.minMinutesBetweenChanges,
    endPoints: order.endPoints,
    effectiveFrom: order.effectiveFrom.toISOString(),
    reason: order.reason,
    note: order.note,
    overMaxReason: order.overMaxReason,
    enteredBy: order.enteredBy,
    enteredAt: order.enteredAt.toISOString(),
    enteredInError: toEnteredInError(correction),
  };
}
