import type { ObservationContext } from './observations.queries.js';

/**
 * The last context seen for each admission (status, start, current order), kept in this process so that
 * recording a set usually takes one statement instead of two. It is only a guess: the insert checks it
 * against the database and stores nothing when it has gone stale, so it never decides what is stored.
 * Bounded, dropping the admission seen longest ago.
 */
export class ContextHints {
  private readonly byAdmission = new Map<string, ObservationContext>();

  constructor(private readonly capacity = 2000) {}

  get(admissionId: string): ObservationContext | undefined {
    return this.byAdmission.get(admissionId);
  }

  remember(admissionId: string, context: ObservationContext): void {
    this.byAdmission.delete(admissionId);
    this.byAdmission.set(admissionId, context);
    if (this.byAdmission.size > this.capacity) {
      this.byAdmission.delete(this.byAdmission.keys().next().value!);
    }
  }

  get size(): number {
    return this.byAdmission.size;
  }
}
