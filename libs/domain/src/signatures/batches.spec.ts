import { Batches } from './batches';

describe('Batches', () => {
  it('serves the callers of one turn together, and those arriving meanwhile in the next batch', async () => {
    const seen: number[][] = [];
    let release!: () => void;
    const first = new Promise<void>((resolve) => (release = resolve));
    const batches = new Batches<number, number>(
      async (items) => {
        seen.push(items);
        if (seen.length === 1) await first;
        return items.map((n) => n * 10);
      },
      { fallback: -1, max: 100, concurrency: 1 },
    );
    const a = [batches.call(1), batches.call(2)];
    await new Promise((resolve) => setImmediate(resolve));
    const b = [batches.call(3), batches.call(4), batches.call(5)];
    release();
    expect(await Promise.all([...a, ...b])).toEqual([10, 20, 30, 40, 50]);
    expect(seen).toEqual([
      [1, 2],
      [3, 4, 5],
    ]);
  });

  it('keeps batches to their maximum size', async () => {
    const sizes: number[] = [];
    const batches = new Batches<number, number>(
      (items) => {
        sizes.push(items.length);
        return Promise.resolve(items);
      },
      { fallback: -1, max: 2, concurrency: 1 },
    );
    expect(await Promise.all([1, 2, 3, 4, 5].map((n) => batches.call(n)))).toEqual([1, 2, 3, 4, 5]);
    expect(sizes).toEqual([2, 2, 1]);
  });

  it('answers the fallback to every caller of a batch that failed, and goes on', async () => {
    const failed: unknown[] = [];
    let calls = 0;
    const batches = new Batches<number, string>(
      (items) =>
        calls++ === 0 ? Promise.reject(new Error('deadlock')) : Promise.resolve(items.map(String)),
      { fallback: 'alone', max: 10, concurrency: 1, failed: (error) => failed.push(error) },
    );
    expect(await Promise.all([batches.call(1), batches.call(2)])).toEqual(['alone', 'alone']);
    expect(await batches.call(3)).toBe('3');
    expect(failed).toHaveLength(1);
  });

  it('runs up to `concurrency` batches at once, the rest waiting to go together', async () => {
    const started: number[][] = [];
    const releases: (() => void)[] = [];
    const batches = new Batches<number, number>(
      async (items) => {
        started.push(items);
        await new Promise<void>((resolve) => releases.push(resolve));
        return items;
      },
      { fallback: -1, max: 100, concurrency: 2 },
    );
    const first = batches.call(1);
    await new Promise((resolve) => setImmediate(resolve));
    const second = batches.call(2);
    await new Promise((resolve) => setImmediate(resolve));
    const rest = [3, 4, 5].map((n) => batches.call(n));
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual([[1], [2]]);
    releases[0]();
    await first;
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual([[1], [2], [3, 4, 5]]);
    releases[1]();
    releases[2]();
    expect(await Promise.all([second, ...rest])).toEqual([2, 3, 4, 5]);
  });
});
