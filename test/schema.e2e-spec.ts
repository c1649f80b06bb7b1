import { DataSource } from 'typeorm';
import { createTestApp } from './support';

/**
 * The migrations (libs/database) against the entities the feature modules register: it
 * needs the whole app, so it lives here rather than in libs/database, which may not
 * import an app. Runs against SQLite, or PostgreSQL when DATABASE_URL=postgres://...
 */
describe('migrations', () => {
  it('leave the schema exactly as the entities describe it', async () => {
    const t = await createTestApp();
    try {
      const pending = await t.app.get(DataSource).driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((q) => q.query)).toEqual([]);
    } finally {
      await t.close();
    }
  });
});
