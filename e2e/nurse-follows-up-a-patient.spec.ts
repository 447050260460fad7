import type { APIRequestContext } from '@playwright/test';
import { signInThroughApi, xsrfHeaders } from './api';
import { DEMO_PASSWORD, aUsername, expect, test } from './fixtures';
import { AdmissionFollowUps } from './pages/admission-follow-ups';
import { FollowUpOutcomePage } from './pages/follow-up-outcome-page';
import { FollowUpWorklistPage } from './pages/follow-up-worklist-page';
import { expectNoSeriousAxeViolations } from './accessibility';

// Issue 9's journey: a nurse opens the follow-up worklist, records a failed contact attempt, then a
// completed follow-up in which benefit has ended; the admission page shows it and the worklist moves on.

const DAY = 86_400_000;
const daysAgo = (days: number, hours = 0) =>
  new Date(Date.now() - days * DAY - hours * 3_600_000).toISOString();

/** The calendar date of an instant in the ward's zone, as the server counts follow-up days. */
function wardDate(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(iso));
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/**
 * As the prescriber, through the API: a patient with a mobile number, admitted to `ward` twelve days ago,
 * infused, and discharged seven days ago with pain 3 (baseline 8), so the week-1 follow-up is due today.
 */
async function aPatientDischargedAWeekAgo(
  prescriber: APIRequestContext,
  ward: string,
  patient: { familyName: string; givenName: string },
): Promise<{ admissionId: string; dischargedAt: string }> {
  const headers = await xsrfHeaders(prescriber);
  const post = async <T>(url: string, data: unknown): Promise<T> => {
    const response = await prescriber.post(url, { data, headers });
    await expect(response, `POST ${url}: ${await response.text()}`).toBeOK();
    return (await response.json()) as T;
  };
  const { id: patientId } = await post<{ id: string }>('/api/patients', {
    mrn: aUsername('F').slice(0, 20),
    ...patient,
    dateOfBirth: '1971-09-02',
    sex: 'female',
    contact: { phoneNumbers: [{ label: 'mobile', number: '0412 555 019' }], preferredMethod: 'phone' },
  });
  const admitted = await post<{ id: string; version: number }>('/api/admissions', {
    patientId,
    ward,
    bed: '4',
    indication: 'crps',
    admittedAt: daysAgo(12),
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
      effectiveFrom: daysAgo(12, -1),
      reason: 'Starting rate',
    },
  );
  const started = await post<{ version: number }>(`/api/admissions/${admitted.id}/infusion-events`, {
    version: ordered.admission.version,
    type: 'start',
    occurredAt: daysAgo(12, -2),
  });
  const stopped = await post<{ version: number }>(`/api/admissions/${admitted.id}/infusion-events`, {
    version: started.version,
    type: 'stop',
    occurredAt: daysAgo(7, 2),
  });
  const dischargedAt = daysAgo(7);
  await post(`/api/admissions/${admitted.id}/discharge`, {
    version: stopped.version,
    summary: 'Home; pain much improved.',
    dischargedAt,
    painAtDischarge: 3,
    pgicAtDischarge: 2,
  });
  return { admissionId: admitted.id, dischargedAt };
}

test('a nurse records a failed attempt, then an outcome where benefit ended; the admission and the worklist show it', async ({
  nursePage: page,
  request,
}) => {
  const ward = `E2E follow-ups ${aUsername('')}`;
  const patient = { familyName: 'Lindqvist', givenName: 'Maja' };
  const name = 'LINDQVIST, Maja';
  await signInThroughApi(request, 'prescriber', DEMO_PASSWORD);
  const { dischargedAt } = await aPatientDischargedAWeekAgo(request, ward, patient);
  const timeZone = await (await page.request.get('/api/app-info')).json().then((info) => info.wardTimeZone);
  const benefitEndedOn = addDays(wardDate(dischargedAt, timeZone), 3);

  const worklist = new FollowUpWorklistPage(page);
  const outcome = new FollowUpOutcomePage(page);
  const admission = new AdmissionFollowUps(page);

  // The week-1 follow-up is due today; the entry says how to reach the patient.
  await worklist.goto(ward);
  await expect(worklist.heading).toBeVisible();
  const due = worklist.entry(name, 'Due today');
  await expect(due).toContainText('Mobile 0412 555 019');
  await expect(due).toContainText('Prefers phone');
  await expect(due).toContainText('Week 1');
  await expect(due).toContainText('No attempts yet');
  await expectNoSeriousAxeViolations(page, 'the follow-up worklist');

  // No answer: the attempt is counted and the entry says when it was.
  await worklist.recordAttempt(name, 'Week 1', { result: 'No answer', note: 'Rang twice' });
  await expect(page.getByRole('status').filter({ hasText: 'Attempt recorded' })).toHaveText(
    `Attempt recorded for ${name}: no answer.`,
  );
  await expect(worklist.entry(name, 'Due today')).toContainText(/1 attempt; last .*, no answer/);

  // Reached later: the outcome, with the change from baseline shown while typing.
  await worklist.openOutcomeForm(name, 'Week 1');
  await expect(outcome.heading).toBeVisible();
  await outcome.fill({
    method: 'Phone',
    painNow: '6',
    pgic: '4 No change',
    benefitOngoing: false,
    benefitEndedOn,
    aboutTheDate: true,
  });
  await expect(outcome.changeFromBaseline).toContainText('Down 2 points (25 %) from baseline 8');
  await expect(outcome.changeFromBaseline).toContainText('Less than a 30 % reduction');
  await expectNoSeriousAxeViolations(page, 'the follow-up outcome form');
  await outcome.save();
  await expect(outcome.confirmation).toContainText(`Outcome recorded: ${name}, Week 1`);
  await expect(outcome.confirmation).toContainText('benefit ended about');

  // The admission page shows the follow-up done, the attempt and the outcome.
  await outcome.openTheAdmission();
  const week1 = admission.followUp('Week 1');
  await expect(week1).toContainText('Done');
  await expect(week1).toContainText('Phone, no answer (Rang twice)');
  await expect(week1).toContainText(/pain now 6 \(Down 2 points \(25 %\) from baseline 8\)/);
  await expect(week1).toContainText('benefit ended about');
  await expectNoSeriousAxeViolations(page, 'the admission page after discharge');

  // Back on the worklist the patient is no longer due; week 2 comes up this week.
  // Upcoming admissions are counted, and listed when asked for.
  await worklist.goto(ward);
  await expect(worklist.section('Upcoming this week')).toBeVisible();
  await expect(worklist.entry(name)).toHaveCount(0);
  await worklist.showUpcoming();
  await expect(worklist.entry(name, 'Upcoming this week')).toContainText('Week 2');
  await expect(worklist.section('Due today')).toHaveCount(0);
});
