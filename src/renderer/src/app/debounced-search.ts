/** An answer to one query, or the sentence of why there is none. */
export type SearchAnswer<T> =
  { query: string; value: T; error: null } | { query: string; value: null; error: unknown };

/**
 * Search as someone types: a query runs once typing pauses, and an answer that arrives
 * after a newer query was asked is dropped, so the results never go back in time. The
 * search box, the command palette and the concept pickers all search through it.
 */
export class DebouncedSearch<T> {
  private seq = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly run: (query: string) => Promise<T>,
    private readonly onAnswer: (answer: SearchAnswer<T>) => void,
    private readonly delay = 120,
  ) {}

  /** Runs `query` after the delay, unless another query comes first. */
  schedule(query: string): void {
    this.cancel();
    this.timer = setTimeout(() => void this.now(query), this.delay);
  }

  /** Runs `query` at once; resolves when its answer (or its staleness) is known. */
  async now(query: string): Promise<void> {
    clearTimeout(this.timer);
    const seq = ++this.seq;
    let answer: SearchAnswer<T>;
    try {
      answer = { query, value: await this.run(query), error: null };
    } catch (error) {
      answer = { query, value: null, error };
    }
    if (seq === this.seq) this.onAnswer(answer);
  }

  /** Drops a query waiting for its delay and any answer still on its way. */
  cancel(): void {
    clearTimeout(this.timer);
    this.seq++;
  }
}
