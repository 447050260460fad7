import { Module } from '@nestjs/common';
import { TimelineController } from './timeline.controller.js';
import { TimelineService } from './timeline.service.js';
import { ChartPictures } from './chart-pictures.js';
import { PagePictures } from './page-pictures.js';

@Module({ controllers: [TimelineController], providers: [TimelineService, ChartPictures, PagePictures] })
export class TimelineModule {}
