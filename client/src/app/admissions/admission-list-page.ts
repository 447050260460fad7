import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { AdmissionSummary } from '../core/api-types';
import { AppInfoStore } from '../core/app-info/app-info-store';
import { ACCESS } from '../core/auth/access';
import { AuthState } from '../core/auth/auth-state';
import { Clock } from '../core/idle/clock';
import { patientName } from '../shared/patient-identity';
import { AdmissionsApi } from './admissions.api';
import { describeStay } from '../shared/day-of-stay';
import { valueWithUnit } from '../shared/order-words';
import { StatusBadge } from '../shared/status-badge';

/** Everyone currently admitted or planned, by ward and bed, with the rate they are on. */
@Component({
  selector: 'app-admission-list-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatTableModule, StatusBadge],
  templateUrl: './admission-list-page.html',
  styleUrl: './admission-list-page.scss',
})
export class AdmissionListPage {
  private readonly api = inject(AdmissionsApi);
  private readonly appInfo = inject(AppInfoStore);
  private readonly clock = inject(Clock);
  private readonly auth = inject(AuthState);

  protected readonly canAdmit = computed(() => this.auth.hasAnyRole(ACCESS.prescribing));
  protected readonly columns = ['bed', 'patient', 'status', 'day', 'order'];
  protected readonly patientName = patientName;
  protected readonly valueWithUnit = valueWithUnit;

  protected readonly admissions = signal<AdmissionSummary[]>([]);
  protected readonly loading = signal(true);
  /** Show the ward beside the bed only when the list spans more than one. */
  protected readonly severalWards = computed(() => new Set(this.admissions().map((a) => a.ward)).size > 1);

  constructor() {
    this.api.list().subscribe({
      next: ({ items }) => {
        this.admissions.set(items);
        this.loading.set(false);
      },
      error: () => this.loading.set(false),
    });
  }

  protected stay(admission: AdmissionSummary): string {
    return describeStay(admission, this.clock.now(), this.appInfo.wardTimeZone());
  }
}
