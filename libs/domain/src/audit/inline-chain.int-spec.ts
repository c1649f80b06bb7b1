import { IsNull, Not } from 'typeorm';
import { GENESIS, hashOf } from './audit-chain';
import { AuditEventEntity } from './audit-event.entity';
import { InlineChain } from './inline-chain';
import { openAuditDatabase, testRow, type AuditDatabase } from '../testing/audit-database';

/**
 * The SQLite strategy, on the suite's database (its SQL is plain enough for both): an
 * event is chained in the transaction that writes it, so there is never anything to seal.
 */
describe('InlineChain', () => {
  let database: AuditDatabase;
  const chain = new InlineChain();

  beforeEach(async () => {
    database = await openAuditDatabase();
  });
  afterEach(() => database.close());

  const chainOf = (workspaceId: string) =>
    database.dataSource
      .getRepository(AuditEventEntity)
      .find({ where: { workspaceId }, order: { seq: 'ASC' } });

  it('chains events in the writing transaction, one chain per workspace, going on from the last', async () => {
    const { dataSource, workspaceId: a } = database;
    const b = await database.addWorkspace();
    await dataSource.transaction(async (manager) => {
      const written = await chain.write(manager, [testRow(a, 1), testRow(b, 2), testRow(a, 3)]);
      expect(written.map((e) => [e.workspaceId, e.seq])).toEqual([
        [a, 1],
        [b, 1],
        [a, 2],
      ]);
      // Chained before the commit: nothing in the transaction is left without a place.
      expect(await manager.countBy(AuditEventEntity, { seq: IsNull() })).toBe(0);
    });
    await dataSource.transaction((manager) => chain.write(manager, [testRow(a, 4)]));

    const events = await chainOf(a);
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3]);
    let prevHash = GENESIS;
    for (const event of events) {
      expect(event.prevHash).toBe(prevHash);
      expect(event.hash).toBe(hashOf({ ...event, seq: event.seq!, prevHash }));
      prevHash = event.hash!;
    }
    expect((await chainOf(b)).map((e) => [e.seq, e.prevHash])).toEqual([[1, GENESIS]]);
  });

  it('leaves nothing behind when the transaction rolls back, and the chain goes on unbroken', async () => {
    const { dataSource, workspaceId } = database;
    await dataSource.transaction((manager) => chain.write(manager, [testRow(workspaceId, 1)]));
    await expect(
      dataSource.transaction(async (manager) => {
        await chain.write(manager, [testRow(workspaceId, 2)]);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    await dataSource.transaction((manager) => chain.write(manager, [testRow(workspaceId, 3)]));
    const events = await chainOf(workspaceId);
    expect(events.map((e) => [e.subjectId, e.seq])).toEqual([
      ['subject-1', 1],
      ['subject-3', 2],
    ]);
    expect(events[1].prevHash).toBe(events[0].hash);
  });

  it('has nothing to seal, at start, for a reader or at the end', async () => {
    const { dataSource, workspaceId } = database;
    await dataSource.transaction((manager) => chain.write(manager, [testRow(workspaceId, 1)]));
    await chain.start();
    await chain.seal(workspaceId);
    await chain.sealLetter('any-letter');
    await chain.stop();
    const repository = dataSource.getRepository(AuditEventEntity);
    expect(await repository.countBy({ seq: Not(IsNull()) })).toBe(1);
  });
});
