import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatAnchor } from '@angular/material/button';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import {
  Subject,
  catchError,
  debounceTime,
  distinctUntilChanged,
  map,
  merge,
  of,
  switchMap,
  tap,
} from 'rxjs';
import { AdmissionsApi } from '../admissions/admissions.api';
import { Patient } from '../core/api-types';
import { ACCESS } from '../core/auth/access';
import { AuthState } from '../core/auth/auth-state';
import { SEX_LABELS, formatCalendarDate, patientName } from '../shared/patient-identity';
import { PatientsApi } from './patients.api';

const TYPING_PAUSE_MS = 300;
/** The server answers at most this many matches. */
const MOST_RESULTS = 20;

/** Find a patient by MRN or name, then admit them or open their current admission. */
@Component({
  selector: 'app-patient-search-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatAnchor,
    MatFormField,
    MatLabel,
    MatHint,
    MatInput,
    MatTableModule,
  ],
  templateUrl: './patient-search-page.html',
  styleUrl: './patient-search-page.scss',
})
export class PatientSearchPage {
  private readonly api = inject(PatientsApi);
  private readonly admissionsApi = inject(AdmissionsApi);
  private readonly auth = inject(AuthState);
  private readonly searchNow$ = new Subject<string>();

  protected readonly canRegister = computed(() => this.auth.hasAnyRole(ACCESS.prescribing));
  protected readonly columns = ['name', 'mrn', 'dateOfBirth', 'sex', 'actions'];
  protected readonly patientName = patientName;
  protected readonly formatCalendarDate = formatCalendarDate;
  protected readonly mostResults = MOST_RESULTS;

  protected readonly form = inject(NonNullableFormBuilder).group({ text: '' });
  /** The text the results are for; empty before the first search. */
  protected readonly searchedFor = signal('');
  protected readonly patients = signal<Patient[]>([]);
  protected readonly searching = signal(false);
  /** Patient id to the id of their open admission, so a search leads to the record. */
  protected readonly openAdmissions = signal<ReadonlyMap<string, string>>(new Map());

  constructor() {
    this.admissionsApi
      .list()
      .subscribe(({ items }) =>
        this.openAdmissions.set(new Map(items.map((admission) => [admission.patient.id, admission.id]))),
      );
    merge(this.form.controls.text.valueChanges.pipe(debounceTime(TYPING_PAUSE_MS)), this.searchNow$)
      .pipe(
        map((text) => text.trim()),
        distinctUntilChanged(),
        tap(() => this.searching.set(true)),
        switchMap((text) =>
          text
            ? this.api.search(text).pipe(
                map(({ items }) => ({ text, items })),
                catchError(() => of({ text, items: [] })),
              )
            : of({ text, items: [] }),
        ),
        takeUntilDestroyed(),
      )
      .subscribe(({ text, items }) => {
        this.searching.set(false);
        this.searchedFor.set(text);
        this.patients.set(items);
      });
  }

  protected sexLabel(patient: Patient): string {
    return SEX_LABELS[patient.sex];
  }

  /** Enter searches at once, without waiting for the pause in typing. */
  protected searchNow(): void {
    this.searchNow$.next(this.form.getRawValue().text);
  }
}
