import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { RouterTestingHarness } from '@angular/router/testing';
import { button, settle } from '../../testing/dom';
import { provideTestApp } from '../../testing/providers';
import { PublicResponsePage } from '../core/api-types';
import { PatientResponsePage } from './patient-response-page';

const TOKEN = 'abcdefghijklmnopqrstuvwxyz234567';
const URL = `/api/public/responses/${TOKEN}`;

function aPage(overrides: Partial<PublicResponsePage> = {}): PublicResponsePage {
  return {
    serviceName: 'Pain Medicine Unit',
    servicePhone: '02 9515 0000',
    infusionEndedOn: '2026-03-03',
    today: '2026-03-20',
    expiresAt: '2026-03-20T10:00:00Z',
    ...overrides,
  };
}

/** The radio button or checkbox whose own label reads `name`, inside the fieldset whose legend starts with `legend`. */
function choice(root: HTMLElement, legend: string, name: string): HTMLInputElement {
  const group = Array.from(root.querySelectorAll('fieldset')).find((fieldset) =>
    fieldset.querySelector('legend')?.textContent?.trim().startsWith(legend),
  );
  const label = Array.from(group?.querySelectorAll('label') ?? []).find(
    (candidate) => candidate.textContent?.trim() === name,
  );
  const input = label?.querySelector('input');
  if (!input) throw new Error(`No choice ${name} under ${legend}`);
  return input;
}

function pick(input: HTMLInputElement): void {
  input.checked = true;
  input.dispatchEvent(new Event('change'));
}

describe('PatientResponsePage', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: provideTestApp([{ path: 'r/:token', component: PatientResponsePage }]),
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function open(page: PublicResponsePage | null = aPage(), status = 404) {
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(`/r/${TOKEN}`, PatientResponsePage);
    const request = http.expectOne(URL);
    expect(request.request.method).toBe('GET');
    if (page) request.flush(page);
    else
      request.flush({ title: 'Not found', detail: 'This link cannot be used.' }, { status, statusText: 'x' });
    await settle(harness.fixture);
    return { harness, root: harness.routeNativeElement as HTMLElement };
  }

  it('greets the patient with the service and the day the infusion ended, nothing pre-ticked', async () => {
    const { root } = await open();
    expect(root.textContent).toContain('Pain Medicine Unit');
    expect(root.textContent).toContain('Your infusion ended on 3 March 2026');
    const checked = Array.from(root.querySelectorAll<HTMLInputElement>('input')).filter(
      (input) => input.checked,
    );
    expect(checked).toEqual([]);
    // Every question is a fieldset with a legend, or a labelled field.
    for (const input of Array.from(root.querySelectorAll<HTMLInputElement>('input[type=radio]'))) {
      expect(input.closest('fieldset')?.querySelector('legend')).not.toBeNull();
      expect(input.closest('label')).not.toBeNull();
    }
  });

  it('says what is missing, in plain words, in an alert, and sends nothing', async () => {
    const { harness, root } = await open();
    button(root, 'Send my answers').click();
    await settle(harness.fixture);
    const summary = root.querySelector('[role=alert]');
    expect(summary?.textContent).toContain('Please choose a number for your pain now.');
    expect(summary?.textContent).toContain('Please say whether the benefit is still there.');
    http.expectNone(URL);
  });

  it('asks when the benefit wore off only when it has, and sends only what was answered', async () => {
    const { harness, root } = await open();
    pick(choice(root, 'Your pain now', '6'));
    expect(root.querySelector('#benefitEndedOn')).toBeNull();
    pick(choice(root, 'Is the benefit', 'No, it has worn off (or I had no benefit)'));
    await settle(harness.fixture);
    const date = root.querySelector<HTMLInputElement>('#benefitEndedOn')!;
    expect(root.querySelector('label[for=benefitEndedOn]')?.textContent).toContain(
      'When did the benefit wear off?',
    );
    date.value = '2026-03-01';
    date.dispatchEvent(new Event('change'));
    button(root, 'Send my answers').click();
    await settle(harness.fixture);
    expect(root.querySelector('[role=alert]')?.textContent).toContain('before your infusion ended');
    http.expectNone(URL);

    date.value = '2026-03-14';
    date.dispatchEvent(new Event('change'));
    button(root, 'Send my answers').click();
    await settle(harness.fixture);
    const sent = http.expectOne((request) => request.method === 'POST' && request.url === URL);
    expect(sent.request.body).toEqual({ painNow: 6, benefitOngoing: false, benefitEndedOn: '2026-03-14' });
    sent.flush({ received: true });
    await settle(harness.fixture);
    expect(root.querySelector('h1')?.textContent).toContain('Thank you');
    expect(root.textContent).toContain('cannot be opened again');
  });

  it('shows the server’s objections beside the answers, in plain words', async () => {
    const { harness, root } = await open();
    pick(choice(root, 'Your pain now', '3'));
    pick(choice(root, 'Is the benefit', 'Yes, it is still there'));
    pick(choice(root, 'Since the start of treatment', 'Much improved'));
    button(root, 'Send my answers').click();
    await settle(harness.fixture);
    const sent = http.expectOne((request) => request.method === 'POST');
    expect(sent.request.body).toEqual({ painNow: 3, benefitOngoing: true, pgic: 2 });
    sent.flush(
      { title: 'Not consistent', errors: [{ field: 'benefitOngoing', messages: ['a later follow-up ...'] }] },
      { status: 422, statusText: 'Unprocessable' },
    );
    await settle(harness.fixture);
    expect(root.querySelector('#benefitOngoing-error')?.textContent).toContain(
      'We will check it with you by phone',
    );
    expect(root.textContent).not.toContain('a later follow-up');
  });

  it('shows the same neutral page for a link that cannot be used', async () => {
    const { root } = await open(null);
    expect(root.querySelector('h1')?.textContent).toBe('This link cannot be used');
    expect(root.querySelector('form')).toBeNull();
  });

  it('asks the patient to wait when there were too many tries', async () => {
    const { root } = await open(null, 429);
    expect(root.querySelector('h1')?.textContent).toBe('Please wait a few minutes');
  });
});
