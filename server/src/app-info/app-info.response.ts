import { ApiProperty } from '@nestjs/swagger';

/** What the client shell needs before anyone signs in. */
export class AppInfoResponse {
  @ApiProperty() name: string;
  @ApiProperty() version: string;
  @ApiProperty() wardName: string;
  @ApiProperty({ example: 'Australia/Sydney' }) wardTimeZone: string;
  @ApiProperty() demoMode: boolean;
  @ApiProperty() idleTimeoutSeconds: number;
}
