import { Inject, Injectable, Logger } from '@nestjs/common';
import { pathToFileURL } from 'node:url';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { Piece, TimelineBody } from './timeline-body.js';
import type { TimelineResponse } from './dto/timeline.response.js';

/** What the client build's chart renderer (client/src/app/timeline/chart-renderer.ts) offers. */
interface ChartRenderer {
  renderStayPicture(
    timeline: TimelineResponse,
    options: { timeZone: string; width: number; compact: boolean },
  ): string;
}

/**
 * Pictures of the stay's chart, drawn here with the client's own chart code and ECharts (ADR 12): the
 * admission page shows one while ECharts loads in the browser. The renderer is loaded on first use; a
 * server without one (no client build) draws none.
 */
@Injectable()
export class ChartPictures {
  private readonly logger = new Logger(ChartPictures.name);
  private renderer: Promise<ChartRenderer | null> | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Whether this server can draw pictures (it has a chart renderer, loaded now if it was not). */
  async available(): Promise<boolean> {
    return (await this.load()) !== null;
  }

  /** The stay's chart at this width (CSS pixels) as SVG markup; null when this server cannot draw it. */
  async stayPicture(body: TimelineBody, width: number, compact: boolean): Promise<Piece | null> {
    const renderer = await this.load();
    if (!renderer) return null;
    const timeZone = this.config.wardTimeZone;
    return body.picture(`${width} ${compact}`, (timeline) =>
      renderer.renderStayPicture(timeline, { timeZone, width, compact }),
    );
  }

  private load(): Promise<ChartRenderer | null> {
    const file = this.config.chartRenderer;
    this.renderer ??= file
      ? (import(pathToFileURL(file).href) as Promise<ChartRenderer>).catch((error: unknown) => {
          this.logger.error(`The chart renderer ${file} could not be loaded: ${String(error)}`);
          return null;
        })
      : Promise.resolve(null);
    return this.renderer;
  }
}
