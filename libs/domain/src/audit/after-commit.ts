import type { DataSource, EntityManager, QueryRunner } from 'typeorm';

interface Deferred {
  /** The transaction depth it was queued at: a rolled-back savepoint drops its own. */
  depth: number;
  run: () => void;
}

const depthOf = (runner: QueryRunner): number =>
  // TypeORM keeps the savepoint depth in a protected field; it is the only way to tell a
  // savepoint's rollback from the transaction's.
  (runner as unknown as { transactionDepth?: number }).transactionDepth ?? 1;

/**
 * Runs a callback once the transaction of a manager has committed (at once outside a
 * transaction); a rollback drops it. For what must not be seen before the commit: an
 * event published to other processes.
 */
export class AfterCommit {
  private readonly queued = new WeakMap<QueryRunner, Deferred[]>();

  constructor(dataSource: DataSource) {
    dataSource.subscribers.push({
      afterTransactionCommit: ({ queryRunner }) => {
        // A released savepoint is not the end of the transaction.
        if (queryRunner.isTransactionActive) return;
        const deferred = this.queued.get(queryRunner) ?? [];
        this.queued.delete(queryRunner);
        for (const { run } of deferred) run();
      },
      afterTransactionRollback: ({ queryRunner }) => {
        if (!queryRunner.isTransactionActive) {
          this.queued.delete(queryRunner);
          return;
        }
        const depth = depthOf(queryRunner);
        const kept = (this.queued.get(queryRunner) ?? []).filter((d) => d.depth <= depth);
        this.queued.set(queryRunner, kept);
      },
    });
  }

  run(manager: EntityManager, callback: () => void): void {
    const runner = manager.queryRunner;
    if (!runner?.isTransactionActive) {
      callback();
      return;
    }
    const deferred = this.queued.get(runner) ?? [];
    deferred.push({ depth: depthOf(runner), run: callback });
    this.queued.set(runner, deferred);
  }
}
