import { Clock } from '../app/core/idle/clock';

/** A clock that only moves when the test says so. */
export class FakeClock extends Clock {
  private time = Date.UTC(2025, 6, 1, 9, 0, 0);
  private readonly timers = new Set<{ intervalMs: number; due: number; tick: () => void }>();

  now(): number {
    return this.time;
  }

  every(intervalMs: number, tick: () => void): () => void {
    const timer = { intervalMs, due: this.time + intervalMs, tick };
    this.timers.add(timer);
    return () => this.timers.delete(timer);
  }

  /** Moves time on, firing each timer as it falls due. */
  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      const next = [...this.timers].sort((a, b) => a.due - b.due)[0];
      if (!next || next.due > end) {
        break;
      }
      this.time = next.due;
      next.due += next.intervalMs;
      next.tick();
    }
    this.time = end;
  }
}
