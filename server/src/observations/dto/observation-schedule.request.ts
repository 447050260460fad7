import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';

export class ObservationScheduleRequest {
  @ApiProperty({ example: 240, description: 'Routine interval, minutes.' })
  @IsInt()
  @Min(15)
  @Max(720)
  routineMinutes: number;
  @ApiProperty({ example: 30, description: 'Interval after a start, resume or rate change, minutes.' })
  @IsInt()
  @Min(5)
  @Max(720)
  intensifiedMinutes: number;
  @ApiProperty({ example: 120, description: 'How long the intensified interval lasts, minutes.' })
  @IsInt()
  @Min(0)
  @Max(1440)
  intensifiedForMinutes: number;
}

export class ObservationScheduleResponse extends ObservationScheduleRequest {
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) setBy: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) setAt: string | null;
}
