import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { ChartWorker } from './chart-worker.js';
import type { Piece, TimelineBody } from './timeline-body.js';

/**
 * Pictures of the stay's chart, drawn with the client's own chart code and ECharts (ADR 12) in a worker
 * thread: the admission page shows one while ECharts loads in the browser. The worker starts on first
 * use, and again after it has stopped; a server without a chart renderer (no client build) draws none.
 */
@Injectable()
export class ChartPictures implements OnModuleDestroy {
  private readonly logger = new Logger(ChartPictures.name);
  private worker: Promise<ChartWorker | null> | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Whether this server can draw pictures (its worker started now if it had not). */
  async available(): Promise<boolean> {
    return (await this.running()) !== null;
  }

  /** The stay's chart at this width (CSS pixels) as SVG markup; null when this server cannot draw it. */
  async stayPicture(body: TimelineBody, width: number, compact: boolean): Promise<Piece | null> {
    const worker = await this.running();
    if (!worker) return null;
    const timeZone = this.config.wardTimeZone;
    return body.picture(`${width} ${compact}`, (timeline) =>
      worker.draw(timeline, { timeZone, width, compact }),
    );
  }

  async onModuleDestroy(): Promise<void> {
    const worker = await this.worker;
    await worker?.stop();
  }

  private async running(): Promise<ChartWorker | null> {
    let worker = await (this.worker ??= this.start());
    if (worker?.failed) {
      this.worker = this.start();
      worker = await this.worker;
    }
    return worker;
  }

  private async start(): Promise<ChartWorker | null> {
    const file = this.config.chartRenderer;
    if (!file) return null;
    const worker = new ChartWorker(file);
    try {
      await worker.started();
      return worker;
    } catch (error) {
      this.logger.error(`The chart renderer ${file} could not be loaded: ${String(error)}`);
      await worker.stop();
      return null;
    }
  }
}
