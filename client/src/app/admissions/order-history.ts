import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatTableModule } from '@angular/material/table';
import { InfusionOrder, StaffName } from '../core/api-types';
import { AuthState } from '../core/auth/auth-state';
import { WardTimePipe } from '../shared/ward-time';
import { drugName, minutes, routeShort, valueWithUnit } from '../shared/order-words';
import { recordedBy } from './recorded-by';

/** Every order of the admission, newest first, the ones entered in error struck through and saying why. */
@Component({
  selector: 'app-order-history',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatTableModule, MatButton, WardTimePipe],
  templateUrl: './order-history.html',
  styleUrl: './history-table.scss',
})
export class OrderHistory {
  readonly orders = input.required<InfusionOrder[]>();
  /** Names for the user ids in the history. */
  readonly staff = input<readonly StaffName[]>([]);
  readonly currentOrderId = input<string | null>(null);
  /** Prescribers may mark an order entered in error. */
  readonly canCorrect = input(false);
  readonly markEnteredInError = output<InfusionOrder>();

  private readonly auth = inject(AuthState);

  protected readonly valueWithUnit = valueWithUnit;
  protected readonly drugName = drugName;
  protected readonly routeShort = routeShort;
  protected readonly minutes = minutes;
  protected readonly columns = computed(() => [
    'effectiveFrom',
    'rate',
    'concentration',
    'maximum',
    'reason',
    'entered',
    ...(this.canCorrect() ? ['actions'] : []),
  ]);

  protected who(userId: string): string {
    return recordedBy(userId, this.auth.user()?.id, this.staff());
  }
}
