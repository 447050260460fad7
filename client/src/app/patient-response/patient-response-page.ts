import { HttpErrorResponse } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { Title } from '@angular/platform-browser';
import { firstValueFrom } from 'rxjs';
import { PGIC_DEFINITION } from '@infusion-tracker/clinical';
import { AdverseEffectGrade, PublicResponsePage } from '../core/api-types';
import { PatientResponseApi } from './patient-response.api';
import {
  AnswerField,
  AnswersDraft,
  draftProblems,
  emptyDraft,
  plainServerProblem,
  toAnswers,
} from './patient-answers-form';

type PageState = 'loading' | 'unusable' | 'limited' | 'unreachable' | 'answering' | 'sent';

/** "3 March 2026" for a calendar date, whatever the phone's time zone. */
export function longDate(date: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${date}T00:00:00Z`));
}

/**
 * The page a patient opens from their letter or text message (/r/<token>): no account, phone first,
 * plain words, one question per fieldset. Nothing is pre-ticked; what is not answered is not sent.
 */
@Component({
  selector: 'app-patient-response-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './patient-response-page.html',
  styleUrl: './patient-response-page.scss',
})
export class PatientResponsePage {
  /** The route's token, bound by the router. */
  readonly token = input.required<string>();

  private readonly api = inject(PatientResponseApi);
  private readonly title = inject(Title);
  private readonly errorSummary = viewChild<ElementRef<HTMLElement>>('errorSummary');
  private readonly sentHeading = viewChild<ElementRef<HTMLElement>>('sentHeading');

  protected readonly state = signal<PageState>('loading');
  protected readonly page = signal<PublicResponsePage | null>(null);
  protected readonly draft = signal<AnswersDraft>(emptyDraft());
  protected readonly problems = signal<Partial<Record<AnswerField, string>>>({});
  protected readonly sending = signal(false);
  protected readonly sendFailure = signal<string | null>(null);

  protected readonly scale = Array.from({ length: 11 }, (_, value) => value);
  protected readonly pgicChoices = PGIC_DEFINITION.scale.labels!;
  protected readonly grades: { value: AdverseEffectGrade; text: string }[] = [
    { value: 'none', text: 'None' },
    { value: 'mild', text: 'Mild' },
    { value: 'moderate', text: 'Moderate' },
    { value: 'severe', text: 'Severe' },
  ];
  protected readonly endedOn = computed(() => {
    const page = this.page();
    return page ? longDate(page.infusionEndedOn) : '';
  });
  protected readonly problemList = computed(() =>
    Object.entries(this.problems()).map(([field, message]) => ({ field, message: message! })),
  );

  constructor() {
    effect(() => {
      const token = this.token();
      untracked(() => void this.load(token));
    });
  }

  protected set<K extends keyof AnswersDraft>(field: K, value: AnswersDraft[K]): void {
    this.draft.update((draft) => ({ ...draft, [field]: value }));
    if (field in this.problems()) {
      this.problems.update((problems) => {
        const rest = { ...problems };
        delete rest[field as AnswerField];
        return rest;
      });
    }
  }

  protected text(event: Event): string {
    return (event.target as HTMLInputElement | HTMLTextAreaElement).value;
  }

  protected checked(event: Event): boolean {
    return (event.target as HTMLInputElement).checked;
  }

  protected async send(): Promise<void> {
    const page = this.page();
    if (!page || this.sending()) return;
    this.sendFailure.set(null);
    const problems = draftProblems(this.draft(), page);
    this.problems.set(problems);
    if (Object.keys(problems).length) {
      this.focusErrors();
      return;
    }
    this.sending.set(true);
    try {
      await firstValueFrom(this.api.send(this.token(), toAnswers(this.draft())));
      this.state.set('sent');
      this.title.setTitle('Thank you — answers sent');
      setTimeout(() => this.sentHeading()?.nativeElement.focus());
    } catch (error) {
      this.handleSendFailure(error);
    } finally {
      this.sending.set(false);
    }
  }

  /** From the error summary to the question's first control. */
  protected focusQuestion(field: string): void {
    document.querySelector<HTMLElement>(`#${field}-question input, #${field}-question textarea`)?.focus();
  }

  private async load(token: string): Promise<void> {
    this.state.set('loading');
    try {
      this.page.set(await firstValueFrom(this.api.open(token)));
      this.state.set('answering');
    } catch (error) {
      this.state.set(stateFor(error));
    }
  }

  private handleSendFailure(error: unknown): void {
    if (error instanceof HttpErrorResponse && (error.status === 400 || error.status === 422)) {
      const fields: { field: string }[] = error.error?.errors ?? [];
      const problems: Partial<Record<AnswerField, string>> = {};
      for (const { field } of fields) problems[field as AnswerField] = plainServerProblem(field);
      if (!fields.length) problems.comment = plainServerProblem('');
      this.problems.set(problems);
      this.focusErrors();
      return;
    }
    const state = stateFor(error);
    if (state === 'unreachable') {
      this.sendFailure.set('Your answers could not be sent. Check your internet connection and try again.');
    } else {
      this.state.set(state);
    }
  }

  private focusErrors(): void {
    setTimeout(() => this.errorSummary()?.nativeElement.focus());
  }
}

function stateFor(error: unknown): PageState {
  if (error instanceof HttpErrorResponse) {
    if (error.status === 429) return 'limited';
    if (error.status === 0 || error.status >= 500) return 'unreachable';
  }
  return 'unusable';
}
