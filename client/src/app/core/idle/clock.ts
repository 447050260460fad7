import { Injectable } from '@angular/core';

/** Time as the idle lock sees it; tests replace it with a clock they move by hand. */
@Injectable({ providedIn: 'root', useFactory: () => new SystemClock() })
export abstract class Clock {
  /** Milliseconds since the epoch. */
  abstract now(): number;
  /** Calls `tick` every `intervalMs` until the returned function is called. */
  abstract every(intervalMs: number, tick: () => void): () => void;
}

export class SystemClock extends Clock {
  now(): number {
    return Date.now();
  }

  every(intervalMs: number, tick: () => void): () => void {
    const id = setInterval(tick, intervalMs);
    return () => clearInterval(id);
  }
}
