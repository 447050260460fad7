import { xsrfHeaders, signInThroughApi } from './api';
import { expectNoSeriousAxeViolations } from './accessibility';
import { DEMO_PASSWORD, aUsername, expect, test } from './fixtures';
import { WardBoardPage } from './pages/ward-board-page';

const MINUTE = 60_000;
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * MINUTE).toISOString();

// Issue 12: a paused infusion never looks like a running one. The board says "Paused since ..." first,
// and the rate is the last ordered one, not in the bold type of a running rate.
test('the board and the admission page show a paused infusion as paused first, its rate only as the last ordered', async ({
  nursePage,
  request,
}) => {
  const ward = `E2E ward ${aUsername('')}`;
  await signInThroughApi(request, 'prescriber', DEMO_PASSWORD);
  const headers = await xsrfHeaders(request);
  const post = async <T>(url: string, data: unknown): Promise<T> => {
    const response = await request.post(url, { data, headers });
    await expect(response, `POST ${url}`).toBeOK();
    return (await response.json()) as T;
  };
  const running = { familyName: 'Runningham', givenName: 'Rae' };
  const paused = { familyName: 'Pauling', givenName: 'Lin' };
  const admit = async (bed: string, patient: { familyName: string; givenName: string }) => {
    const { id: patientId } = await post<{ id: string }>('/api/patients', {
      mrn: aUsername('P').slice(0, 20),
      ...patient,
      dateOfBirth: '1970-01-02',
      sex: 'female',
    });
    const admission = await post<{ id: string; version: number }>('/api/admissions', {
      patientId,
      ward,
      bed,
      indication: 'crps',
      admittedAt: minutesAgo(180),
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
        effectiveFrom: minutesAgo(170),
        reason: 'Starting dose',
      },
    );
    const started = await post<{ id: string; version: number }>(
      `/api/admissions/${admission.id}/infusion-events`,
      {
        version: ordered.version,
        type: 'start',
        occurredAt: minutesAgo(160),
      },
    );
    return started;
  };
  await admit('1', running);
  const toPause = await admit('2', paused);
  await post(`/api/admissions/${toPause.id}/infusion-events`, {
    version: toPause.version,
    type: 'pause',
    occurredAt: minutesAgo(20),
    reason: 'hallucinations',
  });

  const board = new WardBoardPage(nursePage);
  await board.goto();
  await board.chooseWard(ward);
  await expect(board.patientRows).toHaveCount(2);

  const pausedInfusion = board.rowOf('PAULING, Lin').getByRole('cell').nth(1);
  await expect(pausedInfusion).toHaveText(
    /^Paused since (\d{1,2} \w{3}, )?\d\d:\d\d: hallucinations\s*Last ordered rate 0.15 mg\/kg\/h/,
  );
  const runningInfusion = board.rowOf('RUNNINGHAM, Rae').getByRole('cell').nth(1);
  await expect(runningInfusion).toHaveText(/^Infusing\s*0.15 mg\/kg\/h/);
  // The running rate is bold; the paused one's last ordered rate is not.
  const weight = async (cell: typeof pausedInfusion, text: string) =>
    Number(
      await cell
        .getByText(text, { exact: false })
        .last()
        .evaluate((element) => getComputedStyle(element).fontWeight),
    );
  expect(await weight(runningInfusion, '0.15 mg/kg/h')).toBeGreaterThanOrEqual(600);
  expect(await weight(pausedInfusion, 'Last ordered rate')).toBeLessThan(600);
  await expectNoSeriousAxeViolations(nursePage, 'the ward board');

  await nursePage.getByRole('link', { name: 'PAULING, Lin', exact: true }).click();
  const currentOrder = nursePage.getByRole('region', { name: 'Current order' });
  await expect(currentOrder).toHaveText(
    /Paused since (\d{1,2} \w{3}, )?\d\d:\d\d: hallucinations\s*Last ordered rate: Ketamine 2 mg\/mL at 0.15 mg\/kg\/h/,
  );
  await expectNoSeriousAxeViolations(nursePage, 'the admission page');
});
