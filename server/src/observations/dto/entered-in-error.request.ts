import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class ObservationEnteredInErrorRequest {
  @ApiProperty({ example: 'Recorded on the wrong patient' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason: string;
}
