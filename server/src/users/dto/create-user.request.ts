import { ApiProperty } from '@nestjs/swagger';
import {
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { IsAcceptablePassword } from '../../auth/password-policy.js';
import { ROLES, type Role } from '../../auth/roles.js';

export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{1,63}$/;

export class CreateUserRequest {
  @ApiProperty({
    example: 'jsmith',
    description: 'Lower-case letters, digits, dot, dash or underscore; 2 to 64.',
  })
  @IsString()
  @Matches(USERNAME_PATTERN, {
    message: 'username must be 2-64 lower-case letters, digits, dots, dashes or underscores',
  })
  username: string;

  @ApiProperty({ example: 'Jo Smith (RN)' })
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  displayName: string;

  @ApiProperty({ enum: ROLES, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(ROLES, { each: true })
  roles: Role[];

  @ApiProperty({ description: 'Initial password; the user must change it at first sign-in.' })
  @IsAcceptablePassword()
  password: string;
}
