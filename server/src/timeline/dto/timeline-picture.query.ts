import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';

/** A picture's width: a whole number of CSS pixels from 100 to 9999. */
const WIDTH = /^[1-9][0-9]{2,3}$/;
const widthRule = (name: string) => ({
  message: `${name} must be a whole number of pixels from 100 to 9999`,
});
const COMPACT_DESCRIPTION = 'The compact layout narrow screens get: shorter lanes, fewer labels.';

export class TimelinePictureQuery {
  @ApiProperty({
    pattern: WIDTH.source,
    example: '1152',
    description: 'The width the chart has on the page, in CSS pixels (100 to 9999).',
  })
  @Matches(WIDTH, widthRule('width'))
  width!: string;

  @ApiPropertyOptional({ enum: ['true', 'false'], default: 'false', description: COMPACT_DESCRIPTION })
  @IsOptional()
  @IsIn(['true', 'false'])
  compact?: 'true' | 'false';
}

/**
 * The timeline's optional hint: the caller asks for the stay chart's picture at this width and layout
 * next, so the server starts drawing it as it answers (the page the server renders, ADR 13).
 */
export class TimelineQuery {
  @ApiPropertyOptional({
    pattern: WIDTH.source,
    example: '1152',
    description:
      'The width (CSS pixels) of the picture of the stay chart the caller asks for next: the server starts ' +
      'drawing it now, so that it is ready when asked for. The timeline itself is the same.',
  })
  @IsOptional()
  @Matches(WIDTH, widthRule('pictureWidth'))
  pictureWidth?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'], default: 'false', description: COMPACT_DESCRIPTION })
  @IsOptional()
  @IsIn(['true', 'false'])
  pictureCompact?: 'true' | 'false';
}
