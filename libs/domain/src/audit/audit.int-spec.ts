import { testDatabaseKind } from '@app/testing';
import { DataSource, IsNull } from 'typeorm';
import { Clock } from '../clock';
import { AuditEventEntity } from './audit-event.entity';
import { AuditService } from './audit.service';
import type { LetterEvents } from '../events/letter-events';
import {
  openAuditDatabase,
  testEvent as event,
  type AuditDatabase,
} from '../testing/audit-database';

/**
 * The audit chain on the suite's database. On PostgreSQL events are written pending and
 * chained after their transaction commits; on SQLite they are chained at once. Either way a
 * reader must find every committed event chained, in one unbroken chain.
 */
/** Live events go nowhere here (test/letter-events.e2e-spec.ts follows them). */
const letterEvents = { publish: () => Promise.resolve() } as unknown as LetterEvents;

describe('AuditService', () => {
  let database: AuditDatabase;
  let dataSource: DataSource;
  let audit: AuditService;
  let workspaceId: string;
  const onPostgres = testDatabaseKind() === 'postgres' ? it : it.skip;

  beforeEach(async () => {
    database = await openAuditDatabase();
    ({ dataSource, workspaceId } = database);
    audit = new AuditService(dataSource, new Clock(), letterEvents);
    await audit.onApplicationBootstrap();
  });
  afterEach(async () => {
    await audit.onModuleDestroy();
    await database.close();
  });

  it('chains events written by concurrent transactions into one valid chain', async () => {
    await Promise.all(
      Array.from({ length: 40 }, (_, n) =>
        dataSource.transaction((manager) => audit.append(manager, workspaceId, event(n))),
      ),
    );
    expect(await audit.verify(workspaceId)).toEqual({ valid: true, events: 40 });
    const listed = await audit.list(workspaceId, 100);
    expect(listed).toHaveLength(40);
    expect(new Set(listed.map((e) => e.seq)).size).toBe(40);
  });

  it('records nothing for a transaction that rolls back', async () => {
    await dataSource.transaction((manager) => audit.append(manager, workspaceId, event(1)));
    await expect(
      dataSource.transaction(async (manager) => {
        await audit.append(manager, workspaceId, event(2));
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await audit.verify(workspaceId)).toEqual({ valid: true, events: 1 });
    expect(await dataSource.getRepository(AuditEventEntity).count()).toBe(1);
  });

  onPostgres(
    'chains, at start, events a stopped process left pending, after a chain written before pending existed',
    async () => {
      // Two events chained the old way: no journal number, as before the migration.
      await dataSource.transaction((manager) =>
        audit.appendMany(manager, [
          { workspaceId, event: event(0) },
          { workspaceId, event: event(1) },
        ]),
      );
      await audit.seal(workspaceId);
      await dataSource.query('UPDATE audit_events SET journal = NULL');
      // More pending events than one sealing transaction takes, from a process that stopped.
      const stopped = new AuditService(dataSource, new Clock(), letterEvents);
      // It stops before its after-commit hook runs: take the hook away.
      dataSource.subscribers.pop();
      await dataSource.transaction((manager) =>
        stopped.appendMany(
          manager,
          Array.from({ length: 2500 }, (_, n) => ({ workspaceId, event: event(n + 2) })),
        ),
      );
      const pending = () =>
        dataSource.getRepository(AuditEventEntity).countBy({ workspaceId, seq: IsNull() });
      // `audit` did not write them, so nothing seals them until a start looks for them.
      expect(await pending()).toBe(2500);

      const restarted = new AuditService(dataSource, new Clock(), letterEvents);
      await restarted.onApplicationBootstrap();
      expect(await pending()).toBe(0);
      expect(await restarted.verify(workspaceId)).toEqual({ valid: true, events: 2502 });
      await restarted.onModuleDestroy();
    },
  );
});
