import { JsonPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, OnInit, computed, inject, input, signal } from '@angular/core';
import { FormControl, NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatAnchor, MatButton } from '@angular/material/button';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatTableModule } from '@angular/material/table';
import { Subscription } from 'rxjs';
import { AuditEvent, AuditEventFilter, AuditPatient, AuditUser } from '../core/api-types';
import { AppInfoStore } from '../core/app-info/app-info-store';
import { AuthState } from '../core/auth/auth-state';
import { patientName } from '../shared/patient-identity';
import { WardTimePipe, wardTimeToInstant } from '../shared/ward-time';
import { AdminApi } from './admin.api';
import { WardDateInput } from '../shared/ward-date-input';

/** What a link may narrow the trail to (?admissionId=&entityType=&entityId=): one admission, one record. */
export type AuditScope = Pick<AuditEventFilter, 'admissionId' | 'entityType' | 'entityId'>;

/**
 * Who did what, when: the append-only audit trail, newest first as the server sends it. Opened from a
 * record's "audit history" link, it shows that record's history until the person asks for the whole.
 */
@Component({
  selector: 'app-audit-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    WardDateInput,
    ReactiveFormsModule,
    JsonPipe,
    MatTableModule,
    MatFormField,
    MatLabel,
    MatHint,
    MatInput,
    MatButton,
    MatAnchor,
    WardTimePipe,
  ],
  templateUrl: './audit-page.html',
  styleUrl: './audit-page.scss',
})
export class AuditPage implements OnInit {
  private readonly api = inject(AdminApi);
  private readonly appInfo = inject(AppInfoStore);
  private request: Subscription | null = null;

  private readonly auth = inject(AuthState);

  protected readonly timeZone = this.appInfo.wardTimeZone;
  protected readonly patientName = patientName;
  /** Patient identity, and what a change recorded, are for admins; auditors see neither. */
  protected readonly identified = computed(() => this.auth.hasAnyRole(['admin']));
  protected readonly columns = ['occurredAt', 'user', 'action', 'entity', 'subject', 'request', 'change'];
  protected readonly users = signal<AuditUser[]>([]);
  protected readonly patientSearch = new FormControl('', { nonNullable: true });
  protected readonly patientResults = signal<AuditPatient[] | null>(null);
  /** The patient the trail is filtered by, picked from a search, never typed as an id. */
  protected readonly patient = signal<AuditPatient | null>(null);
  protected readonly filterForm = inject(NonNullableFormBuilder).group({
    userId: '',
    action: '',
    from: '',
    to: '',
  });

  protected readonly events = signal<AuditEvent[]>([]);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly loading = signal(false);
  private readonly applied = signal<AuditEventFilter>({});
  /** The link's query (?admissionId=&entityType=&entityId=), bound by the router. */
  readonly admissionId = input<string>();
  readonly entityType = input<string>();
  readonly entityId = input<string>();
  /** The record (or admission) the page was opened for, until the person asks for the whole trail. */
  protected readonly scope = signal<AuditScope | null>(null);
  /** The export follows the filters last applied, not half-typed ones. */
  protected readonly csvUrl = computed(() => this.api.auditEventsCsvUrl(this.applied()));

  constructor() {
    this.api.listAuditUsers().subscribe({ next: (page) => this.users.set(page.items) });
  }

  ngOnInit(): void {
    this.scope.set(
      scopeOf({ admissionId: this.admissionId(), entityType: this.entityType(), entityId: this.entityId() }),
    );
    this.applied.set({ ...this.scope() });
    this.fetch(null);
  }

  /** "observation set 0193…" or "admission 0193…": what the page is narrowed to, in words. */
  protected scopeWords(scope: AuditScope): string {
    if (scope.entityType) {
      const kind = scope.entityType.replaceAll('-', ' ');
      return scope.entityId ? `the ${kind} ${scope.entityId}` : `every ${kind}`;
    }
    return `the admission ${scope.admissionId}`;
  }

  protected showWholeTrail(): void {
    this.scope.set(null);
    this.applyFilters();
  }

  protected userLabel(user: AuditUser): string {
    return `${user.displayName} (${user.username})`;
  }

  protected findPatients(): void {
    const q = this.patientSearch.value.trim();
    if (!q) {
      return;
    }
    this.api.findAuditPatients(q).subscribe({ next: (page) => this.patientResults.set(page.items) });
  }

  protected choosePatient(patient: AuditPatient): void {
    this.patient.set(patient);
    this.patientResults.set(null);
    this.applyFilters();
  }

  protected clearPatient(): void {
    this.patient.set(null);
    this.patientSearch.reset();
    this.applyFilters();
  }

  protected applyFilters(): void {
    const { userId, action, from, to } = this.filterForm.getRawValue();
    const timeZone = this.timeZone();
    this.applied.set({
      ...this.scope(),
      userId,
      patientId: this.patient()?.id,
      action,
      from: from ? wardTimeToInstant(from, timeZone) : undefined,
      to: to ? wardTimeToInstant(to, timeZone) : undefined,
    });
    this.fetch(null);
  }

  protected clearFilters(): void {
    this.filterForm.reset();
    this.patient.set(null);
    this.patientResults.set(null);
    this.patientSearch.reset();
    this.applyFilters();
  }

  protected showUser(userId: string): void {
    this.filterForm.patchValue({ userId });
    this.applyFilters();
  }

  protected loadMore(): void {
    const cursor = this.nextCursor();
    if (cursor) {
      this.fetch(cursor);
    }
  }

  private fetch(cursor: string | null): void {
    this.request?.unsubscribe();
    this.loading.set(true);
    this.request = this.api.listAuditEvents(this.applied(), cursor).subscribe({
      next: (page) => {
        this.events.update((events) => (cursor ? [...events, ...page.items] : page.items));
        this.nextCursor.set(page.nextCursor);
        this.loading.set(false);
      },
      error: () => this.loading.set(false),
    });
  }
}

function scopeOf(query: AuditScope): AuditScope | null {
  const scope: AuditScope = {};
  for (const key of ['admissionId', 'entityType', 'entityId'] as const) {
    const value = query[key]?.trim();
    if (value) scope[key] = value;
  }
  return Object.keys(scope).length ? scope : null;
}
