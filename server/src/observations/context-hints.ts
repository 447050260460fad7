import { RecentHints } from '../common/recent-hints.js';
import type { ObservationContext } from './observations.queries.js';

/**
 * The last context seen for each admission (status, start, current order), kept in this process so that
 * recording a set usually takes one statement instead of two. It is only a guess: the insert checks it
 * against the database and stores nothing when it has gone stale, so it never decides what is stored.
 * Bounded, dropping the admission seen longest ago.
 */
export class ContextHints extends RecentHints<ObservationContext> {}
