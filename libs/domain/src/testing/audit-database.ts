// Test helper: the suite's database with the audit tables and one workspace, as the audit
// specs (the service's and each chain strategy's) need it.
import { loadConfig } from '@app/config';
import { dataSourceOptions, runMigrations, serializeSqliteAccess } from '@app/database';
import { createTestDatabase } from '@app/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { WorkspaceEntity } from '../workspaces/workspace.entity';
import { AuditEventEntity } from '../audit/audit-event.entity';
import type { NewAuditEvent } from '../audit/audit.service';

export interface AuditDatabase {
  dataSource: DataSource;
  workspaceId: string;
  /** Another workspace, with a chain of its own. */
  addWorkspace(): Promise<string>;
  close(): Promise<void>;
}

export const testEvent = (n: number): NewAuditEvent => ({
  actor: { type: 'system', id: null },
  action: 'test.happened',
  subject: { type: 'test', id: `subject-${n}` },
  data: { n },
});

export async function openAuditDatabase(): Promise<AuditDatabase> {
  const database = await createTestDatabase();
  const config = loadConfig({ DATABASE_URL: database.url, APP_SECRET: 'x'.repeat(32) });
  const dataSource = await new DataSource({
    ...dataSourceOptions(config.database),
    entities: [WorkspaceEntity, AuditEventEntity],
  }).initialize();
  // As DatabaseModule does: SQLite takes one transaction at a time.
  serializeSqliteAccess(dataSource);
  await runMigrations(dataSource);
  const addWorkspace = async () => {
    const id = randomUUID();
    await dataSource.getRepository(WorkspaceEntity).insert({
      id,
      name: 'Audit test',
      slug: `audit-${id.slice(0, 8)}`,
      letterheadKey: null,
      createdAt: new Date(),
    });
    return id;
  };
  return {
    dataSource,
    workspaceId: await addWorkspace(),
    addWorkspace,
    close: async () => {
      await dataSource.destroy();
      await database.drop();
    },
  };
}

/** An event as AuditService hands it to a chain strategy. */
export const testRow = (workspaceId: string, n: number, letterId: string | null = null) => ({
  id: randomUUID(),
  workspaceId,
  actorType: 'system' as const,
  actorId: null,
  action: 'test.happened',
  subjectType: 'test',
  subjectId: `subject-${n}`,
  letterId,
  data: JSON.stringify({ n }),
  createdAt: new Date(),
});
