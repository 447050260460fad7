import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type Role } from '../../auth/roles.js';
import type { User } from '../user.entity.js';

export class UserResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() username: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: ROLES, isArray: true }) roles: Role[];
  @ApiProperty() active: boolean;
  @ApiProperty() mustChangePassword: boolean;
  @ApiProperty() version: number;
}

export function toUserResponse(user: User): UserResponse {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    roles: user.roles,
    active: user.active,
    mustChangePassword: user.mustChangePassword,
    version: user.version,
  };
}

export class UserListResponse {
  @ApiProperty({ type: UserResponse, isArray: true }) items: UserResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
