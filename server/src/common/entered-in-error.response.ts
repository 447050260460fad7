import { ApiProperty } from '@nestjs/swagger';

/** How a record marked "entered in error" shows: it stays in the history with who, when and why. */
export class EnteredInErrorResponse {
  @ApiProperty() reason: string;
  @ApiProperty({ format: 'uuid' }) markedBy: string;
  @ApiProperty({ format: 'date-time' }) markedAt: string;
}

export function toEnteredInError(
  correction: { reason: string; markedBy: string; markedAt: Date } | null,
): EnteredInErrorResponse | null {
  return correction
    ? {
        reason: correction.reason,
        markedBy: correction.markedBy,
        markedAt: correction.markedAt.toISOString(),
      }
    : null;
}
