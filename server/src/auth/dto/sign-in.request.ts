import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class SignInRequest {
  @ApiProperty({ example: 'nurse' })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  username: string;

  @ApiProperty({ example: 'infusion-demo' })
  @IsString()
  @MinLength(1)
  @MaxLength(256)
  password: string;
}
