// Part of the client build: bundles the timeline's chart code and ECharts for Node, as
// dist/client/chart-renderer.mjs (beside the browser files, not among them: it is not served). The server
// loads it to draw the stay's chart as SVG for the admission page's first paint (ADR 12).
import { build } from 'esbuild';
import path from 'node:path';

const outfile = path.resolve(process.argv[2] ?? 'dist/client/chart-renderer.mjs');
await build({
  entryPoints: ['client/src/app/timeline/chart-renderer.ts'],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outfile,
  logLevel: 'warning',
  tsconfig: 'client/tsconfig.app.json',
});
console.log(`build-chart-renderer: ${path.relative(process.cwd(), outfile)}`);
