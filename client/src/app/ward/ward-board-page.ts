import { DOCUMENT } from '@angular/common';
import { HttpErrorResponse } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { MatAnchor } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { Router, RouterLink } from '@angular/router';
import { Subscription } from 'rxjs';
import { ObservationFlag, Problem, Ward, WardBoard, WardBoardRow } from '../core/api-types';
import { AppInfoStore } from '../core/app-info/app-info-store';
import { Clock } from '../core/idle/clock';
import { toProblem } from '../core/problem';
import { patientName } from '../shared/patient-identity';
import { formatWardClock } from '../shared/ward-time';
import { drugName, valueWithUnit } from '../shared/order-words';
import { StatusBadge } from '../shared/status-badge';
import { heldInfusionWords, isHeld } from '../shared/infusion-state';
import { agoWords, dueWords, wardClockWithSeconds } from './due-words';
import { FlagChip } from './flag-chip';
import { News2Band } from './news2-band';
import { DUE_REASON_LABELS, POSS_SHORT_LABELS, partialWords } from './observation-labels';
import { WardApi } from './ward.api';

/** The board is at most this old while the page is on screen (the issue asks for 30 s at most). */
export const BOARD_REFRESH_MS = 15_000;

/** Where this browser remembers how its user likes the board laid out. */
export const BOARD_DENSITY_KEY = 'infusion-tracker.ward-board.density';
export const BOARD_SORT_KEY = 'infusion-tracker.ward-board.sort';

export type BoardDensity = 'comfortable' | 'compact';
export type BoardSort = 'urgency' | 'bed';

const byBed = (a: WardBoardRow, b: WardBoardRow) => a.bed.localeCompare(b.bed, 'en', { numeric: true });
const sameOrder = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((id, index) => id === b[index]);

/**
 * Who needs the nurse next: one row per current admission on the chosen ward, most urgent first as the
 * server sorts them, refreshed while the page is on screen.
 */
@Component({
  selector: 'app-ward-board-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatAnchor, MatFormField, MatLabel, MatInput, StatusBadge, FlagChip, News2Band],
  templateUrl: './ward-board-page.html',
  styleUrl: './ward-board-page.scss',
})
export class WardBoardPage {
  /** Query parameter `ward`: the ward chosen in the picker, kept in the address so links can return to it. */
  readonly ward = input<string>();

  private readonly api = inject(WardApi);
  private readonly appInfo = inject(AppInfoStore);
  private readonly clock = inject(Clock);
  private readonly router = inject(Router);
  private readonly document = inject(DOCUMENT);

  private request: Subscription | null = null;
  private stopPolling: (() => void) | null = null;

  protected readonly possWords = POSS_SHORT_LABELS;
  protected readonly partialWords = partialWords;
  protected readonly dueReasonLabels = DUE_REASON_LABELS;
  protected readonly patientName = patientName;
  protected readonly valueWithUnit = valueWithUnit;
  protected readonly drugName = drugName;

  protected readonly isHeld = isHeld;

  protected readonly density = signal<BoardDensity>(
    this.remembered(BOARD_DENSITY_KEY) === 'compact' ? 'compact' : 'comfortable',
  );
  protected readonly sort = signal<BoardSort>(this.remembered(BOARD_SORT_KEY) === 'bed' ? 'bed' : 'urgency');

  /*
   * Rows never move under the user's pointer or focus: while either is in the table, the order on
   * screen is held (values still update in place) and a new order waits for the first refresh after
   * the pointer and focus have left, then is announced.
   */
  private pointerInTable = false;
  private focusInTable = false;
  private readonly heldOrder = signal<string[] | null>(null);
  /** What the polite live region says about the order of the rows. */
  protected readonly orderNote = signal('');

  protected readonly wards = signal<Ward[]>([]);
  protected readonly board = signal<WardBoard | null>(null);
  /** Why the last refresh failed; the board shown is then the one of `updatedAt`. */
  protected readonly refreshProblem = signal<Problem | null>(null);

  /** The ward in the address, else the ward this installation serves, else the first one listed. */
  protected readonly selectedWard = computed(
    () => this.ward() || this.appInfo.wardName() || this.wards()[0]?.id || '',
  );
  /** The picker lists the chosen ward even before, or without, the list of wards. */
  protected readonly wardChoices = computed(() => {
    const wards = this.wards();
    const selected = this.selectedWard();
    return !selected || wards.some((ward) => ward.id === selected)
      ? wards
      : [{ id: selected, name: selected, openAdmissions: 0 }, ...wards];
  });
  /** The board of the ward chosen now: never, for a moment, another ward's patients under this one's name. */
  protected readonly shown = computed(() => {
    const board = this.board();
    return board && board.ward === this.selectedWard() ? board : null;
  });
  /** The rows in the order chosen (server's urgency, or bed), before any hold. */
  private readonly sortedRows = computed(() => {
    const rows = this.shown()?.rows ?? [];
    return this.sort() === 'bed' ? [...rows].sort(byBed) : rows;
  });
  /** The rows as shown: in the held order while the user is in the table, new admissions last. */
  protected readonly rows = computed(() => {
    const sorted = this.sortedRows();
    const held = this.heldOrder();
    if (!held) {
      return sorted;
    }
    const byId = new Map(sorted.map((row) => [row.admissionId, row]));
    const kept = held.flatMap((id) => byId.get(id) ?? []);
    return [...kept, ...sorted.filter((row) => !held.includes(row.admissionId))];
  });
  protected readonly tableLabel = computed(
    () =>
      `Patients on ${this.shown()?.ward ?? ''}, ${this.sort() === 'bed' ? 'by bed' : 'most urgent first'}`,
  );
  protected readonly updatedAt = computed(() => {
    const board = this.shown();
    return board ? wardClockWithSeconds(board.generatedAt, board.timeZone) : null;
  });

  constructor() {
    this.api.listWards().subscribe({ next: (page) => this.wards.set(page.items) });

    effect(() => {
      const ward = this.selectedWard();
      untracked(() => this.watch(ward));
    });

    // A board on a tab nobody is looking at need not be fetched; it is brought up to date on return.
    const onVisibilityChange = () => this.watch(this.selectedWard());
    this.document.addEventListener('visibilitychange', onVisibilityChange);
    inject(DestroyRef).onDestroy(() => {
      this.document.removeEventListener('visibilitychange', onVisibilityChange);
      this.stop();
    });
  }

  protected chooseWard(event: Event): void {
    const ward = (event.target as HTMLSelectElement).value;
    void this.router.navigate([], { queryParams: { ward }, replaceUrl: true });
  }

  protected chooseDensity(density: BoardDensity): void {
    this.density.set(density);
    this.remember(BOARD_DENSITY_KEY, density);
  }

  protected chooseSort(sort: BoardSort): void {
    // The user asked for this order: apply it now, not at the next refresh.
    this.sort.set(sort);
    this.remember(BOARD_SORT_KEY, sort);
    this.heldOrder.set(null);
    this.orderNote.set('');
  }

  protected pointerEntered(): void {
    this.pointerInTable = true;
    this.hold();
  }

  protected pointerLeft(): void {
    this.pointerInTable = false;
  }

  protected focusEntered(): void {
    this.focusInTable = true;
    this.hold();
  }

  protected focusLeft(event: FocusEvent): void {
    const table = event.currentTarget as HTMLElement;
    this.focusInTable = !!event.relatedTarget && table.contains(event.relatedTarget as Node);
  }

  /** "Paused since 13:59: hallucinations", or null while the infusion runs. */
  protected heldWords(row: WardBoardRow, board: WardBoard): string | null {
    return heldInfusionWords(
      row.status,
      row.lastInfusionEvent,
      board.timeZone,
      Date.parse(board.generatedAt),
    );
  }

  protected due(row: WardBoardRow, board: WardBoard): string {
    return dueWords(row, board.generatedAt, board.timeZone);
  }

  protected takenAt(iso: string, board: WardBoard): string {
    return formatWardClock(iso, board.timeZone, Date.parse(board.generatedAt));
  }

  protected ago(iso: string, board: WardBoard): string {
    return agoWords(iso, board.generatedAt);
  }

  /** NEWS2 bands have their own column; the chips show what else the last set raised. */
  protected otherFlags(flags: ObservationFlag[]): ObservationFlag[] {
    return flags.filter((flag) => !flag.startsWith('news2-'));
  }

  private hold(): void {
    if (!this.heldOrder()) {
      this.heldOrder.set(this.rows().map((row) => row.admissionId));
    }
  }

  /** After each refresh: keep holding while the user is in the table, else apply the new order. */
  private settleOrder(): void {
    const held = this.heldOrder();
    if (!held) {
      return;
    }
    const fresh = this.sortedRows().map((row) => row.admissionId);
    const changed = !sameOrder(held, fresh);
    if (this.pointerInTable || this.focusInTable) {
      if (changed) {
        this.orderNote.set('The order has changed; it will be updated once you leave the table.');
      }
      return;
    }
    this.heldOrder.set(null);
    this.orderNote.set(changed ? 'The order of the patients has been updated.' : '');
  }

  private remembered(key: string): string | null {
    try {
      return this.document.defaultView?.localStorage.getItem(key) ?? null;
    } catch {
      return null;
    }
  }

  private remember(key: string, value: string): void {
    try {
      this.document.defaultView?.localStorage.setItem(key, value);
    } catch {
      // A browser that keeps nothing still shows the board as chosen, for this visit.
    }
  }

  private watch(ward: string): void {
    this.stop();
    if (!ward || this.document.visibilityState === 'hidden') {
      return;
    }
    this.refresh(ward);
    this.stopPolling = this.clock.every(BOARD_REFRESH_MS, () => this.refresh(ward));
  }

  private stop(): void {
    this.stopPolling?.();
    this.stopPolling = null;
    this.request?.unsubscribe();
    this.request = null;
  }

  private refresh(ward: string): void {
    // A slow answer is overtaken by the next one rather than piling up behind it.
    this.request?.unsubscribe();
    this.request = this.api.board(ward).subscribe({
      next: (board) => {
        this.board.set(board);
        this.refreshProblem.set(null);
        this.settleOrder();
      },
      error: (error: HttpErrorResponse) => this.refreshProblem.set(toProblem(error)),
    });
  }
}
