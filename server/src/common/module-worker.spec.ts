import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ModuleWorker } from './module-worker.js';

// Renderers written for these tests: the worker's plumbing, not the chart (timeline.int-spec.ts
// draws real charts with the real renderer).
const RENDERERS = {
  // Busy for 600 ms, as a long stay's first drawing can be, then answers with what it was given.
  slow: `export function renderStayPicture(json, options) {
    const timeline = JSON.parse(json);
    const until = Date.now() + 600;
    while (Date.now() < until);
    return '<svg data-admission="' + timeline.admission.id + '" width="' + options.width + '"></svg>';
  }`,
  throwing: `export function renderStayPicture() { throw new Error('no lanes'); }`,
  broken: `export function renderStayPicture( {`,
};

describe('ModuleWorker', () => {
  let folder: string;
  const workers: ModuleWorker[] = [];
  const started = (kind: keyof typeof RENDERERS) => {
    const worker = new ModuleWorker(path.join(folder, `${kind}.mjs`), 'the chart renderer');
    workers.push(worker);
    return worker;
  };
  const timeline = JSON.stringify({ admission: { id: 'a1' } });
  const options = { timeZone: 'Australia/Sydney', width: 900, compact: false };

  beforeAll(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'chart-worker-'));
    for (const [kind, code] of Object.entries(RENDERERS))
      writeFileSync(path.join(folder, `${kind}.mjs`), code);
  });
  afterAll(async () => {
    await Promise.all(workers.map((worker) => worker.stop()));
    rmSync(folder, { recursive: true, force: true });
  });

  it('draws off this thread: the event loop goes on while a picture takes 600 ms', async () => {
    const worker = started('slow');
    await worker.started();
    let longestGap = 0;
    let last = Date.now();
    const ticker = setInterval(() => {
      longestGap = Math.max(longestGap, Date.now() - last);
      last = Date.now();
    }, 5);
    const svg = await worker.call('renderStayPicture', timeline, options);
    clearInterval(ticker);
    expect(svg).toBe('<svg data-admission="a1" width="900"></svg>');
    expect(longestGap).toBeLessThan(400);
  });

  it('answers each drawing asked for, in parallel, with its own picture', async () => {
    const worker = started('slow');
    const pictures = await Promise.all(
      [300, 600].map((width) => worker.call('renderStayPicture', timeline, { ...options, width })),
    );
    expect(pictures).toEqual([
      '<svg data-admission="a1" width="300"></svg>',
      '<svg data-admission="a1" width="600"></svg>',
    ]);
  });

  it('rejects a drawing that failed, and draws the next', async () => {
    const worker = started('throwing');
    await expect(worker.call('renderStayPicture', timeline, options)).rejects.toThrow(
      'the chart renderer failed: Error: no lanes',
    );
    expect(worker.failed).toBe(false);
  });

  it('does not start with a renderer that cannot be loaded', async () => {
    const worker = started('broken');
    await expect(worker.started()).rejects.toThrow();
    expect(worker.failed).toBe(true);
    await expect(worker.call('renderStayPicture', timeline, options)).rejects.toThrow();
  });

  it('has failed once stopped, and rejects what it was still drawing', async () => {
    const worker = started('slow');
    await worker.started();
    const drawing = worker.call('renderStayPicture', timeline, options);
    await worker.stop();
    await expect(drawing).rejects.toThrow('the chart renderer stopped');
    expect(worker.failed).toBe(true);
  });
});
