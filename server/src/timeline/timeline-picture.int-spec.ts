import pg from 'pg';
import type { Response } from 'supertest';
import { ApiClient, aUser } from '../testing/api-client.js';
import { buildChartRenderer } from '../testing/chart-renderer.js';
import { anAdmittedPatient, anOrder } from '../testing/clinical-factories.js';
import { anObservationSet } from '../testing/observation-factories.js';
import { bootTestApp, type TestApp } from '../testing/test-app.js';

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

/** The SVG markup of a picture answer (supertest keeps image bodies as a Buffer). */
const markup = (response: Response): string =>
  Buffer.isBuffer(response.body) ? response.body.toString('utf8') : response.text;

describe('the picture of the stay chart (ADR 12)', () => {
  let renderer: ReturnType<typeof buildChartRenderer>;
  let testApp: TestApp;
  let db: pg.Client;
  let prescriber: ApiClient;
  let nurse: ApiClient;

  beforeAll(async () => {
    // The renderer as the client build writes it, from the client's own chart code.
    renderer = buildChartRenderer();
    testApp = await bootTestApp({ CHART_RENDERER: renderer.file });
    db = new pg.Client({ connectionString: testApp.database.url });
    await db.connect();
    prescriber = await ApiClient.signedIn(testApp, (await aUser(testApp, ['prescriber'])).username);
    nurse = await ApiClient.signedIn(testApp, (await aUser(testApp, ['nurse'])).username);
  });
  afterAll(async () => {
    await db.end();
    await testApp.close();
    renderer.remove();
  });

  /** Admitted 10 h ago, 0.1 mg/kg/h from 9 h ago, started then, paused 2 h ago; two sets. */
  async function aPausedStay() {
    const admission = await anAdmittedPatient(prescriber, { admittedAt: minutesAgo(600) });
    let current = (
      await prescriber.post(
        `/api/admissions/${admission.id}/infusion-orders`,
        anOrder(1, { effectiveFrom: minutesAgo(540) }),
      )
    ).body.admission;
    for (const [type, at] of [
      ['start', 540],
      ['pause', 120],
    ] as const) {
      const response = await prescriber.post(`/api/admissions/${admission.id}/infusion-events`, {
        version: current.version,
        type,
        occurredAt: minutesAgo(at),
        ...(type === 'pause' ? { reason: 'Vivid dreams' } : {}),
      });
      expect(response.status).toBe(201);
      current = response.body;
    }
    for (const at of [300, 200]) {
      const response = await nurse.post(
        `/api/admissions/${admission.id}/observation-sets`,
        anObservationSet({ takenAt: minutesAgo(at) }),
      );
      expect(response.status).toBe(201);
    }
    return admission;
  }

  const pictureOf = (id: string, query = 'width=900') => `/api/admissions/${id}/timeline/picture?${query}`;

  it('is the chart as SVG at the width asked, with its lanes, the pause and the unit as entered', async () => {
    const stay = await aPausedStay();
    const response = await prescriber.get(pictureOf(stay.id));
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('image/svg+xml; charset=utf-8');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['content-security-policy']).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'",
    );
    const svg = markup(response);
    expect(svg).toMatch(/^<svg[^>]* width="900"/);
    expect(svg).toContain('mg/kg/h');
    expect(svg).toContain('Paused');
    expect(svg).toContain('<pattern'); // the pause's hatching

    const compact = markup(await prescriber.get(pictureOf(stay.id, 'width=360&compact=true')));
    expect(compact).toMatch(/^<svg[^>]* width="360"/);
  });

  it('is an audited read of the timeline, each time', async () => {
    const stay = await aPausedStay();
    const count = async () =>
      (
        await db.query(
          "SELECT count(*)::int AS n FROM audit_events WHERE action = 'admission.timeline-viewed' AND admission_id = $1",
          [stay.id],
        )
      ).rows[0].n;
    expect(await count()).toBe(0);
    await nurse.get(pictureOf(stay.id));
    await nurse.get(pictureOf(stay.id));
    expect(await count()).toBe(2);
  });

  it('is drawn again when the stay changes, and is the same picture while it does not', async () => {
    const stay = await aPausedStay();
    const minute = () => Math.floor(Date.now() / 60_000);
    const before = minute();
    const first = markup(await prescriber.get(pictureOf(stay.id)));
    const again = markup(await prescriber.get(pictureOf(stay.id)));
    const sameMinute = minute() === before;
    const recorded = await nurse.post(
      `/api/admissions/${stay.id}/observation-sets`,
      anObservationSet({ takenAt: minutesAgo(30), pulse: 131 }),
    );
    expect(recorded.status).toBe(201);
    const after = markup(await prescriber.get(pictureOf(stay.id)));
    // Within one minute the same picture ("now" on the chart is the minute's start); should the minute
    // turn between the two reads, "now" moves and the two may differ.
    if (sameMinute) expect(again).toBe(first);
    expect(after).not.toBe(again);
    expect(after.match(/<path/g)?.length ?? 0).toBeGreaterThan(first.match(/<path/g)?.length ?? 0);
  });

  it('is the same markup gzip-compressed for a client that accepts it', async () => {
    const stay = await aPausedStay();
    const plain = await prescriber.get(pictureOf(stay.id), { 'Accept-Encoding': 'identity' });
    const compressed = await prescriber.get(pictureOf(stay.id), { 'Accept-Encoding': 'gzip' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(compressed.headers['content-encoding']).toBe('gzip');
    expect(compressed.headers['vary']).toMatch(/Accept-Encoding/i);
    expect(markup(compressed).length).toBeGreaterThan(1000);
    expect(Number(compressed.headers['content-length'])).toBeLessThan(markup(plain).length / 3);
  });

  it('refuses a width that is not a whole number of pixels, and an unknown layout, with problem+json', async () => {
    const stay = await aPausedStay();
    for (const query of [
      '',
      'width=0',
      'width=12',
      'width=1e3',
      'width=900.5',
      'width=99999',
      'width=900&compact=1',
    ]) {
      const response = await prescriber.get(pictureOf(stay.id, query));
      expect({ query, status: response.status }).toEqual({ query, status: 400 });
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    }
  });

  it('is for nurses and prescribers, like the timeline; 404 for an unknown admission', async () => {
    const stay = await aPausedStay();
    const auditor = await ApiClient.signedIn(testApp, (await aUser(testApp, ['auditor'])).username);
    expect((await auditor.get(pictureOf(stay.id))).status).toBe(403);
    expect((await (await ApiClient.anonymous(testApp)).get(pictureOf(stay.id))).status).toBe(401);
    const unknown = await prescriber.get(pictureOf('00000000-0000-4000-8000-000000000000'));
    expect(unknown.status).toBe(404);
  });

  it('is a 404 problem on a server without the chart renderer, which the page then draws alone', async () => {
    const withoutRenderer = await bootTestApp();
    try {
      const user = await ApiClient.signedIn(
        withoutRenderer,
        (await aUser(withoutRenderer, ['prescriber'])).username,
      );
      const admission = await anAdmittedPatient(user, { admittedAt: minutesAgo(60) });
      const response = await user.get(pictureOf(admission.id));
      expect(response.status).toBe(404);
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
      // Nothing was read of the record, so nothing audited.
      const client = new pg.Client({ connectionString: withoutRenderer.database.url });
      await client.connect();
      const audit = await client.query(
        "SELECT count(*)::int AS n FROM audit_events WHERE action = 'admission.timeline-viewed'",
      );
      await client.end();
      expect(audit.rows[0].n).toBe(0);
    } finally {
      await withoutRenderer.close();
    }
  });
});
