import { ADMISSION_STATUSES, PARTIAL_REASONS, POSS_LEVELS } from '@infusion-tracker/clinical';
import { ApiProperty } from '@nestjs/swagger';
import { RateValueResponse, ConcentrationResponse } from '../../infusions/dto/infusion-order.response.js';
import { OBSERVATION_FLAGS } from '../../observations/dto/observation-set.response.js';

export class WardResponse {
  @ApiProperty({ description: 'The ward name; use it URL-encoded in /wards/{id}/board.' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() openAdmissions: number;
}

export class WardListResponse {
  @ApiProperty({ type: WardResponse, isArray: true }) items: WardResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class BoardPatient {
  @ApiProperty() mrn: string;
  @ApiProperty() familyName: string;
  @ApiProperty() givenName: string;
}

export class BoardOrder {
  @ApiProperty() drug: string;
  @ApiProperty({ type: ConcentrationResponse }) concentration: ConcentrationResponse;
  @ApiProperty({ type: RateValueResponse }) rate: RateValueResponse;
  @ApiProperty({ format: 'date-time' }) effectiveFrom: string;
}

export class BoardLastSet {
  @ApiProperty({ format: 'date-time' }) takenAt: string;
  @ApiProperty({ type: Number, nullable: true }) news2Total: number | null;
  @ApiProperty({ type: String, nullable: true, enum: ['low', 'low-medium', 'medium', 'high'] })
  news2Response: string | null;
  @ApiProperty() news2Complete: boolean;
  @ApiProperty({ enum: POSS_LEVELS, nullable: true }) sedation: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    enum: PARTIAL_REASONS,
    description: 'Why the set has no complete NEWS2; null for a complete set.',
  })
  partialReason: string | null;
  @ApiProperty({ type: String, nullable: true }) partialReasonText: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'NRS 0-10 as recorded; null when not recorded.' })
  painScore: number | null;
  @ApiProperty({ enum: OBSERVATION_FLAGS, isArray: true }) flags: string[];
}

export class BoardInfusionEvent {
  @ApiProperty({ enum: ['start', 'pause', 'resume', 'stop'] }) type: string;
  @ApiProperty({ format: 'date-time' }) occurredAt: string;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
}

export class WardBoardRowResponse {
  @ApiProperty({ format: 'uuid' }) admissionId: string;
  @ApiProperty() bed: string;
  @ApiProperty({ type: BoardPatient }) patient: BoardPatient;
  @ApiProperty({ description: 'Day of stay in the ward time zone; the admission day is day 1.' })
  dayOfStay: number;
  @ApiProperty() plannedDays: number;
  @ApiProperty({ enum: ADMISSION_STATUSES }) status: string;
  @ApiProperty({ type: BoardOrder, nullable: true }) currentOrder: BoardOrder | null;
  @ApiProperty({ type: BoardLastSet, nullable: true }) lastSet: BoardLastSet | null;
  @ApiProperty({
    type: BoardInfusionEvent,
    nullable: true,
    description: 'The latest start, pause, resume or stop: what a paused or stopped row shows first.',
  })
  lastInfusionEvent: BoardInfusionEvent | null;
  @ApiProperty({ format: 'date-time' }) nextDueAt: string;
  @ApiProperty() overdueMinutes: number;
  @ApiProperty({ enum: ['first-set', 'after-change', 'routine', 'news2', 'sedation', 'asleep'] })
  dueReason: string;
}

export class WardBoardResponse {
  @ApiProperty() ward: string;
  @ApiProperty() timeZone: string;
  @ApiProperty({ format: 'date-time' }) generatedAt: string;
  @ApiProperty({
    type: WardBoardRowResponse,
    isArray: true,
    description: 'Most urgent first: most overdue, then soonest due.',
  })
  rows: WardBoardRowResponse[];
}
