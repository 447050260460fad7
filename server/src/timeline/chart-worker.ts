import { Worker } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';

export interface PictureOptions {
  timeZone: string;
  width: number;
  compact: boolean;
}

/**
 * The worker's code, a script rather than a file of its own so that it runs the same from the built
 * server and under the tests: loads the chart renderer the client build wrote (ADR 12), says when it is
 * ready, then draws each picture asked for from the timeline's JSON.
 */
const WORKER_CODE = `
(async () => {
  const { parentPort, workerData } = await import('node:worker_threads');
  const renderer = await import(workerData.href);
  parentPort.on('message', ({ id, timeline, options }) => {
    try {
      parentPort.postMessage({ id, svg: renderer.renderStayPicture(JSON.parse(timeline), options) });
    } catch (error) {
      parentPort.postMessage({ id, error: String(error) });
    }
  });
  parentPort.postMessage({ ready: true });
})().catch((error) => {
  throw error;
});
`;

interface Answer {
  id?: number;
  svg?: string;
  error?: string;
  ready?: boolean;
}

/**
 * One worker thread that draws pictures of the stay chart, so that drawing (about 60 ms for a 7-day stay,
 * a few hundred the first time) never holds up the requests this process is answering meanwhile.
 */
export class ChartWorker {
  private readonly worker: Worker;
  private readonly ready: Promise<void>;
  private asked = 0;
  private readonly waiting = new Map<
    number,
    { resolve: (svg: string) => void; reject: (error: Error) => void }
  >();
  private failure: Error | null = null;

  constructor(renderer: string) {
    this.worker = new Worker(WORKER_CODE, { eval: true, workerData: { href: pathToFileURL(renderer).href } });
    this.ready = new Promise((resolve, reject) => {
      this.worker.on('message', (answer: Answer) => (answer.ready ? resolve() : this.answer(answer)));
      this.worker.on('error', (error) => {
        this.fail(error);
        reject(error);
      });
      this.worker.on('exit', (code) => {
        const error = new Error(`the chart worker stopped (exit code ${code})`);
        this.fail(error);
        reject(error);
      });
    });
    this.ready.catch(() => undefined); // reported to whoever awaits started()
  }

  /** Once the renderer has loaded; rejected when it could not be. */
  started(): Promise<void> {
    return this.ready;
  }

  /** Whether the worker has stopped: it draws nothing more. */
  get failed(): boolean {
    return this.failure !== null;
  }

  /** The stay chart of this timeline (TimelineResponse as JSON text) as SVG markup. */
  draw(timeline: string, options: PictureOptions): Promise<string> {
    if (this.failure) return Promise.reject(this.failure);
    const id = ++this.asked;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ id, timeline, options });
    });
  }

  async stop(): Promise<void> {
    await this.worker.terminate();
  }

  private answer({ id, svg, error }: Answer): void {
    const waiting = id === undefined ? undefined : this.waiting.get(id);
    if (!waiting || id === undefined) return;
    this.waiting.delete(id);
    if (typeof svg === 'string') waiting.resolve(svg);
    else waiting.reject(new Error(`the chart could not be drawn: ${error ?? 'no answer'}`));
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const waiting of this.waiting.values()) waiting.reject(error);
    this.waiting.clear();
  }
}
