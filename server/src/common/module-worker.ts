import { Worker } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';

/**
 * The worker's code, a script rather than a file of its own so that it runs the same from the built
 * server and under the tests: loads the module, says when it is ready, then answers each call of one of
 * the module's functions (awaited) with its result.
 */
const WORKER_CODE = `
(async () => {
  const { parentPort, workerData } = await import('node:worker_threads');
  const module = await import(workerData.href);
  parentPort.on('message', async ({ id, name, args }) => {
    try {
      parentPort.postMessage({ id, result: await module[name](...args) });
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
  result?: unknown;
  error?: string;
  ready?: boolean;
}

/**
 * One worker thread running a module the client build wrote (the chart renderer of ADR 12, the page
 * renderer of ADR 13), so that its work (tens to hundreds of milliseconds a call) never holds up the
 * requests this process is answering meanwhile. Arguments and results cross as structured clones.
 */
export class ModuleWorker {
  private readonly worker: Worker;
  private readonly ready: Promise<void>;
  private asked = 0;
  private readonly waiting = new Map<
    number,
    { resolve: (result: unknown) => void; reject: (error: Error) => void }
  >();
  private failure: Error | null = null;

  constructor(
    file: string,
    private readonly what = 'the worker',
  ) {
    this.worker = new Worker(WORKER_CODE, { eval: true, workerData: { href: pathToFileURL(file).href } });
    this.ready = new Promise((resolve, reject) => {
      this.worker.on('message', (answer: Answer) => (answer.ready ? resolve() : this.answer(answer)));
      this.worker.on('error', (error) => {
        this.fail(error);
        reject(error);
      });
      this.worker.on('exit', (code) => {
        const error = new Error(`${this.what} stopped (exit code ${code})`);
        this.fail(error);
        reject(error);
      });
    });
    this.ready.catch(() => undefined); // reported to whoever awaits started()
  }

  /** Once the module has loaded; rejected when it could not be. */
  started(): Promise<void> {
    return this.ready;
  }

  /** Whether the worker has stopped: it answers nothing more. */
  get failed(): boolean {
    return this.failure !== null;
  }

  /** Calls the module's function `name` with these arguments; rejected when it throws. */
  call<T>(name: string, ...args: unknown[]): Promise<T> {
    if (this.failure) return Promise.reject(this.failure);
    const id = ++this.asked;
    return new Promise<unknown>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ id, name, args });
    }) as Promise<T>;
  }

  async stop(): Promise<void> {
    await this.worker.terminate();
  }

  private answer({ id, result, error }: Answer): void {
    const waiting = id === undefined ? undefined : this.waiting.get(id);
    if (!waiting || id === undefined) return;
    this.waiting.delete(id);
    if (error === undefined) waiting.resolve(result);
    else waiting.reject(new Error(`${this.what} failed: ${error}`));
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const waiting of this.waiting.values()) waiting.reject(error);
    this.waiting.clear();
  }
}

/**
 * A ModuleWorker started on first use, and again after it has stopped; none without a module file (a
 * server without the client build), or when the module could not be loaded (logged).
 */
export class WorkerOnDemand {
  private worker: Promise<ModuleWorker | null> | null = null;

  constructor(
    private readonly file: string | null,
    private readonly what: string,
    private readonly logger: { error(message: string): void },
  ) {}

  async running(): Promise<ModuleWorker | null> {
    let worker = await (this.worker ??= this.start());
    if (worker?.failed) {
      this.worker = this.start();
      worker = await this.worker;
    }
    return worker;
  }

  async stop(): Promise<void> {
    const worker = await this.worker;
    await worker?.stop();
  }

  private async start(): Promise<ModuleWorker | null> {
    if (!this.file) return null;
    const worker = new ModuleWorker(this.file, this.what);
    try {
      await worker.started();
      return worker;
    } catch (error) {
      this.logger.error(`${this.what} ${this.file} could not be loaded: ${String(error)}`);
      await worker.stop();
      return null;
    }
  }
}
