import type { Locator, Page } from '@playwright/test';

export interface PatientAnswers {
  painNow: string;
  painWorstWeek?: string;
  /** As the page words it: "Much improved". */
  overallStatus?: string;
  benefitStillThere: boolean;
  /** YYYY-MM-DD */
  benefitWoreOffOn?: string;
  sideEffects?: 'None' | 'Mild' | 'Moderate' | 'Severe';
  comment?: string;
}

/** The page a patient opens from a one-time link (/r/<token>), without an account. */
export class PatientResponsePage {
  readonly heading: Locator;
  readonly sendButton: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.sendButton = page.getByRole('button', { name: 'Send my answers' });
  }

  async goto(url: string): Promise<void> {
    await this.page.goto(url);
  }

  private question(legend: string | RegExp): Locator {
    return this.page.getByRole('group', { name: legend });
  }

  async answer(answers: PatientAnswers): Promise<void> {
    await this.question(/^Your pain now/)
      .getByRole('radio', { name: answers.painNow, exact: true })
      .check();
    if (answers.painWorstWeek) {
      await this.question(/^Your worst pain/)
        .getByRole('radio', { name: answers.painWorstWeek, exact: true })
        .check();
    }
    if (answers.overallStatus) {
      await this.question(/^Since the start of treatment/)
        .getByRole('radio', { name: answers.overallStatus, exact: true })
        .check();
    }
    await this.question(/^Is the benefit of the infusion still there/)
      .getByRole('radio', { name: answers.benefitStillThere ? /^Yes/ : /^No/ })
      .check();
    if (answers.benefitWoreOffOn) {
      await this.page.getByLabel(/^When did the benefit wear off/).fill(answers.benefitWoreOffOn);
    }
    if (answers.sideEffects) {
      await this.question(/^Have you had side effects/)
        .getByRole('radio', { name: answers.sideEffects, exact: true })
        .check();
    }
    if (answers.comment) {
      await this.page.getByLabel(/^Anything else you want to tell us/).fill(answers.comment);
    }
  }

  async send(): Promise<void> {
    await this.sendButton.click();
  }
}
