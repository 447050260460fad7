import { readFile } from 'node:fs/promises';
import type { APIRequestContext } from '@playwright/test';
import { FAMILY_NAMES, GIVEN_NAMES } from '../server/src/synthetic/synthetic-names';
import { expectNoSeriousAxeViolations } from './accessibility';
import { signInThroughApi, xsrfHeaders } from './api';
import { DEMO_PASSWORD, aUsername, expect, test } from './fixtures';
import { OutcomeReportPage } from './pages/outcome-report-page';

// Issue 11's journey: an auditor opens the outcome report, filters by indication, sees the curve, the
// risk table and the median, and exports the analysis data set, which names nobody.

const DAY = 86_400_000;

function wardDate(instant: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(instant));
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

interface Outcome {
  weeks: number;
  /** Days from the day the infusion stopped. */
  assessedDay: number;
  endedDay?: number;
}

/**
 * As the prescriber, through the API: a patient with phantom limb pain (baseline 8), infused and
 * discharged 60 days ago with pain 3 (a responder), and the outcomes given at the follow-ups.
 */
async function aResponder(
  prescriber: APIRequestContext,
  ward: string,
  timeZone: string,
  patient: { mrn: string; familyName: string; givenName: string },
  outcomes: Outcome[],
): Promise<void> {
  const headers = await xsrfHeaders(prescriber);
  const post = async <T>(url: string, data: unknown): Promise<T> => {
    const response = await prescriber.post(url, { data, headers });
    await expect(response, `POST ${url}: ${await response.text()}`).toBeOK();
    return (await response.json()) as T;
  };
  const dischargedAt = Date.now() - 60 * DAY;
  const stoppedAt = dischargedAt - 2 * 3_600_000;
  const admittedAt = dischargedAt - 5 * DAY;
  const { id: patientId } = await post<{ id: string }>('/api/patients', {
    ...patient,
    dateOfBirth: '1968-02-14',
    sex: 'male',
  });
  const admitted = await post<{ id: string; version: number }>('/api/admissions', {
    patientId,
    ward,
    bed: '2',
    indication: 'phantom-limb-pain',
    admittedAt: new Date(admittedAt).toISOString(),
    plannedDays: 5,
    baselinePain: 8,
    consentObtained: true,
  });
  const ordered = await post<{ admission: { version: number } }>(
    `/api/admissions/${admitted.id}/infusion-orders`,
    {
      version: admitted.version,
      drug: 'ketamine',
      route: 'intravenous',
      concentration: { value: 2, unit: 'mg/mL' },
      rate: { value: 0.1, unit: 'mg/kg/h' },
      effectiveFrom: new Date(admittedAt + 3_600_000).toISOString(),
      reason: 'Starting rate',
    },
  );
  const started = await post<{ version: number }>(`/api/admissions/${admitted.id}/infusion-events`, {
    version: ordered.admission.version,
    type: 'start',
    occurredAt: new Date(admittedAt + 2 * 3_600_000).toISOString(),
  });
  const stopped = await post<{ version: number }>(`/api/admissions/${admitted.id}/infusion-events`, {
    version: started.version,
    type: 'stop',
    occurredAt: new Date(stoppedAt).toISOString(),
  });
  await post(`/api/admissions/${admitted.id}/discharge`, {
    version: stopped.version,
    summary: 'Home; pain much improved.',
    dischargedAt: new Date(dischargedAt).toISOString(),
    painAtDischarge: 3,
  });
  const followUps = (await (await prescriber.get(`/api/admissions/${admitted.id}/follow-ups`)).json())
    .items as {
    id: string;
    weeks: number;
  }[];
  const origin = wardDate(stoppedAt, timeZone);
  for (const outcome of outcomes) {
    const followUp = followUps.find((f) => f.weeks === outcome.weeks)!;
    await post(`/api/follow-ups/${followUp.id}/outcome`, {
      assessedOn: addDays(origin, outcome.assessedDay),
      method: 'phone',
      painNow: outcome.endedDay === undefined ? 3 : 7,
      pgic: outcome.endedDay === undefined ? 2 : 4,
      benefitOngoing: outcome.endedDay === undefined,
      ...(outcome.endedDay === undefined ? {} : { benefitEndedOn: addDays(origin, outcome.endedDay) }),
    });
  }
}

test('an auditor filters the outcome report by indication, reads the curve, the risk table and the median, and exports a CSV without names or MRNs', async ({
  auditorPage: page,
  playwright,
  baseURL,
}) => {
  const prescriber = await playwright.request.newContext({ baseURL });
  await signInThroughApi(prescriber, 'prescriber', DEMO_PASSWORD);
  const timeZone = (await (await prescriber.get('/api/app-info')).json()).wardTimeZone as string;
  const ward = `E2E outcomes ${aUsername('')}`;
  const suffix = aUsername('').slice(-6).toUpperCase();
  const patients = [
    { mrn: `E2E-OUT-1-${suffix}`, familyName: 'Quarrington', givenName: 'Ambrose' },
    { mrn: `E2E-OUT-2-${suffix}`, familyName: 'Vellacott', givenName: 'Ottoline' },
    { mrn: `E2E-OUT-3-${suffix}`, familyName: 'Featherstonehaugh', givenName: 'Cuthbert' },
  ];
  // By hand, in days from the stop: benefit ended on day 10 and on day 20; ongoing on day 28 (censored).
  await aResponder(prescriber, ward, timeZone, patients[0], [{ weeks: 2, assessedDay: 14, endedDay: 10 }]);
  await aResponder(prescriber, ward, timeZone, patients[1], [
    { weeks: 1, assessedDay: 7 },
    { weeks: 4, assessedDay: 27, endedDay: 20 },
  ]);
  await aResponder(prescriber, ward, timeZone, patients[2], [{ weeks: 4, assessedDay: 28 }]);
  await prescriber.dispose();

  const report = new OutcomeReportPage(page);
  await report.goto();
  await expect(report.heading).toBeVisible();

  // All phantom limb pain (the demo's patients and ours): a curve, its risk table and a median.
  await report.filter({ indication: 'Phantom limb pain' });
  await expect(report.plot).toBeVisible();
  await expect(report.riskTable).toBeVisible();
  await expect(report.median).toContainText(/Median duration of benefit: (\d+ days|Not reached)/);
  await expectNoSeriousAxeViolations(page, 'the outcome report');

  // The analysis data set of that cohort: de-identified.
  const download = await report.downloadAnalysisDataSet();
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const csv = await readFile((await download.path())!, 'utf8');
  const [header, ...rows] = csv.trimEnd().split(/\r?\n/);
  expect(header).toMatch(/study_id|studyId|study id/i);
  expect(rows.length).toBeGreaterThanOrEqual(3);
  for (const patient of patients) {
    expect(csv).not.toContain(patient.mrn);
    expect(csv).not.toContain(patient.familyName);
    expect(csv).not.toContain(patient.givenName);
  }
  // No cell is a demo patient's MRN (D and six digits) or one of the names the demo draws from.
  const names = new Set(
    [...FAMILY_NAMES, ...GIVEN_NAMES.female, ...GIVEN_NAMES.male].map((n) => n.toLowerCase()),
  );
  const cells = rows.flatMap((row) => row.split(',')).map((cell) => cell.replace(/^"|"$/g, '').trim());
  expect(cells.filter((cell) => /^D\d{6}$/.test(cell))).toEqual([]);
  expect(cells.filter((cell) => names.has(cell.toLowerCase()))).toEqual([]);
  expect(csv).not.toMatch(/\d{4}-\d{2}-\d{2}/); // days from admission, never calendar dates

  // Our three alone: the median is the hand-computed one.
  await report.filter({ ward });
  await expect(report.plot).toHaveAccessibleName(/All, 3 patients/);
  await expect(report.median).toContainText('Median duration of benefit: 20 days (2.9 weeks)');
  await expect(report.riskTable.getByRole('row').nth(1)).toContainText('3 (0) (0)');

  // The other reports: the index and the service report, for the same ward.
  await page.goto('/reports');
  await expect(page.getByRole('heading', { level: 1, name: 'Reports' })).toBeVisible();
  await expectNoSeriousAxeViolations(page, 'the reports page');
  await page.goto('/reports/service');
  await expect(page.getByRole('heading', { level: 1, name: 'Service report' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Admissions and length of stay' })).toBeVisible();
  await expectNoSeriousAxeViolations(page, 'the service report');
});
