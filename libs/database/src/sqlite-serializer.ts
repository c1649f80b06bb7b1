import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, QueryRunner } from 'typeorm';

/**
 * TypeORM gives every caller the same better-sqlite3 connection. Two requests' transactions
 * would then interleave on it: the second BEGIN fails ("cannot start a transaction within a
 * transaction") and one request's statements commit with another's. This makes SQLite
 * behave like one writer at a time, as it is meant to be used:
 *
 * - an explicit transaction (`dataSource.transaction`, `manager.transaction`) waits for the
 *   one before it and owns the connection until it commits or rolls back;
 * - any other statement waits while a transaction holds the connection;
 * - TypeORM's implicit per-`save` transactions become single autocommitted statements,
 *   since each statement is already atomic and they would otherwise need the lock twice.
 *
 * Call it after migrations (which manage their own transactions).
 */
export function serializeSqliteAccess(dataSource: DataSource): void {
  if (dataSource.options.type !== 'better-sqlite3') return;
  const owner = new AsyncLocalStorage<true>();
  let tail: Promise<unknown> = Promise.resolve();

  const exclusive = <T>(work: () => Promise<T>): Promise<T> => {
    if (owner.getStore()) return work();
    const run = tail.then(() => owner.run(true, work));
    tail = run.catch(() => undefined);
    return run;
  };

  const manager = dataSource.manager;
  const transaction = manager.transaction.bind(manager) as (...args: unknown[]) => Promise<unknown>;
  manager.transaction = (...args: unknown[]) => exclusive(() => transaction(...args));

  const runner: QueryRunner = dataSource.driver.createQueryRunner('master');
  const query = runner.query.bind(runner) as (...args: unknown[]) => Promise<unknown>;
  runner.query = ((...args: unknown[]) => exclusive(() => query(...args))) as typeof runner.query;
  for (const step of ['startTransaction', 'commitTransaction', 'rollbackTransaction'] as const) {
    const original = runner[step].bind(runner) as (...args: unknown[]) => Promise<void>;
    runner[step] = (...args: unknown[]) =>
      owner.getStore() ? original(...args) : Promise.resolve();
  }
}
