import { isPlatformServer } from '@angular/common';
import { Injectable, PLATFORM_ID, TransferState, inject, makeStateKey } from '@angular/core';
import { Observable, of, tap } from 'rxjs';

/**
 * What the server read while it rendered a page (ADR 13), handed to the browser with the page, so that the
 * app takes the page over without reading the record a second time. (HttpClient's own transfer cache
 * skips the API's answers: they are marked no-store, as a patient's record should be.) In the browser each
 * answer is taken once, by the first read: later reads ask the server for the record as it is then.
 */
@Injectable({ providedIn: 'root' })
export class PageState {
  private readonly transfer = inject(TransferState);
  private readonly onServer = isPlatformServer(inject(PLATFORM_ID));

  /** The answer the page came with under `key`, else `read()`; on the server, `read()` kept for the page. */
  read<T>(key: string, read: () => Observable<T>): Observable<T> {
    if (this.onServer) return read().pipe(tap((answer) => this.keep(key, answer)));
    const kept = this.take<T>(key);
    return kept === null ? read() : of(kept);
  }

  /** On the server: hands `answer` to the browser with the page, under `key`. */
  keep<T>(key: string, answer: T): void {
    this.transfer.set(makeStateKey<T>(key), answer);
  }

  /** In the browser: the answer the page came with under `key` (once), or null. */
  take<T>(key: string): T | null {
    const stateKey = makeStateKey<T>(key);
    const kept = this.transfer.get(stateKey, null);
    if (!this.onServer) this.transfer.remove(stateKey);
    return kept;
  }
}
