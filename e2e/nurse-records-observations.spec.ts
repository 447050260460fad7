import type { APIRequestContext } from '@playwright/test';
import { signInThroughApi, xsrfHeaders } from './api';
import { DEMO_PASSWORD, aUsername, expect, test } from './fixtures';
import { AdmissionPage } from './pages/admission-page';
import { ObservationFormPage } from './pages/observation-form-page';
import { WardBoardPage } from './pages/ward-board-page';
import { expectNoSeriousAxeViolations } from './accessibility';

const MINUTE = 60_000;

interface Patient {
  familyName: string;
  givenName: string;
}

/** "TESTWOOD, Ada", as the board and the form write a patient's name. */
const boardName = (patient: Patient) => `${patient.familyName.toUpperCase()}, ${patient.givenName}`;
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * MINUTE).toISOString();

/**
 * As the prescriber, through the API: a patient admitted to `ward` `admittedMinutesAgo` minutes ago on
 * ketamine 2 mg/mL at 0.15 mg/kg/h, started ten minutes after admission. Its id.
 */
async function anInfusingAdmission(
  prescriber: APIRequestContext,
  ward: string,
  bed: string,
  patient: Patient,
  admittedMinutesAgo: number,
): Promise<string> {
  const headers = await xsrfHeaders(prescriber);
  const post = async <T>(url: string, data: unknown): Promise<T> => {
    const response = await prescriber.post(url, { data, headers });
    await expect(response, `POST ${url}`).toBeOK();
    return (await response.json()) as T;
  };
  const { id: patientId } = await post<{ id: string }>('/api/patients', {
    mrn: aUsername('E').slice(0, 20),
    ...patient,
    dateOfBirth: '1968-03-14',
    sex: 'female',
  });
  const admission = await post<{ id: string; version: number }>('/api/admissions', {
    patientId,
    ward,
    bed,
    indication: 'crps',
    admittedAt: minutesAgo(admittedMinutesAgo),
    plannedDays: 5,
    weightKg: 70,
    weightMeasuredOn: new Date().toISOString().slice(0, 10),
    baselinePain: 7,
    consentObtained: true,
  });
  const { admission: ordered } = await post<{ admission: { version: number } }>(
    `/api/admissions/${admission.id}/infusion-orders`,
    {
      version: admission.version,
      drug: 'ketamine',
      route: 'intravenous',
      concentration: { value: 2, unit: 'mg/mL' },
      rate: { value: 0.15, unit: 'mg/kg/h' },
      effectiveFrom: minutesAgo(admittedMinutesAgo - 5),
      reason: 'Starting dose',
    },
  );
  await post(`/api/admissions/${admission.id}/infusion-events`, {
    version: ordered.version,
    type: 'start',
    occurredAt: minutesAgo(admittedMinutesAgo - 10),
  });
  return admission.id;
}

test('a nurse sees the overdue patient first, records a full set by keyboard alone, and the board shows it', async ({
  nursePage,
  request,
}) => {
  // Set-up as the prescriber, on a ward of this test's own.
  const ward = `E2E ward ${aUsername('')}`;
  const overdue = { familyName: 'Testwood', givenName: 'Ada' };
  const observed = { familyName: 'Fairweather', givenName: 'Ben' };
  await signInThroughApi(request, 'prescriber', DEMO_PASSWORD);
  // Started almost four hours ago and never observed: the first set after the start was due long since.
  await anInfusingAdmission(request, ward, '3', overdue, 240);
  const observedId = await anInfusingAdmission(request, ward, '5', observed, 240);
  const recent = await request.post(`/api/admissions/${observedId}/observation-sets`, {
    headers: { ...(await xsrfHeaders(request)), 'Idempotency-Key': `e2e-${aUsername('')}` },
    data: {
      takenAt: minutesAgo(5),
      respirationRate: 16,
      spo2: 97,
      supplementalOxygen: false,
      systolicBp: 122,
      diastolicBp: 76,
      pulse: 70,
      consciousness: 'alert',
      temperatureC: 36.7,
      sedation: '1',
      painScore: 3,
      pumpRate: { value: 0.15, unit: 'mg/kg/h' },
    },
  });
  await expect(recent).toBeOK();

  const board = new WardBoardPage(nursePage);
  const form = new ObservationFormPage(nursePage);

  // The nurse opens the board and picks the ward: the overdue patient comes first.
  await board.goto();
  await expect(board.heading).toBeVisible();
  await board.chooseWard(ward);
  await expect(board.patientRows).toHaveCount(2);
  await expect(board.patientRows.first()).toContainText(boardName(overdue));
  await expect(board.patientRows.first()).toContainText(/Overdue by \d+\s+h/);
  await expect(board.rowOf(boardName(observed))).toContainText('0 – low');
  await expect(board.updated).toBeVisible();
  await expectNoSeriousAxeViolations(nursePage, 'the ward board');

  await board.recordObservationsFor(boardName(overdue));
  await expect(form.heading).toBeVisible();
  await expect(form.orderedRate).toContainText('0.15 mg/kg/h');
  await expect(form.field('Respiration rate')).toBeFocused();
  await expectNoSeriousAxeViolations(nursePage, 'the observation form');
  await expect(form.field('Pump rate shown')).toHaveValue('');

  // A full set, keyboard only, Tab order as on the paper chart. Nothing is preselected: air, Alert and
  // "no side effects" are each answered with one key (ADR 6). Checks between keys press nothing.
  await expect(form.choice('Air')).not.toBeChecked();
  await expect(form.choice('Alert')).not.toBeChecked();
  const keys = form.countingKeyboard();
  await keys.type('21');
  await keys.press('Tab');
  await keys.type('95');
  await keys.press('Tab');
  // SpO2 scale 1 is the chart's default and no tab stop without a prescribed scale 2 target.
  await keys.type('a');
  await expect(form.choice('Air')).toBeChecked();
  await keys.press('Tab');
  await keys.type('124');
  await keys.press('Tab');
  await keys.type('78');
  await keys.press('Tab');
  await keys.type('92');
  await keys.press('Tab');
  await keys.type('a');
  await expect(form.choice('Alert')).toBeChecked();
  await keys.press('Tab');
  await keys.type('37.2');
  await keys.press('Tab');
  // POSS has no default: Tab lands on S, one arrow down chooses 1, awake and alert.
  await keys.press('ArrowDown');
  await expect(form.choice('1 Awake and alert')).toBeChecked();
  await keys.press('Tab');
  await keys.type('3');
  await keys.press('Tab');
  await keys.type('n');
  await expect(form.choice('None')).toBeChecked();
  await keys.press('Tab');
  await expect(form.field('Pump rate shown')).toBeFocused();
  await keys.type('0.15');

  // Live NEWS2 before saving: RR 21 scores 2, SpO2 95 scores 1, pulse 92 scores 1.
  await expect(form.beforeYouSave).toContainText('NEWS2 4 – low');
  await expect(form.beforeYouSave).toContainText('The pump shows the ordered rate, 0.15 mg/kg/h.');

  await keys.press('Enter');
  test.info().annotations.push({ type: 'keystrokes', description: String(keys.count) });
  expect(keys.count).toBeLessThanOrEqual(50);

  await expect(form.confirmation).toContainText('NEWS2 4 – low');
  await expect(form.confirmation).toContainText(/Next set due \S+.* \(ward time\)/);
  await expect(form.backToWardBoard).toBeFocused();
  await nursePage.keyboard.press('Enter');

  // Back on the board, the set is the patient's last, and the patient is no longer overdue.
  await expect(board.heading).toBeVisible();
  await expect(board.wardPicker).toHaveValue(ward);
  const row = board.rowOf(boardName(overdue));
  await expect(row).toContainText('4 – low');
  await expect(row).toContainText('Just now');
  await expect(row).toContainText(/1\s*Awake/);
  await expect(row).not.toContainText('Overdue');
});

test('a nurse records a partial set with its reason, and a confirmed RR of 6', async ({
  nursePage,
  request,
}) => {
  const ward = `E2E ward ${aUsername('')}`;
  const patient = { familyName: 'Partridge', givenName: 'Cleo' };
  await signInThroughApi(request, 'prescriber', DEMO_PASSWORD);
  const admissionId = await anInfusingAdmission(request, ward, '7', patient, 120);
  const form = new ObservationFormPage(nursePage);

  // Asleep and not disturbed: breathing and saturation only, and the reason.
  await nursePage.goto(`/ward/admissions/${admissionId}/observations/new`);
  await expect(form.heading).toBeVisible();
  await form.field('Respiration rate').fill('14');
  await form.field('SpO2').fill('96');
  await form.choice('Asleep, not disturbed').check();
  await nursePage.getByRole('button', { name: 'Save observations' }).click();
  await expect(form.confirmation).toContainText('Partial – Asleep, not disturbed');

  // RR 6: the form asks before saving, and the set is stored with the confirmation.
  await nursePage.getByRole('button', { name: 'Record another set' }).click();
  await form.field('Respiration rate').fill('6');
  await form.field('SpO2').fill('95');
  await form.choice('Air').check();
  await form.field('Systolic BP').fill('120');
  await form.field('Pulse').fill('80');
  await form.choice('Alert').check();
  await form.field('Temperature').fill('36.8');
  await nursePage.getByRole('button', { name: 'Save observations' }).click();
  await expect(nursePage.getByText('Confirm: RR 6?')).toBeVisible();
  await nursePage.getByRole('button', { name: 'Yes, save it' }).click();
  await expect(form.confirmation).toBeVisible();

  const sets = await request.get(`/api/admissions/${admissionId}/observation-sets`);
  const items = (await sets.json()).items as {
    respirationRate: number;
    partialReason: string | null;
    confirmedReadings: string[];
    sideEffects: unknown;
  }[];
  expect(
    items.map((set) => [set.respirationRate, set.partialReason, set.confirmedReadings, set.sideEffects]),
  ).toEqual([
    [6, null, ['respirationRate'], null],
    [14, 'asleep', [], null],
  ]);
});

test('a prescriber documents an SpO2 scale 2 target, a nurse then records a set on scale 2, and the prescriber withdraws it', async ({
  prescriberPage,
  browser,
}) => {
  const ward = `E2E ward ${aUsername('')}`;
  const patient = { familyName: 'Hargreaves', givenName: 'Dora' };
  const admissionId = await anInfusingAdmission(prescriberPage.request, ward, '9', patient, 120);
  const admission = new AdmissionPage(prescriberPage);

  // The prescriber documents the target on the admission page, as written on the prescription.
  await admission.goto(admissionId);
  await expect(admission.spo2Target).toHaveText('SpO2 target: Scale 1 (default)');
  await admission.documentSpo2Scale2Target('88-92%');
  await expect(admission.spo2Target).toHaveText(
    /SpO2 scale 2 target: 88-92% \(documented by you at \d{1,2} \w{3} \d{4}, \d{2}:\d{2}\)/,
  );
  await expect(admission.spo2Target).toBeFocused();
  await expectNoSeriousAxeViolations(prescriberPage, 'the admission page with an SpO2 scale 2 target');

  // The nurse, on another computer, is now offered scale 2 with the target, and records a set on it.
  const nurseComputer = await browser.newContext();
  const nursePage = await nurseComputer.newPage();
  await signInThroughApi(nursePage.request, 'nurse', DEMO_PASSWORD);
  const form = new ObservationFormPage(nursePage);
  await nursePage.goto(`/ward/admissions/${admissionId}/observations/new`);
  await expect(form.heading).toBeVisible();
  await form.field('Respiration rate').fill('16');
  await form.field('SpO2').fill('90');
  await form.choice('Scale 2 (prescribed target 88-92%)').check();
  await form.choice('Air').check();
  await form.field('Systolic BP').fill('124');
  await form.field('Pulse').fill('78');
  await form.choice('Alert').check();
  await form.field('Temperature').fill('36.8');
  // SpO2 90 scores 3 on scale 1 and nothing on scale 2 within the target.
  await expect(form.beforeYouSave).toContainText('NEWS2 0 – low');
  await nursePage.getByRole('button', { name: 'Save observations' }).click();
  await expect(form.confirmation).toContainText('NEWS2 0 – low');
  const sets = await nursePage.request.get(`/api/admissions/${admissionId}/observation-sets`);
  const items = (await sets.json()).items as { spo2: number; spo2Scale: number }[];
  expect(items.map((set) => [set.spo2, set.spo2Scale])).toEqual([[90, 2]]);

  // The prescriber withdraws it, after confirming; a nurse's new form then offers scale 1 only.
  await admission.withdrawSpo2Scale2Target();
  await expect(admission.spo2Target).toHaveText('SpO2 target: Scale 1 (default)');
  await nursePage.goto(`/ward/admissions/${admissionId}/observations/new`);
  await expect(form.heading).toBeVisible();
  await expect(nursePage.getByText('(no scale 2 target prescribed)')).toBeVisible();
  await expect(nursePage.getByRole('radio', { name: /^Scale 2/ })).toHaveCount(0);
  await nurseComputer.close();
});
