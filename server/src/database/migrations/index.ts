import { EnableExtensions1764061200000 } from './1764061200000-enable-extensions.js';

/** Every migration, in order. A landed migration is never edited: add a new one. */
export const migrations = [EnableExtensions1764061200000];
