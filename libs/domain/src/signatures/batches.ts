interface Waiting<I, O> {
  item: I;
  resolve: (result: O) => void;
}

export interface BatchOptions<O> {
  /** What every item of a batch that failed as a whole gets. */
  fallback: O;
  /** Items per batch at most. */
  max: number;
  /** Batches running at once at most. */
  concurrency: number;
  failed?: (error: unknown) => void;
}

/**
 * Group commit for requests: callers hand in one item each and wait for its own result.
 * Items go at once while fewer than `concurrency` batches run (after the callers of the
 * same turn of the event loop joined them); the items that arrive while every batch runs
 * wait and go together into the next one, up to `max`. Under load one transaction serves
 * many requests; alone, a request is not held up. When a batch fails as a whole, every
 * item of it gets `fallback`, and its caller takes the one-at-a-time way.
 */
export class Batches<I, O> {
  private waiting: Waiting<I, O>[] = [];
  private running = 0;
  private scheduled = false;

  constructor(
    private readonly run: (items: I[]) => Promise<O[]>,
    private readonly options: BatchOptions<O>,
  ) {}

  call(item: I): Promise<O> {
    return new Promise<O>((resolve) => {
      this.waiting.push({ item, resolve });
      this.pump();
    });
  }

  private pump(): void {
    if (this.scheduled || this.running >= this.options.concurrency) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      while (this.waiting.length && this.running < this.options.concurrency) {
        void this.start(this.waiting.splice(0, this.options.max));
      }
    });
  }

  private async start(batch: Waiting<I, O>[]): Promise<void> {
    this.running++;
    let results: O[];
    try {
      results = await this.run(batch.map((w) => w.item));
    } catch (error) {
      this.options.failed?.(error);
      results = batch.map(() => this.options.fallback);
    }
    this.running--;
    batch.forEach((w, i) => w.resolve(results[i]));
    if (this.waiting.length) this.pump();
  }
}
