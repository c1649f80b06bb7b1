export * from './app-config';
export * from './config.module';
export * from './logger.module';
export * from './redact-url';
export * from './quiet-start-logger';
export * from './app-logger';
