import { Spo2Scale2TargetResponse } from '../../observations/dto/spo2-scale2-target.request.js';
import { ApiProperty } from '@nestjs/swagger';
import { PatientResponse } from '../../patients/dto/patient.response.js';
import { ObservationScheduleResponse } from '../../observations/dto/observation-schedule.request.js';
import { InfusionOrderResponse } from '../../infusions/dto/infusion-order.response.js';
import { INFUSION_EVENT_TYPES, type InfusionEventType } from '../../infusions/rate-units.js';
import {
  ADMISSION_STATUSES,
  DRUGS,
  INDICATIONS,
  type AdmissionStatus,
  type Drug,
  type Indication,
} from '../admission-status.js';

export class InfusionEventResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: INFUSION_EVENT_TYPES }) type: InfusionEventType;
  @ApiProperty({ format: 'date-time', description: 'The clinical time.' }) occurredAt: string;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
  @ApiProperty({ format: 'uuid' }) recordedBy: string;
  @ApiProperty({ format: 'date-time', description: 'When it was entered.' }) recordedAt: string;
}

export class StaffName {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'As the user is named now.' }) displayName: string;
}

export class AdmissionSummaryResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: PatientResponse }) patient: PatientResponse;
  @ApiProperty() ward: string;
  @ApiProperty() bed: string;
  @ApiProperty({ enum: INDICATIONS }) indication: Indication;
  @ApiProperty({ type: String, nullable: true }) indicationOther: string | null;
  @ApiProperty({ enum: DRUGS }) drug: Drug;
  @ApiProperty({ type: String, nullable: true }) drugOther: string | null;
  @ApiProperty({ format: 'date-time' }) admittedAt: string;
  @ApiProperty() plannedDays: number;
  @ApiProperty({ enum: ADMISSION_STATUSES }) status: AdmissionStatus;
  @ApiProperty() version: number;
  @ApiProperty({ type: InfusionOrderResponse, nullable: true, description: 'Exactly as entered.' })
  currentOrder: InfusionOrderResponse | null;
}

export class AdmissionResponse extends AdmissionSummaryResponse {
  @ApiProperty({ format: 'uuid' }) admittingPrescriberId: string;
  @ApiProperty({ type: Number, nullable: true, description: 'kg, as entered.' }) weightKg: number | null;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) weightMeasuredOn: string | null;
  @ApiProperty() baselinePain: number;
  @ApiProperty({ type: Number, nullable: true }) baselineBpiInterference: number | null;
  @ApiProperty({ type: String, nullable: true }) consentRecordedBy: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) consentRecordedAt: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) dischargedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) dischargeSummary: string | null;
  @ApiProperty({ type: String, nullable: true }) closingReason: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'NRS 0-10 at discharge.' })
  painAtDischarge: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'PGIC 1-7 at discharge.' })
  pgicAtDischarge: number | null;
  @ApiProperty({ type: String, nullable: true, description: 'The PGIC wording used (its id).' })
  pgicWording: string | null;
  @ApiProperty({
    type: InfusionOrderResponse,
    isArray: true,
    description: 'Newest first, entered-in-error included.',
  })
  orders: InfusionOrderResponse[];
  @ApiProperty({
    type: StaffName,
    isArray: true,
    description: 'Names of the staff the record refers to by id.',
  })
  staff: StaffName[];
  @ApiProperty({
    type: ObservationScheduleResponse,
    description: 'The schedule in force; the default (setBy null) until a prescriber sets one.',
  })
  observationSchedule: ObservationScheduleResponse;
  @ApiProperty({
    type: Spo2Scale2TargetResponse,
    nullable: true,
    description: "The prescriber's documented SpO2 target for scale 2; null: scale 1 applies.",
  })
  spo2Scale2Target: Spo2Scale2TargetResponse | null;
  @ApiProperty({ type: InfusionEventResponse, isArray: true, description: 'In clinical time order.' })
  events: InfusionEventResponse[];
}

export class AdmissionListResponse {
  @ApiProperty({ type: AdmissionSummaryResponse, isArray: true }) items: AdmissionSummaryResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
