import { Injectable } from '@nestjs/common';
import { ChartPictures } from './chart-pictures.js';
import { TimelineService } from './timeline.service.js';

/** The stay chart's picture as the rendered page's `img` names it (the HTML escapes its `&`). */
const PICTURE_IN_PAGE =
  /\/api\/admissions\/([0-9a-f-]{36})\/timeline\/picture\?width=([1-9][0-9]{2,3})&amp;compact=(true|false)/;

/**
 * The picture of the stay chart that a page rendered on the server (ADR 13) shows, drawn as the page is
 * sent rather than when the browser, reading the page, asks for it: from the timeline the render has
 * just read, kept by this process (ADR 11), into the pictures kept with it (ADR 12). Nothing is read or
 * sent here: the browser's request reads the picture, audited, as before, and finds it drawn (or being
 * drawn). Drawing it while the page was being rendered delayed the page on a busy machine (ADR 13).
 */
@Injectable()
export class PagePictures {
  constructor(
    private readonly timelines: TimelineService,
    private readonly pictures: ChartPictures,
  ) {}

  /** Starts drawing the picture the page's HTML names, if this process holds its stay's timeline. */
  prepare(html: string): void {
    const [, admissionId, width, compact] = PICTURE_IN_PAGE.exec(html) ?? [];
    const body = admissionId ? this.timelines.keptAnswer(admissionId) : null;
    if (body) void this.pictures.prepare(body, Number(width), compact === 'true');
  }
}
