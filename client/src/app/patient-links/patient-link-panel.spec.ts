import { HttpTestingController } from '@angular/common/http/testing';
import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { button, field, settle, type } from '../../testing/dom';
import { aFollowUp } from '../../testing/factories';
import { provideTestApp } from '../../testing/providers';
import { FollowUp, FollowUpPatientLinks, PatientLinkSummary } from '../core/api-types';
import { PatientLinkPanel, describeAnswers, textToSend } from './patient-link-panel';
import { qrPath } from './qr-code';

const FOLLOW_UP = 'f0000000-0000-4000-8000-000000000001';
const LINKS_URL = `/api/follow-ups/${FOLLOW_UP}/patient-links`;

@Component({
  imports: [PatientLinkPanel],
  template: `<app-patient-link-panel
    [followUpId]="followUpId"
    followUpLabel="Week 4"
    patientName="Mai NGUYEN"
    (accepted)="accepted.set($event)"
  />`,
})
class Host {
  readonly followUpId = FOLLOW_UP;
  readonly accepted = signal<FollowUp | null>(null);
}

function aLink(overrides: Partial<PatientLinkSummary> = {}): PatientLinkSummary {
  return {
    id: 'l0000000-0000-4000-8000-000000000001',
    status: 'out',
    issuedBy: { id: 'n1', displayName: 'Sam Patel' },
    issuedAt: '2026-03-20T01:00:00Z',
    expiresAt: '2026-04-10T01:00:00Z',
    openedAt: null,
    revokedAt: null,
    response: null,
    ...overrides,
  };
}

/** A follow-up's links with the patient's answers waiting for review. */
function answersWaiting(
  answers: NonNullable<FollowUpPatientLinks['waiting']>['answers'] = { painNow: 3, benefitOngoing: true },
): FollowUpPatientLinks {
  return {
    followUpId: FOLLOW_UP,
    items: [aLink({ status: 'answered' })],
    waiting: {
      id: 'r1',
      answeredOn: '2026-03-21',
      submittedAt: '2026-03-21T01:00:00Z',
      review: 'waiting',
      reviewedBy: null,
      reviewedAt: null,
      rejectionReason: null,
      outcomeId: null,
      followUpId: FOLLOW_UP,
      admissionId: 'a1',
      answers,
    },
  };
}

describe('PatientLinkPanel', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: provideTestApp() });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function render(links: FollowUpPatientLinks) {
    const fixture = TestBed.createComponent(Host);
    await settle(fixture);
    http.expectOne(LINKS_URL).flush(links);
    await settle(fixture);
    return { fixture, root: fixture.nativeElement as HTMLElement };
  }

  it('issues a link and shows its address, a QR code drawn as SVG and the letter', async () => {
    const { fixture, root } = await render({ followUpId: FOLLOW_UP, items: [], waiting: null });
    expect(root.querySelector('[role=status]')?.textContent).toContain('No link issued');
    button(root, 'Issue a link for the patient').click();
    await settle(fixture);
    const issued = http.expectOne((request) => request.method === 'POST' && request.url === LINKS_URL);
    issued.flush({
      id: 'l1',
      followUpId: FOLLOW_UP,
      token: 'abcdefghijklmnopqrstuvwxyz234567',
      path: '/r/abcdefghijklmnopqrstuvwxyz234567',
      issuedAt: '2026-03-20T01:00:00Z',
      expiresAt: '2026-04-10T01:00:00Z',
      servicePhone: '02 9515 0000',
    });
    await settle(fixture);
    http.expectOne(LINKS_URL).flush({ followUpId: FOLLOW_UP, items: [aLink()], waiting: null });
    await settle(fixture);

    expect(root.textContent).toContain(`${location.origin}/r/abcdefghijklmnopqrstuvwxyz234567`);
    const qr = root.querySelector('app-qr-code svg');
    expect(qr?.getAttribute('role')).toBe('img');
    expect(qr?.querySelector('path')?.getAttribute('d')).toMatch(/^M\d+ \d+h1v1h-1z/);
    const letter = root.querySelector('.letter')!;
    expect(letter.textContent).toContain('Mai NGUYEN');
    expect(letter.textContent).toContain('02 9515 0000');
    expect(root.querySelector('[role=status]')?.textContent).toContain('not opened yet');
    expect(button(root, 'Revoke the link')).toBeTruthy();
  });

  it('shows the answers waiting for review and accepts them as the outcome', async () => {
    const { fixture, root } = await render(answersWaiting({ painNow: 3, pgic: 2, benefitOngoing: true }));
    expect(root.textContent).toContain('Much improved');
    expect(() => button(root, 'Issue a link for the patient')).toThrow();
    button(root, 'Accept as the outcome').click();
    await settle(fixture);
    const followUp = aFollowUp({ id: FOLLOW_UP, status: 'done' });
    http.expectOne('/api/patient-responses/r1/accept').flush(followUp);
    await settle(fixture);
    http
      .expectOne(LINKS_URL)
      .flush({ followUpId: FOLLOW_UP, items: [aLink({ status: 'answered' })], waiting: null });
    await settle(fixture);
    expect(fixture.componentInstance.accepted()).toEqual(followUp);
  });

  it('asks for a reason before rejecting the answers', async () => {
    const { fixture, root } = await render(answersWaiting());
    button(root, 'Reject…').click();
    await settle(fixture);
    button(root, 'Reject the answers').click();
    await settle(fixture);
    expect(root.querySelector('[role=alert]')?.textContent).toContain('Give a reason');
    http.expectNone('/api/patient-responses/r1/reject');
  });

  it('rejects the answers with the reason given, and allows 500 characters', async () => {
    const { fixture, root } = await render(answersWaiting());
    button(root, 'Reject…').click();
    await settle(fixture);
    const reason = field(root, 'Why reject these answers?');
    expect(reason.getAttribute('maxlength')).toBe('500');
    type(reason, '  Answered for another stay  ');
    button(root, 'Reject the answers').click();
    await settle(fixture);
    const rejected = http.expectOne('/api/patient-responses/r1/reject');
    expect(rejected.request.body).toEqual({ reason: 'Answered for another stay' });
    rejected.flush({});
    await settle(fixture);
    http
      .expectOne(LINKS_URL)
      .flush({ followUpId: FOLLOW_UP, items: [aLink({ status: 'answered' })], waiting: null });
    await settle(fixture);
    expect(root.querySelector('form.reject')).toBeNull();
  });
});

describe('patient link words', () => {
  it('writes a text to send with the link and the phone number', () => {
    expect(textToSend('Pain Medicine Unit', 'https://x/r/abc', '02 9515 0000')).toBe(
      'Pain Medicine Unit: please tell us how you are since your infusion. Open this link (it works once, for 21 days): https://x/r/abc Questions? Call 02 9515 0000.',
    );
  });

  it('says which questions were not answered rather than leaving them blank', () => {
    const rows = describeAnswers({ painNow: 4, benefitOngoing: false, benefitEndedOn: '2026-03-10' });
    expect(rows).toContainEqual({ question: 'Worst pain, last 7 days (0-10)', answer: 'Not answered' });
    expect(rows).toContainEqual({ question: 'Benefit wore off on', answer: '2026-03-10' });
  });

  it('draws a QR code of the version its length needs, with a 4-module quiet zone', () => {
    const { size, d } = qrPath('https://infusion.example/r/abcdefghijklmnopqrstuvwxyz234567');
    expect(size).toBeGreaterThanOrEqual(21 + 8);
    // No dark module in the quiet zone: the first dark module sits at (4, 4), the finder pattern's corner.
    expect(d.startsWith('M4 4h1v1h-1z')).toBe(true);
  });
});
