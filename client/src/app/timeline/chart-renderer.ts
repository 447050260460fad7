// Built for Node by tools/build-chart-renderer.mjs (dist/client/chart-renderer.mjs), not for the browser:
// the server draws the stay's chart with it, from the same option code as the page, so that the admission
// page can show the chart as a picture before ECharts has loaded and run in the browser.
import { init } from './echarts-setup';
import { Timeline } from '../core/api-types';
import { stayPicture } from './timeline-picture';

/** The stay's chart of this timeline (the API's answer, as JSON text) as SVG markup. */
export function renderStayPicture(
  timelineJson: string,
  options: { timeZone: string; width: number; compact: boolean },
): string {
  return stayPicture(init, JSON.parse(timelineJson) as Timeline, options);
}
