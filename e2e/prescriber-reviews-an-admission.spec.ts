import type { Response } from '@playwright/test';
import { expect, test } from './fixtures';
import { AdmissionTimeline } from './pages/admission-timeline';
import { expectNoSeriousAxeViolations } from './accessibility';

// Issue 10's journey: a prescriber opens a demo admission and reviews the whole stay: the charts, the
// flowsheet with the same numbers as the API, and the printed summary with the patient on every page.

/** The timeline's sets as columns: index i of each is the i-th set, as the flowsheet's columns. */
interface TimelineColumns {
  id: string[];
  pulse: (number | null)[];
  painScore: (number | null)[];
  systolicBp: (number | null)[];
}

/** "! 95 (NEWS2 +1)" → "95": the value a cell shows, without its emphasis and note. */
const valueOf = (cell: string) =>
  cell
    .replace(/^[!‼]\s*/, '')
    .replace(/\s*\(.*\)$/, '')
    .trim();
const shown = (value: number | null) => (value === null ? '—' : String(value));

test('a prescriber reviews a demo admission: charts, flowsheet as the API says, printed summary', async ({
  prescriberPage: page,
}, testInfo) => {
  const list = await page.request.get('/api/admissions?status=infusing,paused');
  expect(list.ok()).toBe(true);
  const admissionId: string = (await list.json()).items[0].id;
  const timeline = new AdmissionTimeline(page);

  // The page comes rendered by the server (ADR 13), with the stay's chart in it as the picture the server
  // draws with the page's chart code (ADR 12): painted before the app's scripts have run.
  const pageAnswer = page.waitForResponse(
    (response) => response.request().resourceType() === 'document' && response.url().includes(admissionId),
  );
  const pictureAnswers: Response[] = [];
  page.on('response', (response) => {
    if (response.url().includes('/timeline/picture?')) pictureAnswers.push(response);
  });
  await timeline.open(admissionId);
  const served = await pageAnswer;
  expect(served.headers()['cache-control']).toBe('no-store');
  const html = await served.text();
  expect(html).toMatch(/<app-timeline-chart[^>]*data-drawn="true"/);
  const pictureAddress = html.match(/<img[^>]*class="chart-picture"[^>]*src="([^"]+)"/)?.[1];
  expect(pictureAddress).toBe(`/api/admissions/${admissionId}/timeline/picture?width=1152&amp;compact=false`);
  await expect(timeline.section).toBeVisible();
  await expect(timeline.drawnChart).toBeVisible();
  // Then ECharts draws the interactive chart in its place.
  await expect(timeline.interactiveChart).toBeVisible();
  await expect(timeline.charts.locator('img.chart-picture')).toHaveCount(0);
  // The picture was read once, as the page was read: the browser, taking the page over, asked for no other.
  expect(pictureAnswers).toHaveLength(1);
  expect(pictureAnswers[0].status()).toBe(200);
  expect(pictureAnswers[0].headers()['content-type']).toBe('image/svg+xml; charset=utf-8');
  expect(await pictureAnswers[0].text()).toMatch(/^<svg[^>]*>.*Temperature °C/s);
  await expect(timeline.charts.locator('svg path').first()).toBeAttached();
  await expectNoSeriousAxeViolations(page, 'the admission timeline');
  await testInfo.attach('timeline charts', {
    body: await timeline.charts.screenshot(),
    contentType: 'image/png',
  });

  const api = await (await page.request.get(`/api/admissions/${admissionId}/timeline`)).json();
  const columns: TimelineColumns = api.observations;
  expect(columns.id.length).toBeGreaterThan(0);
  for (const [item, key] of [
    ['Pulse /min', 'pulse'],
    ['Pain NRS 0-10', 'painScore'],
    ['Systolic BP mmHg', 'systolicBp'],
  ] as const) {
    const cells = await timeline.row(item);
    expect(cells.map(valueOf), item).toEqual(columns[key].map(shown));
  }

  await timeline.preparePrint();
  await page.emulateMedia({ media: 'print' });
  await expect(timeline.section.locator('.screen-only')).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await expect(timeline.printHeader).toContainText(api.patient.mrn);
  await expect(timeline.printHeader).toContainText(api.patient.familyName.toUpperCase());
  await expect(timeline.printHeader).toContainText('Printed');
  // A table header group is what Chromium repeats at the top of every printed page.
  expect(await timeline.printHeader.evaluate((element) => getComputedStyle(element).display)).toBe(
    'table-header-group',
  );
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? [];
  expect(pages.length).toBeGreaterThanOrEqual(2);
  await testInfo.attach('admission summary', { body: pdf, contentType: 'application/pdf' });
});
