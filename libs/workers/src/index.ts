export * from './processors.module';
export * from './queue-processor';
