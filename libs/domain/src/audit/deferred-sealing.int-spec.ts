import { testDatabaseKind } from '@app/testing';
import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { IsNull } from 'typeorm';
import { GENESIS, hashOf } from './audit-chain';
import { AuditEventEntity } from './audit-event.entity';
import { DeferredSealing } from './deferred-sealing';
import { openAuditDatabase, testRow, type AuditDatabase } from '../testing/audit-database';

/**
 * The PostgreSQL strategy (its SQL is PostgreSQL's: a sequence, row locks, UPDATE ... FROM
 * VALUES): events are written pending and sealed after their transaction commits.
 */
(testDatabaseKind() === 'postgres' ? describe : describe.skip)('DeferredSealing', () => {
  let database: AuditDatabase;
  let chain: DeferredSealing;
  const logger = new Logger('Audit');

  beforeEach(async () => {
    database = await openAuditDatabase();
    chain = new DeferredSealing(database.dataSource, logger);
  });
  afterEach(async () => {
    await chain.stop();
    await database.close();
  });

  const events = () =>
    database.dataSource.getRepository(AuditEventEntity).find({ order: { seq: 'ASC' } });
  const pending = (workspaceId: string) =>
    database.dataSource.getRepository(AuditEventEntity).countBy({ workspaceId, seq: IsNull() });

  /** A strategy whose after-commit hook never runs, as in a process that stopped. */
  const stopped = () => {
    const writer = new DeferredSealing(database.dataSource, logger);
    database.dataSource.subscribers.pop();
    return writer;
  };

  it('writes events pending and seals them after the commit, without a reader asking', async () => {
    const { dataSource, workspaceId } = database;
    await dataSource.transaction(async (manager) => {
      await chain.write(manager, [testRow(workspaceId, 1), testRow(workspaceId, 2)]);
      expect(await manager.countBy(AuditEventEntity, { seq: IsNull() })).toBe(2);
    });
    // The pass runs on a short timer after the commit; wait for it, however long it takes.
    while ((await pending(workspaceId)) > 0) await new Promise((r) => setTimeout(r, 20));
    const chained = await events();
    expect(chained.map((e) => [e.subjectId, e.seq, e.prevHash])).toEqual([
      ['subject-1', 1, GENESIS],
      ['subject-2', 2, chained[0].hash],
    ]);
    expect(chained[1].hash).toBe(hashOf({ ...chained[1], seq: 2, prevHash: chained[0].hash! }));
  });

  it('chains in the order events were written, across transactions, in one pass for concurrent readers', async () => {
    const { dataSource, workspaceId } = database;
    const writer = stopped();
    for (const n of [1, 2, 3]) {
      await dataSource.transaction((manager) => writer.write(manager, [testRow(workspaceId, n)]));
    }
    let passes = 0;
    dataSource.subscribers.push({ afterTransactionCommit: () => void passes++ });
    await Promise.all(Array.from({ length: 10 }, () => chain.seal(workspaceId)));
    dataSource.subscribers.pop();
    // One pass running, at most one more queued for the calls made while it ran.
    expect(passes).toBeGreaterThanOrEqual(1);
    expect(passes).toBeLessThanOrEqual(2);
    expect((await events()).map((e) => [e.subjectId, e.seq])).toEqual([
      ['subject-1', 1],
      ['subject-2', 2],
      ['subject-3', 3],
    ]);
  });

  it("seals for a letter's reader only the workspaces with pending events of that letter", async () => {
    const { dataSource, workspaceId: a } = database;
    const b = await database.addWorkspace();
    const letterId = randomUUID();
    const writer = stopped();
    await dataSource.transaction((manager) =>
      writer.write(manager, [testRow(a, 1, letterId), testRow(b, 2)]),
    );
    await chain.sealLetter(letterId);
    expect([await pending(a), await pending(b)]).toEqual([0, 1]);
    // What a stopped process left pending is sealed at the next start.
    await chain.start();
    expect(await pending(b)).toBe(0);
  });

  it('runs the scheduled passes when stopping, so that no timer outlives the database', async () => {
    const { dataSource, workspaceId } = database;
    await dataSource.transaction((manager) => chain.write(manager, [testRow(workspaceId, 1)]));
    await chain.stop();
    expect(await pending(workspaceId)).toBe(0);
  });
});
