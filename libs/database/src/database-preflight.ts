import { redactUrl, type AppConfig } from '@app/config';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';

/** Opens the database once; answers the one line to print when it cannot be used. */
export async function databasePreflight(
  database: AppConfig['database'],
): Promise<string | undefined> {
  const dataSource = new DataSource({ ...dataSourceOptions(database), migrations: [] });
  try {
    await dataSource.initialize();
    await dataSource.query('SELECT 1');
    return undefined;
  } catch (error) {
    const reason = (error as Error).message.split('\n')[0];
    const where =
      database.kind === 'sqlite' ? `the SQLite file ${database.file}` : redactUrl(database.url);
    return `DATABASE_URL: cannot open ${where} (${reason})`;
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
  }
}
