import { ApiProperty } from '@nestjs/swagger';

export class OutcomeDefinitionsResponse {
  @ApiProperty({ example: 'Australia/Sydney' }) wardTimeZone: string;
  @ApiProperty({ format: 'date', description: "Today in the ward's calendar, for not-yet-due follow-ups." })
  today: string;
  @ApiProperty({ enum: ['days'] }) timeUnit: 'days';
  @ApiProperty() timeOrigin: string;
  @ApiProperty({ enum: [30, 50] }) responderThreshold: number;
  @ApiProperty() responder: string;
  @ApiProperty({ enum: ['exclude', 'event-at-zero'] }) nonResponders: string;
  @ApiProperty() nonResponderHandling: string;
  @ApiProperty() event: string;
  @ApiProperty() censoring: string;
  @ApiProperty() intervalCensoring: string;
  @ApiProperty() averageNotShown: string;
  @ApiProperty() responderRates: string;
  @ApiProperty() confidenceIntervals: string;
}

export class CohortResponse {
  @ApiProperty({ description: 'Discharged admissions matching the filters.' }) discharged: number;
  @ApiProperty({ description: 'Responders at discharge (pain reduced by at least the threshold).' })
  responders: number;
  @ApiProperty() nonResponders: number;
  @ApiProperty({ description: 'No pain recorded at discharge, or a baseline of 0: response unknown.' })
  responseUnknown: number;
  @ApiProperty({
    description: 'Admissions on the curve (responders, plus non-responders in the sensitivity view).',
  })
  onCurve: number;
  @ApiProperty({ description: 'Benefit ended (events on the curve, non-responders at day 0 included).' })
  events: number;
  @ApiProperty() censored: number;
  @ApiProperty({ description: 'Terminal event "lost to follow-up".' }) lostToFollowUp: number;
  @ApiProperty() died: number;
  @ApiProperty() withdrew: number;
  @ApiProperty({ description: 'Readmitted for another infusion (a terminal event or a later admission).' })
  readmitted: number;
}

export class KaplanMeierStepResponse {
  @ApiProperty({ description: 'Days since the time origin.' }) time: number;
  @ApiProperty() atRisk: number;
  @ApiProperty() events: number;
  @ApiProperty() censored: number;
  @ApiProperty() survival: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Greenwood standard error of survival.' })
  stdErr: number | null;
  @ApiProperty({ type: Number, nullable: true, description: '95 % pointwise, log scale.' }) lower:
    number | null;
  @ApiProperty({ type: Number, nullable: true }) upper: number | null;
}

export class MedianResponse {
  @ApiProperty({ type: Number, nullable: true, description: 'Days; null when not reached.' })
  estimate: number | null;
  @ApiProperty({ type: Number, nullable: true }) lower: number | null;
  @ApiProperty({ type: Number, nullable: true }) upper: number | null;
}

export class SurvivalAtResponse {
  @ApiProperty() weeks: number;
  @ApiProperty({ description: 'Days since the origin (7 × weeks).' }) days: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Null beyond the end of follow-up.' })
  survival: number | null;
  @ApiProperty({ type: Number, nullable: true }) lower: number | null;
  @ApiProperty({ type: Number, nullable: true }) upper: number | null;
  @ApiProperty() atRisk: number;
}

export class OutcomeCurveResponse {
  @ApiProperty({ description: 'Admissions on this curve.' }) n: number;
  @ApiProperty() events: number;
  @ApiProperty({ type: Number, nullable: true, description: 'The longest time observed, in days.' })
  followUpDays: number | null;
  @ApiProperty({ type: KaplanMeierStepResponse, isArray: true }) steps: KaplanMeierStepResponse[];
  @ApiProperty({ type: MedianResponse }) median: MedianResponse;
  @ApiProperty({ type: SurvivalAtResponse, isArray: true }) survivalAt: SurvivalAtResponse[];
}

export class OutcomeGroupResponse extends OutcomeCurveResponse {
  @ApiProperty() key: string;
  @ApiProperty() label: string;
  @ApiProperty({ description: 'Discharged admissions of this group (on the curve or not).' })
  discharged: number;
}

export class LogRankResponse {
  @ApiProperty() chiSquare: number;
  @ApiProperty() df: number;
  @ApiProperty() p: number;
}

export class ProportionResponse {
  @ApiProperty() count: number;
  @ApiProperty({ type: Number, nullable: true }) estimate: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Wilson 95 %.' }) lower: number | null;
  @ApiProperty({ type: Number, nullable: true }) upper: number | null;
}

export class ResponderRateResponse {
  @ApiProperty() week: number;
  @ApiProperty({ description: 'The denominator: every discharged admission of the cohort.' })
  discharged: number;
  @ApiProperty() done: number;
  @ApiProperty() missed: number;
  @ApiProperty() lost: number;
  @ApiProperty() notDue: number;
  @ApiProperty({ description: 'Cancelled for a reason other than a terminal event.' }) cancelled: number;
  @ApiProperty({ description: 'Discharged admissions with no follow-up scheduled for this week.' })
  notScheduled: number;
  @ApiProperty({ type: ProportionResponse }) responders30: ProportionResponse;
  @ApiProperty({ type: ProportionResponse }) responders50: ProportionResponse;
}

export class OutcomeReportResponse {
  @ApiProperty({ type: OutcomeDefinitionsResponse }) definitions: OutcomeDefinitionsResponse;
  @ApiProperty({ type: CohortResponse }) cohort: CohortResponse;
  @ApiProperty({ type: OutcomeCurveResponse }) overall: OutcomeCurveResponse;
  @ApiProperty({ type: OutcomeGroupResponse, isArray: true }) groups: OutcomeGroupResponse[];
  @ApiProperty({ type: LogRankResponse, nullable: true }) logRank: LogRankResponse | null;
  @ApiProperty({ type: ResponderRateResponse, isArray: true }) responderRates: ResponderRateResponse[];
}
