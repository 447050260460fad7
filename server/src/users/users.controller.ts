import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import type { SignedInUser } from '../auth/signed-in-user.js';
import { CreateUserRequest } from './dto/create-user.request.js';
import { ResetPasswordRequest } from './dto/reset-password.request.js';
import { UpdateUserRequest } from './dto/update-user.request.js';
import { toUserResponse, UserListResponse, UserResponse } from './dto/user.response.js';
import { UsersService } from './users.service.js';

@ApiTags('users')
@Controller('users')
@Roles('admin')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOkResponse({ type: UserListResponse })
  async list(): Promise<UserListResponse> {
    return { items: (await this.users.list()).map(toUserResponse), nextCursor: null };
  }

  @Post()
  @ApiCreatedResponse({ type: UserResponse })
  async create(@CurrentUser() admin: SignedInUser, @Body() body: CreateUserRequest): Promise<UserResponse> {
    return toUserResponse(await this.users.create(admin, body));
  }

  @Patch(':id')
  @ApiOkResponse({ type: UserResponse })
  async update(
    @CurrentUser() admin: SignedInUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: UpdateUserRequest,
  ): Promise<UserResponse> {
    return toUserResponse(await this.users.update(admin, id, body));
  }

  @Post(':id/reset-password')
  @HttpCode(204)
  @ApiNoContentResponse()
  async resetPassword(
    @CurrentUser() admin: SignedInUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: ResetPasswordRequest,
  ): Promise<void> {
    await this.users.resetPassword(admin, id, body.password);
  }
}
