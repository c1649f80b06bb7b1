import { AppConfig } from '@app/config';
import { Global, Inject, Logger, Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';
import { runMigrations } from './migrate';
import { serializeSqliteAccess } from './sqlite-serializer';

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        ...dataSourceOptions(config.database),
        autoLoadEntities: true,
        // Fail the start at once with a clear line, rather than retrying in silence.
        retryAttempts: 0,
      }),
    }),
  ],
})
export class DatabaseModule implements OnModuleInit {
  private readonly logger = new Logger('Database');

  constructor(
    private readonly dataSource: DataSource,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  /** Pending migrations are applied before anything else uses the database. */
  async onModuleInit(): Promise<void> {
    if (this.config.migrateOnStart) {
      const applied = await runMigrations(this.dataSource);
      for (const migration of applied) this.logger.log(`applied migration ${migration.name}`);
    }
    serializeSqliteAccess(this.dataSource);
  }
}
