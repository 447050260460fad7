import type { Keyboard, Locator, Page } from '@playwright/test';

/** Record observations: one observation set for one patient, at the bedside. */
export class ObservationFormPage {
  readonly heading: Locator;
  /** The ordered rate in large type: what the pump should show. */
  readonly orderedRate: Locator;
  /** NEWS2, its parameters and the flags, as they stand before saving. */
  readonly beforeYouSave: Locator;
  /** What the server stored, once saved. */
  readonly confirmation: Locator;
  readonly backToWardBoard: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Record observations' });
    this.orderedRate = page.getByRole('region', { name: /pump should show/ });
    this.beforeYouSave = page.getByRole('complementary', { name: 'Before you save' });
    this.confirmation = page.getByRole('region', { name: /^Saved: taken at/ });
    this.backToWardBoard = page.getByRole('link', { name: 'Back to the ward board', exact: true });
  }

  /** A text field of the chart, by its label: "Respiration rate", "SpO2", "Pump rate shown" ... */
  field(label: string): Locator {
    return this.page.getByRole('textbox', { name: label, exact: true });
  }

  /** One choice of a radio group: "Scale 1", "Air", "Alert", "1 Awake and alert" ... */
  choice(label: string): Locator {
    return this.page.getByRole('radio', { name: label, exact: true });
  }

  /** The keyboard, counting every key the nurse presses. */
  countingKeyboard(): CountingKeyboard {
    return new CountingKeyboard(this.page.keyboard);
  }
}

/** Types as the nurse does, one key at a time, and counts the keys: the issue allows 45 for a full set. */
export class CountingKeyboard {
  private pressed = 0;

  constructor(private readonly keyboard: Keyboard) {}

  get count(): number {
    return this.pressed;
  }

  /** Each character is one key. */
  async type(text: string): Promise<void> {
    await this.keyboard.type(text);
    this.pressed += text.length;
  }

  /** One key such as Tab, Enter or ArrowDown. */
  async press(key: string): Promise<void> {
    await this.keyboard.press(key);
    this.pressed += 1;
  }
}
