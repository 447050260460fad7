import { expect, test } from './fixtures';
import { expectNoSeriousAxeViolations } from './accessibility';

// Issue 4's journey: a prescriber admits a patient, writes an order, confirms the read-back, changes
// the rate, and the admission page shows the new current order and the history, exactly as entered.

test('a prescriber admits a patient, writes and changes the rate order with read-back', async ({
  prescriberPage: page,
  newPatientPage,
  admissionPage,
}) => {
  const mrn = `E2E${Date.now().toString(36).toUpperCase()}`;
  await newPatientPage.goto();
  await expectNoSeriousAxeViolations(page, 'the new patient page');
  await newPatientPage.register({
    mrn,
    familyName: 'Okafor',
    givenName: 'Ada',
    dateOfBirth: '1979-03-14',
    sex: 'Female',
  });
  await newPatientPage.admit({
    bed: '11',
    indication: 'CRPS (complex regional pain syndrome)',
    plannedDays: '5',
    baselinePain: '8',
  });

  await expect(page.getByRole('heading', { level: 1 })).toContainText('OKAFOR');
  await expect(admissionPage.currentOrder).toContainText('No current order');
  await expectNoSeriousAxeViolations(page, 'the admission page');

  await admissionPage.writeOrder({
    concentration: '2',
    concentrationUnit: 'mg/mL',
    rate: '0.1',
    rateUnit: 'mg/kg/h',
    reason: 'Starting rate',
  });
  await expect(admissionPage.readBack).toContainText('0.1 mg/kg/h');
  await expect(admissionPage.readBack).toContainText('2 mg/mL');
  await expectNoSeriousAxeViolations(page, 'the order read-back');
  await admissionPage.confirmReadBack();
  await expect(admissionPage.currentOrder).toContainText('0.1 mg/kg/h');

  await admissionPage.writeOrder({
    concentration: '2',
    concentrationUnit: 'mg/mL',
    rate: '0.15',
    rateUnit: 'mg/kg/h',
    reason: 'Tolerating well',
  });
  await expect(admissionPage.readBack).toContainText('0.15 mg/kg/h');
  await admissionPage.confirmReadBack();

  await expect(admissionPage.currentOrder).toContainText('0.15 mg/kg/h');
  const rows = admissionPage.orderHistory.getByRole('row');
  await expect(rows).toHaveCount(3); // header + two orders, newest first
  await expect(rows.nth(1)).toContainText('0.15 mg/kg/h');
  await expect(rows.nth(1)).toContainText('Current');
  await expect(rows.nth(2)).toContainText('0.1 mg/kg/h');
  // Nothing computed from the weight or the concentration: no mg/h or mL/h the prescriber did not type.
  await expect(page.getByText(/\d\s*(mg\/h|mL\/h)\b/)).toHaveCount(0);
});
