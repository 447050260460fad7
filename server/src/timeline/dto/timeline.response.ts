import { ApiExtraModels, ApiProperty, OmitType, getSchemaPath } from '@nestjs/swagger';
import { PatientResponse } from '../../patients/dto/patient.response.js';
import { StaffName } from '../../admissions/dto/admission.response.js';
import { InfusionOrderResponse } from '../../infusions/dto/infusion-order.response.js';
import { EnteredInErrorResponse } from '../../common/entered-in-error.response.js';
import {
  ADMISSION_STATUSES,
  DRUGS,
  INDICATIONS,
  type AdmissionStatus,
  type Drug,
  type Indication,
} from '../../admissions/admission-status.js';
import {
  INFUSION_EVENT_TYPES,
  RATE_UNITS,
  type InfusionEventType,
  type RateUnit,
} from '../../infusions/rate-units.js';
import {
  CONFIRMABLE_READINGS,
  PARTIAL_REASONS,
  POSS_LEVELS,
  SIDE_EFFECT_GRADES,
  type ConfirmableReading,
  type News2Response,
  type PartialReason,
} from '@infusion-tracker/clinical';
import { CONSCIOUSNESS } from '../../observations/dto/observation-set.request.js';
import { OBSERVATION_FLAGS } from '../../observations/dto/observation-set.response.js';

const NEWS2_RESPONSES = ['low', 'low-medium', 'medium', 'high'] as const satisfies readonly News2Response[];

/** Who the patient is; contact details stay with the patient and follow-up records, not the timeline. */
export class TimelinePatientResponse extends OmitType(PatientResponse, ['contact'] as const) {}

/** An entered-in-error mark with the name of who made it. */
export class TimelineEnteredInError extends EnteredInErrorResponse {
  @ApiProperty({ description: 'As the user is named now.' }) markedByName: string;
}

export class ConsentResponse {
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
  @ApiProperty({ type: StaffName }) recordedBy: StaffName;
}

/** What a reviewer needs first about the stay. */
export class TimelineAdmissionResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ADMISSION_STATUSES }) status: AdmissionStatus;
  @ApiProperty() version: number;
  @ApiProperty() ward: string;
  @ApiProperty() bed: string;
  @ApiProperty({ enum: INDICATIONS }) indication: Indication;
  @ApiProperty({ type: String, nullable: true }) indicationOther: string | null;
  @ApiProperty({ enum: DRUGS }) drug: Drug;
  @ApiProperty({ type: String, nullable: true }) drugOther: string | null;
  @ApiProperty({ format: 'date-time' }) admittedAt: string;
  @ApiProperty() plannedDays: number;
  @ApiProperty({ type: Number, nullable: true, description: 'kg, as entered.' }) weightKg: number | null;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) weightMeasuredOn: string | null;
  @ApiProperty() baselinePain: number;
  @ApiProperty({ type: Number, nullable: true }) baselineBpiInterference: number | null;
  @ApiProperty({ type: ConsentResponse, nullable: true }) consent: ConsentResponse | null;
  @ApiProperty({ type: StaffName }) admittingPrescriber: StaffName;
  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: 'The first start event.' })
  infusionStartedAt: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: 'The stop event.' })
  infusionStoppedAt: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) dischargedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) dischargeSummary: string | null;
  @ApiProperty({ type: String, nullable: true }) closingReason: string | null;
  @ApiProperty({ format: 'date-time' }) statusChangedAt: string;
}

export const ORDER_STATES = ['current', 'superseded', 'entered-in-error'] as const;
export type OrderState = (typeof ORDER_STATES)[number];

export class TimelineOrderResponse extends InfusionOrderResponse {
  @ApiProperty({ description: 'As the user is named now.' }) enteredByName: string;
  @ApiProperty({
    enum: ORDER_STATES,
    description:
      'current: the newest order not entered in error; superseded: a newer valid order replaced it.',
  })
  state: OrderState;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) supersededBy: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    format: 'date-time',
    description: 'When the next order took effect.',
  })
  supersededAt: string | null;
  @ApiProperty({ type: TimelineEnteredInError, nullable: true })
  override enteredInError: TimelineEnteredInError | null;
}

export class TimelineEventResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: INFUSION_EVENT_TYPES }) type: InfusionEventType;
  @ApiProperty({ format: 'date-time' }) occurredAt: string;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
  @ApiProperty({ format: 'uuid' }) recordedBy: string;
  @ApiProperty() recordedByName: string;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
}

/** A stretch of time during which one order's rate was the one in force, exactly as written. */
export class RateSegment {
  @ApiProperty({ format: 'uuid' }) orderId: string;
  @ApiProperty({ description: 'As entered; never converted.' }) value: number;
  @ApiProperty({ format: 'date-time' }) from: string;
  @ApiProperty({
    type: String,
    nullable: true,
    format: 'date-time',
    description: 'The next order, the stop or the discharge; null while it is still in force.',
  })
  to: string | null;
}

export class RateLine {
  @ApiProperty({ enum: RATE_UNITS }) unit: RateUnit;
  @ApiProperty({ type: RateSegment, isArray: true }) segments: RateSegment[];
}

export class PauseBand {
  @ApiProperty({ format: 'date-time' }) from: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: 'null: still paused.' })
  to: string | null;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
  @ApiProperty() pausedByName: string;
}

export class TimelineSeries {
  @ApiProperty({ type: RateLine, isArray: true, description: 'One line per unit ever ordered.' })
  rate: RateLine[];
  @ApiProperty({ type: PauseBand, isArray: true }) pauses: PauseBand[];
}

const numbers = (description?: string) =>
  ApiProperty({ type: 'array', items: { type: 'number', nullable: true }, description });
const texts = (description?: string) =>
  ApiProperty({ type: 'array', items: { type: 'string', nullable: true }, description });
const choices = (values: readonly string[], description?: string) =>
  ApiProperty({ type: 'array', items: { type: 'string', enum: [...values], nullable: true }, description });

/** The stored NEWS2 result of every set, as columns. */
export class TimelineNews2Columns {
  @ApiProperty({ type: Boolean, isArray: true }) complete: boolean[];
  @numbers('null: incomplete set') total: (number | null)[];
  @choices(NEWS2_RESPONSES, 'null: incomplete set') response: (string | null)[];
  @ApiProperty({ type: Boolean, isArray: true }) anySingleParameterThree: boolean[];
  @ApiProperty({ type: 'array', items: { type: 'array', items: { type: 'string' } } }) missing: string[][];
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'array', items: { type: 'number', nullable: true } },
    description: 'The score of each parameter (respirationRate, spo2, ...), one column each.',
  })
  parameters: Record<string, (number | null)[]>;
}

/**
 * Every set of the stay, entered-in-error ones included, as columns: index i of every array is the i-th
 * set, oldest first; each value as stored, null where it was not recorded. Charts and the flowsheet are
 * both drawn from it.
 */
@ApiExtraModels(TimelineEnteredInError)
export class TimelineObservations {
  @ApiProperty({ type: String, isArray: true, format: 'uuid' }) id: string[];
  @ApiProperty({ type: String, isArray: true, format: 'date-time' }) takenAt: string[];
  @numbers() respirationRate: (number | null)[];
  @numbers() spo2: (number | null)[];
  @ApiProperty({ type: Number, isArray: true, enum: [1, 2] }) spo2Scale: (1 | 2)[];
  @ApiProperty({ type: 'array', items: { type: 'boolean', nullable: true } })
  supplementalOxygen: (boolean | null)[];
  @texts() oxygenDevice: (string | null)[];
  @numbers() systolicBp: (number | null)[];
  @numbers() diastolicBp: (number | null)[];
  @numbers() pulse: (number | null)[];
  @choices(CONSCIOUSNESS) consciousness: (string | null)[];
  @numbers() temperatureC: (number | null)[];
  @choices(POSS_LEVELS, 'POSS') sedation: (string | null)[];
  @numbers('NRS 0-10') painScore: (number | null)[];
  @ApiProperty({
    type: 'object',
    additionalProperties: {
      type: 'array',
      items: { type: 'string', enum: [...SIDE_EFFECT_GRADES], nullable: true },
    },
    description:
      'One column per side effect any set graded (none, mild, moderate, severe); null: that set did not grade it. ' +
      'A set null in every column did not assess side effects (the observations list says null), never "none".',
  })
  sideEffects: Record<string, (string | null)[]>;
  @numbers('The pump rate the nurse read, as read.') pumpRateValue: (number | null)[];
  @choices(RATE_UNITS) pumpRateUnit: (RateUnit | null)[];
  @texts() comment: (string | null)[];
  @ApiProperty({
    type: 'array',
    items: { type: 'string', enum: [...PARTIAL_REASONS], nullable: true },
    description: 'Why the set has no complete NEWS2; null for a complete set.',
  })
  partialReason: (PartialReason | null)[];
  @texts('The nurse\'s words for the partial reason (required with "other").')
  partialReasonText: (string | null)[];
  @ApiProperty({
    type: 'array',
    items: { type: 'array', items: { type: 'string', enum: [...CONFIRMABLE_READINGS] } },
    description: 'Readings outside their plausible range that the nurse confirmed; [] when none.',
  })
  confirmedReadings: ConfirmableReading[][];
  @ApiProperty({ type: TimelineNews2Columns }) news2: TimelineNews2Columns;
  @ApiProperty({
    type: 'array',
    items: { type: 'array', items: { type: 'string', enum: OBSERVATION_FLAGS } },
  })
  flags: string[][];
  @ApiProperty({ type: String, isArray: true, description: 'As the user is named now.' })
  recordedByName: string[];
  @ApiProperty({ type: String, isArray: true, format: 'date-time' }) recordedAt: string[];
  @ApiProperty({
    type: 'array',
    items: { allOf: [{ $ref: getSchemaPath(TimelineEnteredInError) }], nullable: true },
    description: 'null where the set stands; the mark where it was entered in error.',
  })
  enteredInError: (TimelineEnteredInError | null)[];
}

export class FollowUpOutcomeSummary {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'date' }) assessedOn: string;
  @ApiProperty() method: string;
  @ApiProperty() painNow: number;
  @ApiProperty({ type: Number, nullable: true }) painWorstWeek: number | null;
  @ApiProperty({ type: Number, nullable: true }) pgic: number | null;
  @ApiProperty() benefitOngoing: boolean;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) benefitEndedOn: string | null;
  @ApiProperty({ type: String, nullable: true }) comment: string | null;
  @ApiProperty() recordedByName: string;
}

export class TimelineFollowUp {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['scheduled', 'extra'] }) kind: string;
  @ApiProperty({ type: Number, nullable: true }) weeks: number | null;
  @ApiProperty() label: string;
  @ApiProperty({ format: 'date' }) dueOn: string;
  @ApiProperty({ description: 'As ADR 4 derives it.' }) status: string;
  @ApiProperty({ type: FollowUpOutcomeSummary, nullable: true, description: 'The current outcome.' })
  outcome: FollowUpOutcomeSummary | null;
}

export class TimelineFollowUps {
  @ApiProperty({ description: 'Whether this server records follow-ups (issue 9); true since it does.' })
  available: boolean;
  @ApiProperty() baselinePain: number;
  @ApiProperty({ type: Number, nullable: true }) painAtDischarge: number | null;
  @ApiProperty({
    type: String,
    nullable: true,
    format: 'date',
    description: 'The first current outcome saying benefit ended.',
  })
  benefitEndedOn: string | null;
  @ApiProperty({ type: TimelineFollowUp, isArray: true, description: 'By due date.' })
  items: TimelineFollowUp[];
}

export class TimelineResponse {
  @ApiProperty({ format: 'date-time', description: 'The server time the timeline was read ("now").' })
  generatedAt: string;
  @ApiProperty({ type: TimelinePatientResponse }) patient: TimelinePatientResponse;
  @ApiProperty({ type: TimelineAdmissionResponse }) admission: TimelineAdmissionResponse;
  @ApiProperty({ type: TimelineOrderResponse, isArray: true, description: 'Oldest first, all of them.' })
  orders: TimelineOrderResponse[];
  @ApiProperty({ type: TimelineEventResponse, isArray: true, description: 'In clinical time order.' })
  events: TimelineEventResponse[];
  @ApiProperty({ type: TimelineSeries, description: 'Rate and pauses ready to plot.' })
  series: TimelineSeries;
  @ApiProperty({ type: TimelineFollowUps }) followUps: TimelineFollowUps;
  @ApiProperty({ type: TimelineObservations }) observations: TimelineObservations;
}
