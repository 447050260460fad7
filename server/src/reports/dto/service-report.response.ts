import { SIDE_EFFECTS } from '@infusion-tracker/clinical';
import { ApiProperty } from '@nestjs/swagger';
import { ProportionResponse } from './outcome-report.response.js';

export class ServiceDefinitionsResponse {
  @ApiProperty({ example: 'Australia/Sydney' }) wardTimeZone: string;
  @ApiProperty() cohort: string;
  @ApiProperty() lengthOfStay: string;
  @ApiProperty() pauses: string;
  @ApiProperty() sideEffects: string;
  @ApiProperty() sedation: string;
  @ApiProperty() news2: string;
  @ApiProperty() pumpChecks: string;
  @ApiProperty() onTime: string;
  @ApiProperty() followUps: string;
}

export class ServiceAdmissionsResponse {
  @ApiProperty({ description: 'Admissions of the cohort (admitted, not planned or cancelled).' })
  total: number;
  @ApiProperty() discharged: number;
  @ApiProperty({ description: 'Admissions whose infusion was started.' }) infused: number;
}

export class AdmissionsInMonthResponse {
  @ApiProperty({ example: '2026-03', description: "Month of admission, the ward's calendar." }) month: string;
  @ApiProperty() admissions: number;
}

export class LengthOfStayResponse {
  @ApiProperty({ description: 'Discharged admissions measured.' }) n: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Days; null when none was discharged.' })
  median: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'First quartile, days.' }) q1: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Third quartile, days.' }) q3: number | null;
  @ApiProperty({ type: Number, nullable: true }) min: number | null;
  @ApiProperty({ type: Number, nullable: true }) max: number | null;
}

export class PauseReasonResponse {
  @ApiProperty({ description: 'As entered (the first spelling, case ignored).' }) reason: string;
  @ApiProperty() pauses: number;
  @ApiProperty() admissions: number;
}

export class PausesResponse {
  @ApiProperty() pauses: number;
  @ApiProperty({ description: 'Admissions with at least one pause.' }) admissionsPaused: number;
  @ApiProperty({ description: 'Admissions whose infusion was started (the denominator).' }) infused: number;
  @ApiProperty({ type: ProportionResponse }) proportionPaused: ProportionResponse;
  @ApiProperty({ type: PauseReasonResponse, isArray: true }) reasons: PauseReasonResponse[];
}

export class SideEffectGradesResponse {
  @ApiProperty({ enum: SIDE_EFFECTS }) sideEffect: string;
  @ApiProperty() label: string;
  @ApiProperty({ description: 'Admissions whose worst grade was none.' }) none: number;
  @ApiProperty() mild: number;
  @ApiProperty() moderate: number;
  @ApiProperty() severe: number;
  @ApiProperty({ description: 'Admissions where no set assessed this side effect.' }) notAssessed: number;
}

export class SedationLevelResponse {
  @ApiProperty({ enum: ['S', '1', '2', '3', '4', 'not-recorded'] }) level: string;
  @ApiProperty() label: string;
  @ApiProperty({ description: 'Admissions whose highest POSS level was this one.' }) admissions: number;
}

export class News2SummaryResponse {
  @ApiProperty({ description: 'Sets with a complete NEWS2.' }) completeSets: number;
  @ApiProperty({ description: 'Complete sets scoring 5 or more.' }) setsFiveOrMore: number;
  @ApiProperty() episodes: number;
  @ApiProperty({ description: 'Admissions with at least one episode.' }) admissions: number;
}

export class PumpChecksResponse {
  @ApiProperty({ description: 'Sets that recorded the rate the pump showed.' }) checks: number;
  @ApiProperty() discrepancies: number;
  @ApiProperty() admissionsWithDiscrepancy: number;
  @ApiProperty({ type: ProportionResponse }) proportion: ProportionResponse;
}

export class ObservationsOnTimeResponse {
  @ApiProperty({ description: 'Observation sets (not entered in error).' }) sets: number;
  @ApiProperty({ description: 'Sets for which a due time applied.' }) assessed: number;
  @ApiProperty() onTime: number;
  @ApiProperty({ type: ProportionResponse }) proportion: ProportionResponse;
}

export class FollowUpSummaryResponse {
  @ApiProperty({ description: 'Discharged admissions of the cohort.' }) discharged: number;
  @ApiProperty({ description: 'Scheduled follow-ups of those admissions.' }) scheduled: number;
  @ApiProperty() done: number;
  @ApiProperty() missed: number;
  @ApiProperty({ description: 'Cancelled by a terminal event, or due after one.' }) lost: number;
  @ApiProperty({ description: 'Cancelled for another reason.' }) cancelled: number;
  @ApiProperty() notDue: number;
  @ApiProperty({ description: 'The denominator of the rates: done + missed + lost.' }) due: number;
  @ApiProperty({ type: ProportionResponse }) completion: ProportionResponse;
  @ApiProperty({ type: ProportionResponse }) missedRate: ProportionResponse;
  @ApiProperty({ type: ProportionResponse }) lostRate: ProportionResponse;
  @ApiProperty({ description: 'Discharged admissions with a terminal event "lost to follow-up".' })
  lostToFollowUp: number;
  @ApiProperty() died: number;
  @ApiProperty() withdrew: number;
  @ApiProperty() readmitted: number;
  @ApiProperty({ type: ProportionResponse, description: 'Lost to follow-up, out of the discharged.' })
  lossRate: ProportionResponse;
}

export class ServiceReportResponse {
  @ApiProperty({ type: ServiceDefinitionsResponse }) definitions: ServiceDefinitionsResponse;
  @ApiProperty({ type: ServiceAdmissionsResponse }) admissions: ServiceAdmissionsResponse;
  @ApiProperty({
    type: AdmissionsInMonthResponse,
    isArray: true,
    description: 'Every month from the first to the last, zeros included.',
  })
  admissionsPerMonth: AdmissionsInMonthResponse[];
  @ApiProperty({ type: LengthOfStayResponse }) lengthOfStay: LengthOfStayResponse;
  @ApiProperty({ type: PausesResponse }) pauses: PausesResponse;
  @ApiProperty({ type: SideEffectGradesResponse, isArray: true }) sideEffects: SideEffectGradesResponse[];
  @ApiProperty({ type: SedationLevelResponse, isArray: true }) highestSedation: SedationLevelResponse[];
  @ApiProperty({ type: News2SummaryResponse }) news2: News2SummaryResponse;
  @ApiProperty({ type: PumpChecksResponse }) pumpChecks: PumpChecksResponse;
  @ApiProperty({ type: ObservationsOnTimeResponse }) observationsOnTime: ObservationsOnTimeResponse;
  @ApiProperty({ type: FollowUpSummaryResponse }) followUps: FollowUpSummaryResponse;
}
