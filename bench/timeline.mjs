// The admission timeline benchmark (issue 10), a section of `npm run bench` (`--only timeline`):
//   - GET /api/admissions/:id/timeline of a 7-day stay with a set every 30 minutes (336 sets), 30 orders
//     and 20 infusion events, sequential and at 10 concurrent connections;
//   - the page: from a cold load of the production build, how long after navigation the charts are drawn,
//     and how many gzip bytes the browser downloads to show the sign-in page and the ward board.
// The browser part needs the client build (dist/client) and Chromium (CHROMIUM_PATH, else /usr/bin/chromium).
import { Buffer } from 'node:buffer';
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

/**
 * One discharged 7-day admission of a new patient, written straight to the database: 30 rate orders
 * (the units as a prescriber would write them), 20 infusion events (start, 9 pauses with resumes, stop),
 * a full observation set every 30 minutes and 8 follow-ups. Returns its id.
 */
export async function sevenDayAdmission(client, { nurseId, ward }) {
  const { rows: prescribers } = await client.query(
    "SELECT id FROM users WHERE 'prescriber' = ANY (roles) ORDER BY username LIMIT 1",
  );
  const prescriberId = prescribers[0]?.id ?? nurseId;
  const admittedAt = new Date(Date.now() - 30 * DAY);
  const dischargedAt = new Date(admittedAt.getTime() + 7 * DAY);
  const {
    rows: [patient],
  } = await client.query(
    `INSERT INTO patients (mrn, family_name, given_name, date_of_birth, sex, created_by)
     VALUES ('BENCH-TIMELINE', 'Benchmark', 'Seven Days', '1970-01-01', 'female', $1) RETURNING id`,
    [prescriberId],
  );
  const {
    rows: [admission],
  } = await client.query(
    `INSERT INTO admissions (patient_id, ward, bed, indication, drug, admitting_prescriber_id, admitted_at,
       planned_days, weight_kg, baseline_pain, consent_recorded_by, consent_recorded_at, status, discharged_at,
       discharge_summary)
     VALUES ($1, $2, '99', 'crps', 'ketamine', $3, $4, 7, 80, 8, $3, $4, 'discharged', $5, 'Benchmark stay')
     RETURNING id`,
    [patient.id, ward, prescriberId, admittedAt, dischargedAt],
  );
  const start = admittedAt.getTime() + HOUR;
  // 30 orders over the stay: 24 in mg/kg/h, then 6 in mg/h (a change of unit, as written).
  for (let index = 0; index < 30; index += 1) {
    const unit = index < 24 ? 'mg/kg/h' : 'mg/h';
    const value = unit === 'mg/kg/h' ? 0.1 + 0.01 * index : 8 + index - 24;
    await client.query(
      `INSERT INTO infusion_orders (admission_id, drug, route, concentration_value, concentration_unit, rate_value,
         rate_unit, max_rate_value, max_rate_unit, end_points, effective_from, reason, entered_by)
       VALUES ($1, 'ketamine', 'intravenous', 2, 'mg/mL', $2, $3, $4, $3, 'Stop if POSS 3 or more, SBP above 180',
         $5, $6, $7)`,
      [
        admission.id,
        value,
        unit,
        unit === 'mg/kg/h' ? 0.5 : 20,
        new Date(start + index * 5 * HOUR),
        index === 0 ? 'Starting rate' : 'Tolerating well',
        prescriberId,
      ],
    );
  }
  const events = [['start', start, null]];
  for (let pause = 0; pause < 9; pause += 1) {
    const at = start + (pause + 1) * 15 * HOUR;
    events.push(['pause', at, 'POSS 3'], ['resume', at + HOUR, null]);
  }
  events.push(['stop', dischargedAt.getTime() - HOUR, 'Course complete']);
  for (const [type, at, reason] of events) {
    await client.query(
      `INSERT INTO infusion_events (admission_id, type, occurred_at, reason, recorded_by) VALUES ($1, $2, $3, $4, $5)`,
      [admission.id, type, new Date(at), reason, nurseId],
    );
  }
  // A set every 30 minutes from admission to discharge, every item recorded, values that move.
  await client.query(
    `INSERT INTO observation_sets (admission_id, taken_at, respiration_rate, spo2, spo2_scale, supplemental_oxygen,
       systolic_bp, diastolic_bp, pulse, consciousness, temperature_c, sedation, pain_score, side_effects,
       pump_rate_value, pump_rate_unit, news2, news2_total, news2_response, flags, recorded_by)
     SELECT $1, $2::timestamptz + n * interval '30 minutes', 12 + n % 9, 94 + n % 6, 1, false,
       110 + n % 40, 65 + n % 20, 60 + n % 45, 'alert', 36.2 + (n % 15) / 10.0, (ARRAY['S','1','2','1'])[1 + n % 4],
       greatest(0, 8 - n / 50), jsonb_build_object('nausea', (ARRAY['none','mild','moderate','none'])[1 + n % 4], 'vividDreams', 'none'),
       0.1, 'mg/kg/h',
       jsonb_build_object('complete', true, 'total', n % 6, 'response', CASE WHEN n % 6 >= 5 THEN 'medium' ELSE 'low' END,
         'anySingleParameterThree', false, 'missing', '[]'::jsonb,
         'parameters', jsonb_build_object('respirationRate', 0, 'spo2', n % 3, 'supplementalOxygen', 0, 'systolicBp', 0,
           'pulse', n % 2, 'consciousness', 0, 'temperatureC', 0)),
       n % 6, CASE WHEN n % 6 >= 5 THEN 'medium' ELSE 'low' END,
       CASE WHEN n % 6 >= 5 THEN ARRAY['news2-medium'] ELSE ARRAY[]::text[] END, $3
     FROM generate_series(0, $4::int - 1) AS n`,
    [admission.id, admittedAt, nurseId, (7 * DAY) / (30 * 60_000)],
  );
  // 8 follow-ups after discharge, as issue 10 sizes the timeline: the weeks of the default schedule and one
  // extra, open (the first ones missed by now, the later ones upcoming), 3-day windows.
  await client.query(
    `INSERT INTO follow_ups (admission_id, kind, weeks, schedule_version, failed_attempt_limit, due_on, window_start,
       window_end, reason, created_by)
     SELECT $1, CASE WHEN w.weeks IS NULL THEN 'extra' ELSE 'scheduled' END, w.weeks,
       (SELECT max(version) FROM follow_up_schedule_versions), 3, due, due - 3, due + 3,
       CASE WHEN w.weeks IS NULL THEN 'Asked to be called again' END, $3
     FROM unnest(ARRAY[1, 2, 4, 8, 12, 26, 52, NULL]::int[], ARRAY[7, 14, 28, 56, 84, 182, 364, 10]) AS w(weeks, days)
     CROSS JOIN LATERAL (SELECT ($2::timestamptz AT TIME ZONE 'UTC')::date + w.days AS due) d`,
    [admission.id, dischargedAt, prescriberId],
  );
  await client.query('ANALYZE');
  return admission.id;
}

/** Bytes a browser fetched, gzip-compressed here, by kind. */
function gzipBytes(bodies) {
  return bodies.reduce((sum, body) => sum + gzipSync(body, { level: 9 }).length, 0);
}

/**
 * Runs in a page before its own scripts, and notes on the system clock (as Date.now() in this process reads
 * it) the first animation frame after an element matching `selector` is in the page: the frame that paints
 * it. For the admission page, the stay's chart once ECharts reports its first drawing finished
 * (`data-drawn`). Measured in the page rather than by polling from here, which would also count the wait
 * for a busy page to answer and for this process.
 */
const PAINT_CLOCK = (selector) => {
  const clock = (window.__paintClock = {});
  const observer = new MutationObserver(() => {
    const element = document.querySelector(selector);
    if (element) {
      observer.disconnect();
      // A picture in it (the server's, ADR 12 and 13) is painted once loaded and decoded: the frame after
      // that. (Decoding is asked for after the load: the app taking a rendered page over sets the image's
      // address again, which rejects a decode() pending from before.)
      const loaded = (img) =>
        img.complete
          ? Promise.resolve()
          : new Promise((resolve) => {
              img.addEventListener('load', resolve, { once: true });
              img.addEventListener('error', resolve, { once: true });
            });
      const decoded = [...element.querySelectorAll('img')].map((img) =>
        loaded(img).then(() => img.decode().catch(() => undefined)),
      );
      Promise.all(decoded).then(() =>
        requestAnimationFrame(() => (clock.paintedAt = performance.timeOrigin + performance.now())),
      );
    }
  });
  observer.observe(document, { subtree: true, childList: true, attributes: true });
};

/**
 * A cold load of `path` in a new page, timed from navigation to the frame that paints `selector`; and when
 * the page's first byte came (the server's part: for a page the server renders, ADR 13, its rendering).
 */
async function timedLoad(page, path, selector) {
  await page.addInitScript(PAINT_CLOCK, selector);
  const started = Date.now();
  await page.goto(path);
  const paintedAt = await page.waitForFunction(() => window.__paintClock?.paintedAt, null, {
    timeout: 30_000,
  });
  const { firstByteAt, picture } = await page.evaluate(() => {
    const at = (offset) => performance.timeOrigin + offset;
    const entry = performance
      .getEntriesByType('resource')
      .find((resource) => resource.name.includes('/timeline/picture'));
    return {
      firstByteAt: at(performance.getEntriesByType('navigation')[0].responseStart),
      picture: entry && {
        askedAt: at(entry.startTime),
        sentAt: at(entry.requestStart),
        firstByteAt: at(entry.responseStart),
        answeredAt: at(entry.responseEnd),
      },
    };
  });
  const since = (at) => Math.round(at - started);
  return {
    paintedAt: await paintedAt.jsonValue(),
    paintedMs: since(await paintedAt.jsonValue()),
    firstByteMs: since(firstByteAt),
    // The stay chart's picture (ADR 12), when the page asked for it and when its last byte came.
    pictureMs: picture
      ? {
          asked: since(picture.askedAt),
          sent: since(picture.sentAt),
          firstByte: since(picture.firstByteAt),
          answered: since(picture.answeredAt),
        }
      : null,
  };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];

/** Timed loads of the admission page (timedLoad's answers), and their figures. */
function loadSeries() {
  const drawn = [];
  const firstByte = [];
  const pictures = [];
  return {
    add(load) {
      drawn.push(load.paintedMs);
      firstByte.push(load.firstByteMs);
      if (load.pictureMs) pictures.push(load.pictureMs);
    },
    summary: () => ({
      drawnMedianMs: median(drawn),
      drawnMs: [...drawn].sort((a, b) => a - b),
      firstByteMedianMs: median(firstByte),
      picturesAsked: pictures.length,
      pictureAskedMedianMs: pictures.length ? median(pictures.map(({ asked }) => asked)) : null,
      pictureSentMedianMs: pictures.length ? median(pictures.map(({ sent }) => sent)) : null,
      pictureFirstByteMedianMs: pictures.length ? median(pictures.map(({ firstByte }) => firstByte)) : null,
      pictureAnsweredMedianMs: pictures.length ? median(pictures.map(({ answered }) => answered)) : null,
    }),
  };
}

/**
 * Drives Chromium against the app: the initial bundle (sign-in page, then the ward board after signing
 * in) as gzip bytes of the JS and CSS downloaded, and `loads` cold loads of the admission page, each timed
 * from navigation to the frame that paints the stay's chart (PAINT_CLOCK). Before each, for reference, a cold
 * load of the sign-in page (which the admission page's changes do not touch), timed to its username field:
 * how fast this machine is at the moment. With `changeStay` (an async function that changes the stay, as a
 * new set would), each is followed by another cold load just after a change (`afterChange`).
 */
export async function measurePage({ base, username, password, admissionId, loads = 5, changeStay = null }) {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) throw new Error(`no Chromium at ${executablePath} (set CHROMIUM_PATH)`);
  const { chromium } = await import('playwright');
  // The flags the e2e suite launches Chromium with: without them Chromium does its own background work
  // (updates, sync, first-run set-up) on the same two CPUs during the loads.
  const args = JSON.parse(readFileSync(new URL('../e2e/chromium-args.json', import.meta.url), 'utf8'));
  const browser = await chromium.launch({ executablePath, args });
  try {
    const assets = async (run) => {
      const context = await browser.newContext({ baseURL: base, viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      const bodies = [];
      page.on('response', async (response) => {
        const type = response.request().resourceType();
        if (type === 'script' || type === 'stylesheet')
          bodies.push(response.body().catch(() => Buffer.alloc(0)));
      });
      await run(page, context);
      const all = await Promise.all(bodies);
      await context.close();
      return { files: all.length, gzipBytes: gzipBytes(all) };
    };
    const signIn = async (page) => {
      await page.getByLabel('Username').fill(username);
      await page.getByLabel('Password').fill(password);
      await page.getByRole('button', { name: 'Sign in' }).click();
    };
    const initial = await assets(async (page) => {
      await page.goto('/ward');
      await page.getByLabel('Username').waitFor();
      await signIn(page);
      await page.waitForURL(/\/ward/);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await page.waitForLoadState('networkidle');
    });
    // Cold: a new context (empty cache), signed in through the API only, so that no asset is cached.
    const signedIn = async () => {
      const context = await browser.newContext({ baseURL: base, viewport: { width: 1280, height: 800 } });
      await context.request.get('/api/app-info');
      const xsrf = (await context.cookies()).find((cookie) => cookie.name === 'XSRF-TOKEN')?.value ?? '';
      const login = await context.request.post('/api/auth/login', {
        data: { username, password },
        headers: { 'X-XSRF-TOKEN': decodeURIComponent(xsrf) },
      });
      if (!login.ok()) throw new Error(`sign-in failed: ${login.status()}`);
      return context;
    };
    const admissionUrl = `/admissions/${admissionId}`;
    const drawnSelector = 'app-timeline-chart[data-drawn="true"]';
    // What the admission page downloads before its chart is drawn, from a load of its own, untimed: reading
    // the bodies back from the browser would slow the timed loads.
    const counted = await signedIn();
    const countedPage = await counted.newPage();
    const bodies = [];
    countedPage.on('response', (response) => {
      if (['document', 'script', 'stylesheet', 'image'].includes(response.request().resourceType()))
        bodies.push({ at: Date.now(), body: response.body().catch(() => Buffer.alloc(0)) });
    });
    const { paintedAt } = await timedLoad(countedPage, admissionUrl, drawnSelector);
    // Those answered before the chart was painted (not ECharts, which the page loads after).
    const all = await Promise.all(bodies.filter(({ at }) => at <= paintedAt).map(({ body }) => body));
    const admissionPage = { files: all.length, gzipBytes: gzipBytes(all) };
    await counted.close();

    // Each cold load twice: of the stay as the server last answered it (its timeline and picture kept,
    // ADR 11 and 12), and just after a change to the stay, as when a set has been recorded, so that the
    // server reads it and draws its picture anew.
    const unchanged = loadSeries();
    const afterChange = loadSeries();
    const signInPainted = [];
    const coldLoad = async (series) => {
      const context = await signedIn();
      series.add(await timedLoad(await context.newPage(), admissionUrl, drawnSelector));
      await context.close();
    };
    for (let index = 0; index < loads; index += 1) {
      const reference = await browser.newContext({ baseURL: base, viewport: { width: 1280, height: 800 } });
      const signInLoad = await timedLoad(
        await reference.newPage(),
        '/sign-in',
        'input[autocomplete="username"]',
      );
      signInPainted.push(signInLoad.paintedMs);
      await reference.close();
      await coldLoad(unchanged);
      if (changeStay) {
        await changeStay();
        await coldLoad(afterChange);
      }
    }
    return {
      initial,
      admissionPage,
      ...unchanged.summary(),
      afterChange: changeStay ? afterChange.summary() : null,
      signInMedianMs: median(signInPainted),
      signInMs: signInPainted,
    };
  } finally {
    await browser.close();
  }
}
