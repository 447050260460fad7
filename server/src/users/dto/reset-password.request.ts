import { ApiProperty } from '@nestjs/swagger';
import { IsAcceptablePassword } from '../../auth/password-policy.js';

export class ResetPasswordRequest {
  @ApiProperty({ description: 'Temporary password; the user must change it at next sign-in.' })
  @IsAcceptablePassword()
  password: string;
}
