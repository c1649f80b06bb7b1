import { GroupCall } from './group-call';

describe('GroupCall', () => {
  it('serves the items that arrive together in one call, each caller its own result', async () => {
    const calls: number[][] = [];
    const group = new GroupCall<number, number>((items) => {
      calls.push(items);
      return Promise.resolve(items.map((n) => n * 10));
    });
    const results = await Promise.all([1, 2, 3].map((n) => group.call(n)));
    expect(results).toEqual([10, 20, 30]);
    expect(calls).toEqual([[1, 2, 3]]);
  });

  it('groups what arrives while a call runs into the next one, at most `max` at a time', async () => {
    const calls: number[][] = [];
    let release!: () => void;
    const first = new Promise<void>((resolve) => (release = resolve));
    const group = new GroupCall<number>(async (items) => {
      calls.push(items);
      if (calls.length === 1) await first;
      return [];
    }, 2);
    const pending = [group.call(1)];
    await new Promise((resolve) => setImmediate(resolve));
    pending.push(group.call(2), group.call(3), group.call(4));
    release();
    await Promise.all(pending);
    expect(calls).toEqual([[1], [2, 3], [4]]);
  });

  it('when a group fails, tries each item alone: only the bad one fails', async () => {
    const group = new GroupCall<number, string>((items) =>
      items.includes(2)
        ? Promise.reject(new Error('bad item'))
        : Promise.resolve(items.map(String)),
    );
    const results = await Promise.allSettled([1, 2, 3].map((n) => group.call(n)));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[0] as PromiseFulfilledResult<string>).value).toBe('1');
    expect((results[1] as PromiseRejectedResult).reason).toEqual(new Error('bad item'));
  });

  it('settles once every call made until then has finished, not those made later', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const done: number[] = [];
    const group = new GroupCall<number>(async (items) => {
      await gate;
      done.push(...items);
      return items.map(() => undefined);
    });
    const first = [group.call(1), group.call(2)];
    const settled = group.settled().then(() => [...done]);
    release();
    await Promise.all(first);
    expect(await settled).toEqual([1, 2]);
    await group.call(3);
    await expect(group.settled()).resolves.toBeUndefined();
  });
});
