import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * The chart renderer as the client build writes it (tools/build-chart-renderer.mjs, ADR 12), built into a
 * folder of its own, for a test app to draw pictures of the stay chart with (`CHART_RENDERER`).
 */
export function buildChartRenderer(): { file: string; remove: () => void } {
  const folder = mkdtempSync(path.join(tmpdir(), 'chart-renderer-'));
  const file = path.join(folder, 'chart-renderer.mjs');
  execFileSync(process.execPath, ['tools/build-chart-renderer.mjs', file], { stdio: 'pipe' });
  return { file, remove: () => rmSync(folder, { recursive: true, force: true }) };
}
