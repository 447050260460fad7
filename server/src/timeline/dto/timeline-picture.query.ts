import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';

export class TimelinePictureQuery {
  @ApiProperty({
    pattern: '^[1-9][0-9]{2,3}$',
    example: '1152',
    description: 'The width the chart has on the page, in CSS pixels (100 to 9999).',
  })
  @Matches(/^[1-9][0-9]{2,3}$/, { message: 'width must be a whole number of pixels from 100 to 9999' })
  width!: string;

  @ApiPropertyOptional({
    enum: ['true', 'false'],
    default: 'false',
    description: 'The compact layout narrow screens get: shorter lanes, fewer labels.',
  })
  @IsOptional()
  @IsIn(['true', 'false'])
  compact?: 'true' | 'false';
}
