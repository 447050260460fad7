import { HttpErrorResponse } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { firstValueFrom } from 'rxjs';
import { PGIC_DEFINITION } from '@infusion-tracker/clinical';
import { AppInfoStore } from '../core/app-info/app-info-store';
import {
  FollowUp,
  FollowUpPatientLinks,
  IssuedPatientLink,
  PatientAnswers,
  PatientLinkStatus,
} from '../core/api-types';
import { problemMessage, toProblem } from '../core/problem';
import { formatWardTime } from '../shared/ward-time';
import { PatientLinksApi } from './patient-links.api';
import { QrCode } from './qr-code';

export const LINK_STATUS_WORDS: Record<PatientLinkStatus, string> = {
  out: 'Link sent, not opened yet',
  opened: 'Link opened by the patient, not answered yet',
  answered: 'Answered by the patient',
  expired: 'Link expired without an answer',
  revoked: 'Link revoked',
};

/** The text a clinician copies into a text message or e-mail: the app sends nothing itself. */
export function textToSend(serviceName: string, url: string, phone: string | null): string {
  return (
    `${serviceName}: please tell us how you are since your infusion. ` +
    `Open this link (it works once, for 21 days): ${url}` +
    (phone ? ` Questions? Call ${phone}.` : '')
  );
}

/** The patient's answers, in the words of the questions, for the reviewer. */
export function describeAnswers(answers: PatientAnswers): { question: string; answer: string }[] {
  const pgic = PGIC_DEFINITION.scale.labels!.find((label) => label.value === answers.pgic)?.text;
  const rows = [
    { question: 'Pain now (0-10)', answer: String(answers.painNow) },
    {
      question: 'Worst pain, last 7 days (0-10)',
      answer: answers.painWorstWeek?.toString() ?? 'Not answered',
    },
    {
      question: 'Overall status since treatment (PGIC)',
      answer: pgic ? `${answers.pgic} ${pgic}` : 'Not answered',
    },
    { question: 'Benefit still there', answer: answers.benefitOngoing ? 'Yes' : 'No' },
  ];
  if (!answers.benefitOngoing) {
    rows.push({
      question: 'Benefit wore off on',
      answer: `${answers.benefitEndedOn}${answers.benefitEndedOnApproximate ? ' (approximately)' : ''}`,
    });
  }
  rows.push(
    { question: 'Side effects', answer: answers.adverseEffectsGrade ?? 'Not answered' },
    { question: 'Side effects described', answer: answers.adverseEffects ?? '—' },
    { question: 'Comment', answer: answers.comment ?? '—' },
  );
  return rows;
}

/** The longest reason for rejecting a patient's answers. */
const REJECTION_MAX_LENGTH = 500;

/**
 * On a follow-up: issue a one-time link for the patient (short URL, QR code, text to copy, a letter
 * to print), see what became of it, and accept or reject the answers the patient sent.
 */
@Component({
  selector: 'app-patient-link-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatButton, MatFormField, MatLabel, MatInput, MatError, QrCode],
  templateUrl: './patient-link-panel.html',
  styleUrl: './patient-link-panel.scss',
})
export class PatientLinkPanel {
  readonly followUpId = input.required<string>();
  readonly followUpLabel = input.required<string>();
  /** "Given FAMILY", for the letter. */
  readonly patientName = input.required<string>();
  /** True when the follow-up takes no more outcomes (done, cancelled): no link may be issued. */
  readonly closed = input(false);
  /** The answers were accepted: the follow-up, with its outcome now. */
  readonly accepted = output<FollowUp>();

  private readonly api = inject(PatientLinksApi);
  private readonly appInfo = inject(AppInfoStore);
  private readonly letter = viewChild<ElementRef<HTMLElement>>('letter');

  protected readonly links = signal<FollowUpPatientLinks | null>(null);
  protected readonly issued = signal<IssuedPatientLink | null>(null);
  protected readonly busy = signal(false);
  protected readonly failure = signal<string | null>(null);
  protected readonly copied = signal(false);
  protected readonly rejecting = signal(false);
  // Reactive, like the app's other forms: the template-driven FormsModule only here would add NgModel and
  // its validators to the forms code the sign-in page loads.
  protected readonly rejection = new FormGroup({
    reason: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(REJECTION_MAX_LENGTH)],
    }),
  });
  protected readonly rejectionMaxLength = REJECTION_MAX_LENGTH;
  protected readonly rejectionMissing = signal(false);

  protected readonly serviceName = this.appInfo.wardName;
  protected readonly latest = computed(() => this.links()?.items[0] ?? null);
  protected readonly statusWords = computed(() => {
    const latest = this.latest();
    if (!latest) return 'No link issued';
    if (latest.status === 'answered' && latest.response) {
      return latest.response.review === 'waiting'
        ? 'Answered by the patient: waiting for review'
        : `Answered by the patient: ${latest.response.review}`;
    }
    return LINK_STATUS_WORDS[latest.status];
  });
  protected readonly canRevoke = computed(() => {
    const status = this.latest()?.status;
    return status === 'out' || status === 'opened';
  });
  protected readonly url = computed(() => {
    const issued = this.issued();
    return issued ? `${location.origin}${issued.path}` : '';
  });
  protected readonly message = computed(() =>
    textToSend(this.serviceName(), this.url(), this.issued()?.servicePhone ?? null),
  );
  protected readonly answers = computed(() => {
    const waiting = this.links()?.waiting;
    return waiting ? describeAnswers(waiting.answers) : [];
  });

  constructor() {
    effect(() => {
      const id = this.followUpId();
      untracked(() => void this.load(id));
    });
  }

  protected expiry(iso: string): string {
    return formatWardTime(iso, this.appInfo.wardTimeZone());
  }

  /** "19 December 2026", for the patient's letter. */
  protected day(iso: string): string {
    return new Intl.DateTimeFormat('en-GB', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: this.appInfo.wardTimeZone(),
    }).format(new Date(iso));
  }

  protected async issue(): Promise<void> {
    if (this.canRevoke() && !confirm('A link is already out. Issuing a new one stops the old one. Go on?'))
      return;
    await this.run(async () => {
      this.issued.set(await firstValueFrom(this.api.issue(this.followUpId())));
      this.copied.set(false);
    });
  }

  protected async revoke(): Promise<void> {
    const latest = this.latest();
    if (!latest) return;
    await this.run(async () => {
      await firstValueFrom(this.api.revoke(latest.id));
      this.issued.set(null);
    });
  }

  protected async copy(): Promise<void> {
    await navigator.clipboard.writeText(this.message());
    this.copied.set(true);
  }

  /** The letter alone, in a window of its own, so the page around it is not printed. */
  protected printLetter(): void {
    const letter = this.letter()?.nativeElement;
    const printable = letter ? window.open('', '_blank', 'noopener=no,width=800,height=1000') : null;
    if (!letter || !printable) return;
    printable.document.write(
      `<!doctype html><html lang="en-GB"><head><title>Letter</title><style>${LETTER_STYLE}</style></head>` +
        `<body>${letter.outerHTML}</body></html>`,
    );
    printable.document.close();
    printable.focus();
    printable.print();
  }

  protected async accept(): Promise<void> {
    const waiting = this.links()?.waiting;
    if (!waiting) return;
    await this.run(async () => {
      this.accepted.emit(await firstValueFrom(this.api.accept(waiting.id)));
    });
  }

  protected async reject(): Promise<void> {
    const waiting = this.links()?.waiting;
    if (!waiting) return;
    const reason = this.rejection.controls.reason.value.trim();
    if (!reason) {
      this.rejectionMissing.set(true);
      return;
    }
    await this.run(async () => {
      await firstValueFrom(this.api.reject(waiting.id, reason));
      this.rejecting.set(false);
      this.rejection.reset();
    });
  }

  private async run(action: () => Promise<void>): Promise<void> {
    this.busy.set(true);
    this.failure.set(null);
    try {
      await action();
      await this.load(this.followUpId());
    } catch (error) {
      this.failure.set(
        error instanceof HttpErrorResponse ? problemMessage(toProblem(error)) : 'Something went wrong.',
      );
    } finally {
      this.busy.set(false);
    }
  }

  private async load(followUpId: string): Promise<void> {
    try {
      this.links.set(await firstValueFrom(this.api.forFollowUp(followUpId)));
    } catch {
      this.links.set(null);
    }
  }
}

const LETTER_STYLE = `
  body { font: 12pt/1.5 system-ui, sans-serif; margin: 2cm; color: #000; }
  .letter-address { min-height: 4cm; white-space: pre-line; }
  .letter-link { font: 14pt monospace; word-break: break-all; }
  app-qr-code, app-qr-code svg { width: 5cm; height: 5cm; display: block; }
  h3 { font-size: 16pt; }
`;
