import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators.js';
import { WardBoardResponse, WardListResponse } from './dto/ward-board.response.js';
import { WardsService } from './wards.service.js';

@ApiTags('wards')
@Controller('wards')
@Roles('nurse', 'prescriber')
export class WardsController {
  constructor(private readonly wards: WardsService) {}

  @Get()
  @ApiOkResponse({ type: WardListResponse })
  async list(): Promise<WardListResponse> {
    return { items: await this.wards.list(), nextCursor: null };
  }

  /** Everything the ward board needs, in one call; the client polls it. */
  @Get(':id/board')
  @ApiOkResponse({ type: WardBoardResponse })
  board(@Param('id') ward: string): Promise<WardBoardResponse> {
    return this.wards.board(ward);
  }
}
