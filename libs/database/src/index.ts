export * from './columns';
export * from './data-source-options';
export * from './database.module';
export * from './migrate';
export * from './database-preflight';
export * from './errors';
export * from './sqlite-serializer';
export * from './bulk-insert';
