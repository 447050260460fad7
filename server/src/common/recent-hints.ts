/**
 * What this process last saw of something the database holds, by key, to save a statement on a hot
 * path. Only ever a guess: whoever uses one checks it against the database in the statement that acts
 * on it. Bounded, dropping the entry seen longest ago.
 */
export class RecentHints<Value> {
  private readonly byKey = new Map<string, Value>();

  constructor(private readonly capacity = 2000) {}

  get(key: string): Value | undefined {
    return this.byKey.get(key);
  }

  remember(key: string, value: Value): void {
    this.byKey.delete(key);
    this.byKey.set(key, value);
    if (this.byKey.size > this.capacity) {
      this.byKey.delete(this.byKey.keys().next().value!);
    }
  }

  forget(key: string): void {
    this.byKey.delete(key);
  }

  /** Forgets every entry the test picks. */
  forgetWhere(test: (value: Value) => boolean): void {
    for (const [key, value] of this.byKey) if (test(value)) this.byKey.delete(key);
  }

  get size(): number {
    return this.byKey.size;
  }
}
