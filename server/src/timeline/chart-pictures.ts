import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { WorkerOnDemand } from '../common/module-worker.js';
import type { Piece, TimelineBody } from './timeline-body.js';

/**
 * Pictures of the stay's chart, drawn with the client's own chart code and ECharts (ADR 12) in a worker
 * thread: the admission page shows one while ECharts loads in the browser. The worker starts on first
 * use, and again after it has stopped; a server without a chart renderer (no client build) draws none.
 */
@Injectable()
export class ChartPictures implements OnModuleDestroy {
  private readonly worker: WorkerOnDemand;
  private readonly logger = new Logger(ChartPictures.name);

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.worker = new WorkerOnDemand(config.chartRenderer, 'The chart renderer', this.logger);
  }

  /** Whether this server can draw pictures (its worker started now if it had not). */
  async available(): Promise<boolean> {
    return (await this.worker.running()) !== null;
  }

  /** The stay's chart at this width (CSS pixels) as SVG markup; null when this server cannot draw it. */
  async stayPicture(body: TimelineBody, width: number, compact: boolean): Promise<Piece | null> {
    const worker = await this.worker.running();
    if (!worker) return null;
    const timeZone = this.config.wardTimeZone;
    return body.picture(`${width} ${compact}`, (timeline) =>
      worker.call<string>('renderStayPicture', timeline, { timeZone, width, compact }),
    );
  }

  /**
   * Starts drawing the stay's chart at this width, for a request that will ask for it shortly (kept with
   * its timeline for the minute, as any picture). A failure is left to that request, which draws again.
   */
  async prepare(body: TimelineBody, width: number, compact: boolean): Promise<void> {
    try {
      await this.stayPicture(body, width, compact);
    } catch (error) {
      this.logger.warn(`A picture of the chart could not be prepared: ${String(error)}`);
    }
  }

  async onModuleDestroy(): Promise<void> {
    await this.worker.stop();
  }
}
