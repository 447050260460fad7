import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsInstant } from '../../common/dates.js';
import {
  CONFIRMABLE_READINGS,
  PARTIAL_REASONS,
  POSS_LEVELS,
  RATE_UNITS,
  SIDE_EFFECT_GRADES,
  type ConfirmableReading,
  type Consciousness,
  type PartialReason,
  type Poss,
  type RateUnit,
  type SideEffectGrade,
} from '@infusion-tracker/clinical';

/** What the pump shows, as the nurse read it: 0 when the pump is off. */
export class PumpReading {
  @ApiProperty({ example: 0.15, minimum: 0, description: '0: the pump is off.' })
  @IsNumber(
    { maxDecimalPlaces: 4, allowNaN: false, allowInfinity: false },
    { message: '$property must be a number with at most 4 decimal places' },
  )
  @Min(0)
  @Max(10000)
  value: number;
  @ApiProperty({ enum: RATE_UNITS }) @IsIn(RATE_UNITS) unit: RateUnit;
}

export const CONSCIOUSNESS = ['alert', 'confusion', 'voice', 'pain', 'unresponsive'] as const;

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
 * 37); extreme real ones are stored only when named in confirmedReadings. At least one item must be
 * recorded; a set without a complete NEWS2 needs a partialReason. Side effects left out (or null) are
 * "not assessed", never "none".
 */
export class CreateObservationSetRequest {
  @ApiPropertyOptional({
    description: 'Defaults to now; retrospective allowed, never future or before admission.',
  })
  @IsOptional()
  @IsInstant()
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

  @ApiPropertyOptional({
    type: SideEffectGrades,
    nullable: true,
    description:
      'Grades as assessed ("none" only when the nurse said so). Left out, null or {}: not assessed.',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => SideEffectGrades)
  sideEffects?: SideEffectGrades | null;

  @ApiPropertyOptional({
    type: PumpReading,
    description: 'The rate the pump shows, in its unit, as read by the nurse; 0 when it is off.',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => PumpReading)
  pumpRate?: PumpReading;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) comment?: string;

  @ApiPropertyOptional({
    enum: PARTIAL_REASONS,
    description: 'Required when the set has no complete NEWS2; refused for a complete one.',
  })
  @IsOptional()
  @IsIn(PARTIAL_REASONS)
  partialReason?: PartialReason;

  @ApiPropertyOptional({ description: 'Required with partialReason "other"; optional detail otherwise.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  partialReasonText?: string;

  @ApiPropertyOptional({
    enum: CONFIRMABLE_READINGS,
    isArray: true,
    description:
      'The readings outside their plausible range that the nurse confirmed (each such reading must be named).',
  })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(CONFIRMABLE_READINGS, { each: true })
  confirmedReadings?: ConfirmableReading[];
}
