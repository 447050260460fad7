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

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.worker = new WorkerOnDemand(
      config.chartRenderer,
      'The chart renderer',
      new Logger(ChartPictures.name),
    );
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

  async onModuleDestroy(): Promise<void> {
    await this.worker.stop();
  }
}
