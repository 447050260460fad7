import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  POSS_LEVELS,
  SIDE_EFFECT_GRADES,
  type Consciousness,
  type Poss,
  type SideEffectGrade,
} from '@infusion-tracker/clinical';
import { RateValue } from '../../infusions/dto/infusion-order.request.js';

const CONSCIOUSNESS = ['alert', 'confusion', 'voice', 'pain', 'unresponsive'] as const;

/** Grades per side effect; none, mild, moderate or severe. Unknown side effects are refused. */
export class SideEffectGrades {
  @ApiPropertyOptional({ enum: SIDE_EFFECT_GRADES })
  @IsOptional()
  @IsIn(SIDE_EFFECT_GRADES)
  nausea?: SideEffectGrade;
  @ApiPropertyOptional({ enum: SIDE_EFFECT_GRADES })
  @IsOptional()
  @IsIn(SIDE_EFFECT_GRADES)
  vomiting?: SideEffectGrade;
  @ApiPropertyOptional({ enum: SIDE_EFFECT_GRADES })
  @IsOptional()
  @IsIn(SIDE_EFFECT_GRADES)
  dizziness?: SideEffectGrade;
  @ApiPropertyOptional({ enum: SIDE_EFFECT_GRADES })
  @IsOptional()
  @IsIn(SIDE_EFFECT_GRADES)
  visualDisturbance?: SideEffectGrade;
  @ApiPropertyOptional({ enum: SIDE_EFFECT_GRADES })
  @IsOptional()
  @IsIn(SIDE_EFFECT_GRADES)
  nystagmus?: SideEffectGrade;
  @ApiPropertyOptional({ enum: SIDE_EFFECT_GRADES })
  @IsOptional()
  @IsIn(SIDE_EFFECT_GRADES)
  vividDreams?: SideEffectGrade;
  @ApiPropertyOptional({ enum: SIDE_EFFECT_GRADES })
  @IsOptional()
  @IsIn(SIDE_EFFECT_GRADES)
  hallucinations?: SideEffectGrade;
  @ApiPropertyOptional({ enum: SIDE_EFFECT_GRADES })
  @IsOptional()
  @IsIn(SIDE_EFFECT_GRADES)
  dissociation?: SideEffectGrade;
  @ApiPropertyOptional({ enum: SIDE_EFFECT_GRADES })
  @IsOptional()
  @IsIn(SIDE_EFFECT_GRADES)
  agitation?: SideEffectGrade;
  @ApiPropertyOptional({ enum: SIDE_EFFECT_GRADES })
  @IsOptional()
  @IsIn(SIDE_EFFECT_GRADES)
  hypersalivation?: SideEffectGrade;
  @ApiPropertyOptional({ enum: SIDE_EFFECT_GRADES })
  @IsOptional()
  @IsIn(SIDE_EFFECT_GRADES)
  urinarySymptoms?: SideEffectGrade;
}

/**
 * One observation set. Plausibility limits refuse impossible values (SpO2 above 100, 3.7 °C typed for
 * 37) and allow extreme real ones. Any NEWS2 item may be left out; the set then has no complete NEWS2.
 */
export class CreateObservationSetRequest {
  @ApiPropertyOptional({
    description: 'Defaults to now; retrospective allowed, never future or before admission.',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  takenAt?: string;

  @ApiPropertyOptional({ description: 'breaths/min' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(80)
  respirationRate?: number;
  @ApiPropertyOptional({ description: '%' }) @IsOptional() @IsInt() @Min(40) @Max(100) spo2?: number;
  @ApiPropertyOptional({ enum: [1, 2], default: 1 }) @IsOptional() @IsIn([1, 2]) spo2Scale?: 1 | 2;
  @ApiPropertyOptional({ description: 'false: air' }) @IsOptional() @IsBoolean() supplementalOxygen?: boolean;
  @ApiPropertyOptional({ description: 'e.g. nasal cannula 2 L/min' })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  oxygenDevice?: string;
  @ApiPropertyOptional({ description: 'mmHg' }) @IsOptional() @IsInt() @Min(30) @Max(300) systolicBp?: number;
  @ApiPropertyOptional({ description: 'mmHg' })
  @IsOptional()
  @IsInt()
  @Min(10)
  @Max(200)
  diastolicBp?: number;
  @ApiPropertyOptional({ description: 'beats/min' }) @IsOptional() @IsInt() @Min(20) @Max(250) pulse?: number;
  @ApiPropertyOptional({ enum: CONSCIOUSNESS })
  @IsOptional()
  @IsIn(CONSCIOUSNESS)
  consciousness?: Consciousness;

  @ApiPropertyOptional({ description: '°C, one decimal' })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 1, allowNaN: false, allowInfinity: false })
  @Min(25)
  @Max(45)
  temperatureC?: number;

  @ApiPropertyOptional({ enum: POSS_LEVELS, description: 'POSS' })
  @IsOptional()
  @IsIn(POSS_LEVELS)
  sedation?: Poss;
  @ApiPropertyOptional({ description: 'NRS 0-10' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10)
  painScore?: number;

  @ApiPropertyOptional({ type: SideEffectGrades })
  @IsOptional()
  @ValidateNested()
  @Type(() => SideEffectGrades)
  sideEffects?: SideEffectGrades;

  @ApiPropertyOptional({
    type: RateValue,
    description: 'The rate the pump shows, in its unit, as read by the nurse.',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => RateValue)
  pumpRate?: RateValue;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) comment?: string;
}
