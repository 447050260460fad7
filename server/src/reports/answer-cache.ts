/**
 * The last answers of a report, each kept with the version of the data it was made from (ADR 9): an
 * answer is given again only for the same question at the same version, so it is never stale. A few
 * questions at most (the oldest is forgotten first): the reports' filters are few in practice.
 */
export class AnswerCache<T> {
  private readonly answers = new Map<string, { version: string; answer: T }>();

  constructor(private readonly capacity = 32) {}

  async get(question: string, version: string, make: () => Promise<T>): Promise<T> {
    const kept = this.answers.get(question);
    if (kept?.version === version) return kept.answer;
    const answer = await make();
    this.answers.delete(question);
    this.answers.set(question, { version, answer });
    if (this.answers.size > this.capacity) this.answers.delete(this.answers.keys().next().value!);
    return answer;
  }
}
