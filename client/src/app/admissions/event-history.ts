import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { MatTableModule } from '@angular/material/table';
import { InfusionEvent, StaffName } from '../core/api-types';
import { AuthState } from '../core/auth/auth-state';
import { WardTimePipe } from '../shared/ward-time';
import { EVENT_LABELS } from '../shared/admission-labels';
import { recordedBy } from './recorded-by';

/** Starts, pauses, resumes and stops in clinical time order, with when each was entered. */
@Component({
  selector: 'app-event-history',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatTableModule, WardTimePipe],
  template: `
    @if (events().length === 0) {
      <p class="empty">The infusion has not been started.</p>
    } @else {
      <div class="table-scroll" tabindex="0" role="region" aria-label="Infusion events table">
        <table mat-table [dataSource]="events()" aria-label="Infusion events, in clinical time order">
          <ng-container matColumnDef="type">
            <th mat-header-cell *matHeaderCellDef scope="col">Event</th>
            <td mat-cell *matCellDef="let event" class="event-type">{{ label(event) }}</td>
          </ng-container>
          <ng-container matColumnDef="occurredAt">
            <th mat-header-cell *matHeaderCellDef scope="col">When (clinical time)</th>
            <td mat-cell *matCellDef="let event" class="nowrap">
              {{ event.occurredAt | wardTime: 'minute' }}
            </td>
          </ng-container>
          <ng-container matColumnDef="reason">
            <th mat-header-cell *matHeaderCellDef scope="col">Reason</th>
            <td mat-cell *matCellDef="let event">{{ event.reason ?? '' }}</td>
          </ng-container>
          <ng-container matColumnDef="recorded">
            <th mat-header-cell *matHeaderCellDef scope="col">Entered</th>
            <td mat-cell *matCellDef="let event">
              <span class="nowrap">{{ event.recordedAt | wardTime: 'minute' }}</span>
              <span class="secondary">by {{ who(event.recordedBy) }}</span>
            </td>
          </ng-container>
          <tr mat-header-row *matHeaderRowDef="columns"></tr>
          <tr mat-row *matRowDef="let event; columns: columns"></tr>
        </table>
      </div>
    }
  `,
  styleUrl: './history-table.scss',
})
export class EventHistory {
  readonly events = input.required<InfusionEvent[]>();
  /** Names for the user ids in the history. */
  readonly staff = input<readonly StaffName[]>([]);

  private readonly auth = inject(AuthState);

  protected readonly columns = ['type', 'occurredAt', 'reason', 'recorded'];

  protected label(event: InfusionEvent): string {
    return EVENT_LABELS[event.type];
  }

  protected who(userId: string): string {
    return recordedBy(userId, this.auth.user()?.id, this.staff());
  }
}
