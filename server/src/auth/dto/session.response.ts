import { ApiProperty } from '@nestjs/swagger';
import { UserResponse } from '../../users/dto/user.response.js';

export class SessionResponse {
  @ApiProperty({ type: UserResponse })
  user: UserResponse;
}
