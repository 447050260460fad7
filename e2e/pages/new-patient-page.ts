import type { Page } from '@playwright/test';

export interface NewPatient {
  mrn: string;
  familyName: string;
  givenName: string;
  dateOfBirth: string;
  sex: 'Female' | 'Male' | 'Other' | 'Unknown';
}

/** Patients > New patient, then the admit form it leads to. */
export class NewPatientPage {
  constructor(private readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto('/patients/new');
  }

  async register(patient: NewPatient): Promise<void> {
    await this.page.getByLabel('MRN').fill(patient.mrn);
    await this.page.getByLabel('Family name').fill(patient.familyName);
    await this.page.getByLabel('Given name').fill(patient.givenName);
    await this.page.getByLabel('Date of birth').fill(patient.dateOfBirth);
    await this.page.getByLabel('Sex').selectOption({ label: patient.sex });
    await this.page.getByRole('button', { name: 'Register and admit' }).click();
  }

  async admit(details: {
    bed: string;
    indication: string;
    plannedDays: string;
    baselinePain: string;
  }): Promise<void> {
    await this.page.getByRole('heading', { level: 1, name: 'Admit patient' }).waitFor();
    await this.page.getByLabel('Bed').fill(details.bed);
    await this.page.getByLabel('Indication', { exact: true }).selectOption({ label: details.indication });
    await this.page.getByLabel('Planned days').fill(details.plannedDays);
    await this.page.getByLabel('Baseline pain (NRS 0-10)').fill(details.baselinePain);
    await this.page.getByRole('checkbox', { name: 'Consent obtained' }).check();
    await this.page.getByRole('button', { name: 'Admit', exact: true }).click();
  }
}
