interface Waiting<I, O> {
  item: I;
  resolve: (result: O) => void;
  reject: (error: unknown) => void;
}

/**
 * Group calls: callers hand in one item each and wait for its own result; the items that
 * arrive while one call runs go together into the next, up to `max` at a time. Under load
 * one call serves many items (one query or one transaction instead of hundreds); alone, an
 * item goes at once. `run` answers one result per item, in order. When a group fails,
 * each of its items is tried on its own, so one bad item fails only its own caller.
 */
export class GroupCall<I, O = void> {
  private waiting: Waiting<I, O>[] = [];
  private running = false;
  private readonly unsettled = new Set<Promise<O>>();

  constructor(
    private readonly run: (items: I[]) => Promise<O[]>,
    private readonly max = 500,
  ) {}

  call(item: I): Promise<O> {
    const result = new Promise<O>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      if (!this.running) {
        this.running = true;
        // Let the callers that arrive in the same turn of the event loop join the first group.
        setImmediate(() => void this.drain());
      }
    });
    this.unsettled.add(result);
    const forget = () => this.unsettled.delete(result);
    result.then(forget, forget);
    return result;
  }

  /** Resolves once every call made until now has finished, whatever its outcome. */
  async settled(): Promise<void> {
    await Promise.allSettled([...this.unsettled]);
  }

  private async drain(): Promise<void> {
    while (this.waiting.length) {
      const group = this.waiting.splice(0, this.max);
      try {
        const results = await this.run(group.map((w) => w.item));
        group.forEach((w, i) => w.resolve(results[i]));
      } catch (error) {
        if (group.length === 1) {
          group[0].reject(error);
          continue;
        }
        for (const w of group) {
          await this.run([w.item]).then(([result]) => w.resolve(result), w.reject);
        }
      }
    }
    this.running = false;
  }
}
