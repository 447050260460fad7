import { JsonPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatAnchor, MatButton } from '@angular/material/button';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatTableModule } from '@angular/material/table';
import { Subscription } from 'rxjs';
import { AuditEvent, AuditEventFilter } from '../core/api-types';
import { AppInfoStore } from '../core/app-info/app-info-store';
import { WardTimePipe, wardTimeToInstant } from '../shared/ward-time';
import { AdminApi } from './admin.api';

/** Who did what, when: the append-only audit trail, newest first as the server sends it. */
@Component({
  selector: 'app-audit-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
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
export class AuditPage {
  private readonly api = inject(AdminApi);
  private readonly appInfo = inject(AppInfoStore);
  private request: Subscription | null = null;

  protected readonly timeZone = this.appInfo.wardTimeZone;
  protected readonly columns = ['occurredAt', 'user', 'action', 'entity', 'admission', 'request', 'change'];
  protected readonly filterForm = inject(NonNullableFormBuilder).group({
    userId: '',
    admissionId: '',
    action: '',
    from: '',
    to: '',
  });

  protected readonly events = signal<AuditEvent[]>([]);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly loading = signal(false);
  private readonly applied = signal<AuditEventFilter>({});
  /** The export follows the filters last applied, not half-typed ones. */
  protected readonly csvUrl = computed(() => this.api.auditEventsCsvUrl(this.applied()));

  constructor() {
    this.fetch(null);
  }

  protected applyFilters(): void {
    const { userId, admissionId, action, from, to } = this.filterForm.getRawValue();
    const timeZone = this.timeZone();
    this.applied.set({
      userId,
      admissionId,
      action,
      from: from ? wardTimeToInstant(from, timeZone) : undefined,
      to: to ? wardTimeToInstant(to, timeZone) : undefined,
    });
    this.fetch(null);
  }

  protected clearFilters(): void {
    this.filterForm.reset();
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
