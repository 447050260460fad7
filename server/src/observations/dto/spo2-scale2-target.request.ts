import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';

/** The prescriber documents (or withdraws, with null) the SpO2 target that makes scale 2 apply. */
export class Spo2Scale2TargetRequest {
  @ApiProperty({
    type: String,
    nullable: true,
    example: '88-92%',
    description: 'As the prescriber writes it, e.g. "88-92%"; null withdraws scale 2.',
  })
  @ValidateIf((request: Spo2Scale2TargetRequest) => request.target !== null)
  @IsString()
  @MinLength(1)
  @MaxLength(60)
  // Spaces alone are no target, and must not pass for a withdrawal (which is an explicit null).
  @Matches(/\S/, { message: 'target must not be blank' })
  target: string | null;
}

export class Spo2Scale2TargetResponse {
  @ApiProperty({ type: String, example: '88-92%' }) target: string;
  @ApiProperty({ format: 'uuid' }) setBy: string;
  @ApiProperty({ format: 'date-time' }) setAt: string;
}
