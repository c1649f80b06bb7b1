export * from './probe.module';
export * from './queues';
export * from './redis-process';
export * from './smtp-sink';
export * from './test-app';
export * from './test-config';
export * from './test-database';
export * from './test-clock';
