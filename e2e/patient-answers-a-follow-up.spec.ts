import type { APIRequestContext } from '@playwright/test';
import { signInThroughApi, xsrfHeaders } from './api';
import { DEMO_PASSWORD, aUsername, expect, test } from './fixtures';
import { AdmissionFollowUps } from './pages/admission-follow-ups';
import { FollowUpOutcomePage } from './pages/follow-up-outcome-page';
import { FollowUpWorklistPage } from './pages/follow-up-worklist-page';
import { PatientLinkPanel } from './pages/patient-link-panel';
import { PatientResponsePage } from './pages/patient-response-page';
import { expectNoSeriousAxeViolations } from './accessibility';

// Issue 13's journey: a nurse issues a one-time link from the worklist, the patient answers on their
// phone without an account, the nurse accepts the answers, and the admission shows them as the outcome.

const DAY = 86_400_000;
const daysAgo = (days: number, hours = 0) =>
  new Date(Date.now() - days * DAY - hours * 3_600_000).toISOString();

/** As the prescriber, through the API: a patient infused and discharged a week ago to `ward`. */
async function aPatientDischargedAWeekAgo(
  prescriber: APIRequestContext,
  ward: string,
  patient: { familyName: string; givenName: string },
): Promise<string> {
  const headers = await xsrfHeaders(prescriber);
  const post = async <T>(url: string, data: unknown): Promise<T> => {
    const response = await prescriber.post(url, { data, headers });
    await expect(response, `POST ${url}: ${await response.text()}`).toBeOK();
    return (await response.json()) as T;
  };
  const { id: patientId } = await post<{ id: string }>('/api/patients', {
    mrn: aUsername('P').slice(0, 20),
    ...patient,
    dateOfBirth: '1966-02-11',
    sex: 'male',
  });
  const admitted = await post<{ id: string; version: number }>('/api/admissions', {
    patientId,
    ward,
    bed: '7',
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
  await post(`/api/admissions/${admitted.id}/discharge`, {
    version: stopped.version,
    summary: 'Home; pain much improved.',
    dischargedAt: daysAgo(7),
    painAtDischarge: 3,
  });
  return admitted.id;
}

test('a nurse issues a link, the patient answers it on a phone, the nurse accepts it and the admission shows the outcome', async ({
  nursePage: page,
  request,
  browser,
}) => {
  const ward = `E2E patient links ${aUsername('')}`;
  const name = 'HALVORSEN, Erik';
  await signInThroughApi(request, 'prescriber', DEMO_PASSWORD);
  await aPatientDischargedAWeekAgo(request, ward, { familyName: 'Halvorsen', givenName: 'Erik' });

  // The nurse issues the link from the worklist's follow-up.
  const worklist = new FollowUpWorklistPage(page);
  await worklist.goto(ward);
  await worklist.openOutcomeForm(name, 'Week 1');
  const panel = new PatientLinkPanel(page);
  await expect(panel.status).toHaveText('No link issued');
  const url = await panel.issueALink();
  expect(url).toMatch(/\/r\/[a-z2-7]{32}$/);
  await expect(panel.qrCode).toBeVisible();
  await expect(panel.status).toHaveText('Link sent, not opened yet');
  await expectNoSeriousAxeViolations(page, 'the patient link panel');

  // The patient, on their own phone: no session, a small screen.
  const phone = await browser.newContext({
    viewport: { width: 390, height: 844 },
    hasTouch: true,
    isMobile: true,
  });
  const patientTab = await phone.newPage();
  const patientPage = new PatientResponsePage(patientTab);
  await patientPage.goto(url);
  await expect(patientPage.heading).toHaveText('How are you since your infusion?');
  await expect(patientTab.getByText(/Your infusion ended on \d{1,2} \w+ \d{4}/)).toBeVisible();
  await expect(patientTab.getByText('Halvorsen')).toHaveCount(0);

  await expectNoSeriousAxeViolations(patientTab, "the patient's answer page");

  // Nothing answered: the page says what is missing and sends nothing.
  await patientPage.send();
  await expect(patientTab.getByRole('alert', { name: 'Please check your answers' })).toContainText(
    'Please choose a number for your pain now.',
  );

  await patientPage.answer({
    painNow: '2',
    painWorstWeek: '4',
    overallStatus: 'Much improved',
    benefitStillThere: true,
    sideEffects: 'Mild',
    comment: 'Sleeping through the night',
  });
  await patientPage.send();
  await expect(patientPage.heading).toHaveText('Thank you');
  await expect(patientTab.getByText('cannot be opened again')).toBeVisible();

  // The link is used up: opening it again gives the neutral page.
  await patientPage.goto(url);
  await expect(patientPage.heading).toHaveText('This link cannot be used');
  await phone.close();

  // The worklist says the patient answered; the nurse reviews and accepts the answers.
  await worklist.goto(ward);
  await expect(worklist.entry(name)).toContainText('Patient answered: review the answers');
  await worklist.openOutcomeForm(name, 'Week 1');
  await expect(panel.status).toHaveText('Answered by the patient: waiting for review');
  await expect(panel.region).toContainText('Much improved');
  await expect(panel.region).toContainText('Sleeping through the night');
  await panel.accept();
  const outcome = new FollowUpOutcomePage(page);
  await expect(outcome.confirmation).toContainText(`Outcome recorded: ${name}, Week 1`);

  // The admission shows the follow-up done, with the patient's answers as its outcome.
  await outcome.openTheAdmission();
  const week1 = new AdmissionFollowUps(page).followUp('Week 1');
  await expect(week1).toContainText('Done');
  await expect(week1).toContainText(/pain now 2/);
});
