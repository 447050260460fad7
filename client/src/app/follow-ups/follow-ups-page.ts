import { HttpErrorResponse } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  Directive,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { MatAnchor, MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { NgTemplateOutlet } from '@angular/common';
import { Router, RouterLink } from '@angular/router';
import { Subscription } from 'rxjs';
import {
  FollowUp,
  INDICATIONS,
  Indication,
  Problem,
  StaffName,
  Ward,
  Worklist,
  WorklistEntry,
  WorklistFilter,
  WorklistFollowUp,
  WorklistSection,
} from '../core/api-types';
import { AppInfoStore } from '../core/app-info/app-info-store';
import { toProblem } from '../core/problem';
import { DRUG_LABELS, INDICATION_LABELS } from '../shared/admission-labels';
import {
  ATTEMPT_RESULT_LABELS,
  FOLLOW_UP_STATUS_LABELS,
  PHONE_LABEL_WORDS,
} from '../shared/follow-up-labels';
import { formatCalendarDate, patientName } from '../shared/patient-identity';
import { formatWardMinute, wardDate } from '../shared/ward-time';
import { WardApi } from '../ward/ward.api';
import { AttemptForm } from './attempt-form';
import { followUpTiming, phoneWords, preferredMethodWords, windowWords } from './follow-up-words';
import { FollowUpsApi } from './follow-ups.api';
// Patient-reported follow-ups (issue 13)
import { PatientLinkStatus } from '../patient-links/patient-link-status';

interface SectionWords {
  section: WorklistSection;
  heading: string;
  hint: string;
}

/** A section as the page lists it. */
interface SectionView extends SectionWords {
  entries: WorklistEntry[];
}

/** Types the context of the template that lists a section's entries (used for both kinds of section). */
@Directive({ selector: 'ng-template[appSectionEntries]' })
export class SectionEntriesTemplate {
  static ngTemplateContextGuard(
    _directive: SectionEntriesTemplate,
    _context: unknown,
  ): _context is { $implicit: SectionView; today: string } {
    return true;
  }
}

/** The sections of the day's calls, listed at once. */
const TO_DO_SECTIONS: readonly SectionWords[] = [
  { section: 'overdue', heading: 'Overdue', hint: 'Past the window, most overdue first' },
  { section: 'due', heading: 'Due today', hint: 'In the window today' },
  { section: 'missed', heading: 'Missed', hint: 'Too many failed attempts; the window is still open' },
];
/** Counted at once, listed when asked for. */
const UPCOMING: SectionWords = {
  section: 'upcoming',
  heading: 'Upcoming this week',
  hint: 'The window opens within 7 days',
};

/**
 * The follow-up worklist: whom to call today, one entry per admission in its most urgent section as the
 * server sorts them. From an entry the nurse records a contact attempt or opens the outcome form. The
 * admissions whose follow-ups are all upcoming are counted, and listed when the nurse asks for them.
 */
@Component({
  selector: 'app-follow-ups-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    NgTemplateOutlet,
    SectionEntriesTemplate,
    RouterLink,
    MatAnchor,
    MatButton,
    MatFormField,
    MatLabel,
    MatInput,
    AttemptForm,
    PatientLinkStatus,
  ],
  templateUrl: './follow-ups-page.html',
  styleUrl: './follow-ups-page.scss',
})
export class FollowUpsPage {
  /** Query parameters, so a link back from the outcome form returns to the same list. */
  readonly ward = input<string>();
  readonly indication = input<string>();
  readonly clinician = input<string>();
  /** 'shown' when the upcoming admissions are listed too. */
  readonly upcoming = input<string>();

  private readonly api = inject(FollowUpsApi);
  private readonly wardApi = inject(WardApi);
  private readonly appInfo = inject(AppInfoStore);
  private readonly router = inject(Router);
  private request: Subscription | null = null;

  protected readonly indications = INDICATIONS;
  protected readonly indicationLabels = INDICATION_LABELS;
  protected readonly drugLabels = DRUG_LABELS;
  protected readonly statusLabels = FOLLOW_UP_STATUS_LABELS;
  protected readonly resultLabels = ATTEMPT_RESULT_LABELS;
  protected readonly phoneLabels = PHONE_LABEL_WORDS;
  protected readonly patientName = patientName;
  protected readonly formatCalendarDate = formatCalendarDate;
  protected readonly windowWords = windowWords;
  protected readonly phoneWords = phoneWords;
  protected readonly preferredMethodWords = preferredMethodWords;

  protected readonly wards = signal<Ward[]>([]);
  protected readonly worklist = signal<Worklist | null>(null);
  protected readonly loadProblem = signal<Problem | null>(null);
  /** Clinicians seen on the list so far: the filter offers those who have patients to follow up. */
  protected readonly clinicians = signal<StaffName[]>([]);
  /** The follow-up whose attempt form is open, one at a time. */
  protected readonly attemptFor = signal<string | null>(null);
  protected readonly statusMessage = signal<string | null>(null);

  protected readonly upcomingWords = UPCOMING;
  protected readonly upcomingShown = computed(() => this.upcoming() === 'shown');
  protected readonly sections = computed(() =>
    TO_DO_SECTIONS.map((section) => this.section(section)).filter((section) => section.entries.length > 0),
  );
  protected readonly upcomingSection = computed(() => (this.upcomingShown() ? this.section(UPCOMING) : null));
  /** The ward in the address is offered even when no admission is open there (the wards list only those). */
  protected readonly wardChoices = computed(() => {
    const wards = this.wards();
    const selected = this.ward();
    return !selected || wards.some((ward) => ward.id === selected)
      ? wards
      : [{ id: selected, name: selected, openAdmissions: 0 }, ...wards];
  });
  protected readonly filtered = computed(() => Boolean(this.ward() || this.indication() || this.clinician()));

  /** What the address asks the server for. */
  private readonly filter = computed<WorklistFilter>(() => ({
    ward: this.ward() || undefined,
    indication: (this.indication() || undefined) as Indication | undefined,
    clinicianId: this.clinician() || undefined,
    show: this.upcomingShown() ? 'all' : 'to-do',
  }));

  constructor() {
    this.wardApi.listWards().subscribe({ next: (page) => this.wards.set(page.items) });
    effect(() => {
      const filter = this.filter();
      untracked(() => this.load(filter));
    });
  }

  protected showUpcoming(shown: boolean): void {
    void this.router.navigate([], {
      queryParams: { upcoming: shown ? 'shown' : null },
      queryParamsHandling: 'merge',
      replaceUrl: true,
    });
  }

  protected filterBy(name: 'ward' | 'indication' | 'clinician', event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    void this.router.navigate([], {
      queryParams: { [name]: value || null },
      queryParamsHandling: 'merge',
      replaceUrl: true,
    });
  }

  protected clearFilters(): void {
    void this.router.navigate([], {
      queryParams: { ward: null, indication: null, clinician: null },
      queryParamsHandling: 'merge',
      replaceUrl: true,
    });
  }

  protected timing(followUp: WorklistFollowUp, today: string): string {
    return followUpTiming(followUp, today);
  }

  protected lastAttempt(followUp: WorklistFollowUp): string {
    if (!followUp.lastAttemptAt) {
      return 'No attempts yet';
    }
    const result = followUp.lastAttemptResult
      ? `, ${this.resultLabels[followUp.lastAttemptResult].toLowerCase()}`
      : '';
    const count = followUp.attemptCount === 1 ? '1 attempt' : `${followUp.attemptCount} attempts`;
    return `${count}; last ${formatWardMinute(followUp.lastAttemptAt, this.appInfo.wardTimeZone())}${result}`;
  }

  protected indicationWords(entry: WorklistEntry): string {
    const admission = entry.admission;
    return admission.indication === 'other' && admission.indicationOther
      ? admission.indicationOther
      : this.indicationLabels[admission.indication];
  }

  protected stayWords(entry: WorklistEntry): string {
    const zone = this.appInfo.wardTimeZone();
    return `${formatCalendarDate(wardDate(entry.admission.admittedAt, zone))} – ${formatCalendarDate(
      wardDate(entry.admission.dischargedAt, zone),
    )}`;
  }

  protected attemptSaved(entry: WorklistEntry, followUp: FollowUp): void {
    const result = followUp.attempts.at(-1)?.result;
    const words = result ? `: ${this.resultLabels[result].toLowerCase()}` : '';
    this.statusMessage.set(`Attempt recorded for ${patientName(entry.patient)}${words}.`);
    // A decline leaves the form open on its question about withdrawal; else the entry updates now.
    if (result !== 'declined') {
      this.attemptFor.set(null);
      this.reload();
    }
  }

  protected withdrawn(entry: WorklistEntry): void {
    this.attemptFor.set(null);
    this.statusMessage.set(`${patientName(entry.patient)} is recorded as withdrawn from follow-up.`);
    this.reload();
  }

  protected closeAttempt(): void {
    this.attemptFor.set(null);
    this.reload();
  }

  private reload(): void {
    this.load(this.filter());
  }

  private section(words: SectionWords): SectionView {
    const entries = this.worklist()?.items.filter((entry) => entry.section === words.section) ?? [];
    return { ...words, entries };
  }

  private load(filter: WorklistFilter): void {
    this.request?.unsubscribe();
    this.request = this.api.worklist(filter).subscribe({
      next: (worklist) => {
        this.worklist.set(worklist);
        this.loadProblem.set(null);
        this.rememberClinicians(worklist);
      },
      error: (error: HttpErrorResponse) => this.loadProblem.set(toProblem(error)),
    });
  }

  private rememberClinicians(worklist: Worklist): void {
    const known = new Map(this.clinicians().map((staff) => [staff.id, staff]));
    for (const entry of worklist.items) {
      known.set(entry.admission.clinician.id, entry.admission.clinician);
    }
    this.clinicians.set([...known.values()].sort((a, b) => a.displayName.localeCompare(b.displayName)));
  }
}
