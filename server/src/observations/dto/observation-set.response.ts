import { ApiProperty } from '@nestjs/swagger';
import {
  CONFIRMABLE_READINGS,
  FLAG_LABELS,
  PARTIAL_REASONS,
  POSS_LEVELS,
  type ConfirmableReading,
  type PartialReason,
} from '@infusion-tracker/clinical';
import { EnteredInErrorResponse, toEnteredInError } from '../../common/entered-in-error.response.js';
import { RateValueResponse } from '../../infusions/dto/infusion-order.response.js';
import type { ObservationSet } from '../observation-set.entity.js';
import { CONSCIOUSNESS, SideEffectGrades } from './observation-set.request.js';
import type { ObservationSetCorrection } from '../observation-set-correction.entity.js';

/** Every flag a set can carry, in the order the clinical library labels them. */
export const OBSERVATION_FLAGS = Object.keys(FLAG_LABELS);

export class ObservationSetResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) admissionId: string;
  @ApiProperty({ format: 'date-time' }) takenAt: string;
  @ApiProperty({ type: Number, nullable: true }) respirationRate: number | null;
  @ApiProperty({ type: Number, nullable: true }) spo2: number | null;
  @ApiProperty({ enum: [1, 2] }) spo2Scale: 1 | 2;
  @ApiProperty({ type: Boolean, nullable: true }) supplementalOxygen: boolean | null;
  @ApiProperty({ type: String, nullable: true }) oxygenDevice: string | null;
  @ApiProperty({ type: Number, nullable: true }) systolicBp: number | null;
  @ApiProperty({ type: Number, nullable: true }) diastolicBp: number | null;
  @ApiProperty({ type: Number, nullable: true }) pulse: number | null;
  @ApiProperty({ enum: CONSCIOUSNESS, nullable: true }) consciousness: string | null;
  @ApiProperty({ type: Number, nullable: true }) temperatureC: number | null;
  @ApiProperty({ enum: POSS_LEVELS, nullable: true }) sedation: string | null;
  @ApiProperty({ type: Number, nullable: true }) painScore: number | null;
  @ApiProperty({
    type: SideEffectGrades,
    nullable: true,
    description: 'Null: side effects not assessed. A side effect left out was not graded.',
  })
  sideEffects: Record<string, string> | null;
  @ApiProperty({ type: RateValueResponse, nullable: true }) pumpRate: RateValueResponse | null;
  @ApiProperty({ type: String, nullable: true }) comment: string | null;
  @ApiProperty({
    enum: PARTIAL_REASONS,
    nullable: true,
    description: 'Why the set has no complete NEWS2; null for a complete set.',
  })
  partialReason: PartialReason | null;
  @ApiProperty({ type: String, nullable: true }) partialReasonText: string | null;
  @ApiProperty({
    enum: CONFIRMABLE_READINGS,
    isArray: true,
    description: 'Readings outside their plausible range that the nurse confirmed.',
  })
  confirmedReadings: ConfirmableReading[];
  @ApiProperty({
    description:
      'As scoreNews2 returns it: complete, total, parameters, anySingleParameterThree, response, missing.',
  })
  news2: Record<string, unknown>;
  @ApiProperty({ enum: OBSERVATION_FLAGS, isArray: true }) flags: string[];
  @ApiProperty({ format: 'uuid' }) recordedBy: string;
  @ApiProperty({ description: 'The name of who recorded it, as they are named now.' }) recordedByName: string;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
  @ApiProperty({ type: EnteredInErrorResponse, nullable: true })
  enteredInError: EnteredInErrorResponse | null;
}

export class ObservationSetListResponse {
  @ApiProperty({ type: ObservationSetResponse, isArray: true }) items: ObservationSetResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export function toObservationSetResponse(
  set: ObservationSet,
  correction: ObservationSetCorrection | null,
  recordedByName: string,
): ObservationSetResponse {
  return {
    id: set.id,
    admissionId: set.admissionId,
    takenAt: set.takenAt.toISOString(),
    respirationRate: set.respirationRate,
    spo2: set.spo2,
    spo2Scale: Number(set.spo2Scale) as 1 | 2,
    supplementalOxygen: set.supplementalOxygen,
    oxygenDevice: set.oxygenDevice,
    systolicBp: set.systolicBp,
    diastolicBp: set.diastolicBp,
    pulse: set.pulse,
    consciousness: set.consciousness,
    temperatureC: set.temperatureC === null ? null : Number(set.temperatureC),
    sedation: set.sedation,
    painScore: set.painScore,
    // Sets stored before issue 12 without side effects hold {}: that asserted nothing either.
    sideEffects:
      set.sideEffects && Object.keys(set.sideEffects).length > 0
        ? (set.sideEffects as Record<string, string>)
        : null,
    pumpRate:
      set.pumpRateValue !== null && set.pumpRateUnit !== null
        ? { value: Number(set.pumpRateValue), unit: set.pumpRateUnit }
        : null,
    comment: set.comment,
    partialReason: set.partialReason,
    partialReasonText: set.partialReasonText,
    confirmedReadings: set.confirmedReadings ?? [],
    news2: set.news2 as unknown as Record<string, unknown>,
    flags: set.flags,
    recordedBy: set.recordedBy,
    recordedByName,
    recordedAt: set.recordedAt.toISOString(),
    enteredInError: toEnteredInError(correction),
  };
}
