import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { IsAcceptablePassword } from '../password-policy.js';

export class ChangePasswordRequest {
  @ApiProperty()
  @IsString()
  @MaxLength(256)
  currentPassword: string;

  @ApiProperty({ description: 'At least 12 characters, not a commonly used password.' })
  @IsAcceptablePassword()
  newPassword: string;
}
