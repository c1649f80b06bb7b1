// App-level test helpers: they boot apps/api and apps/worker, so they live here, not in
// libs/testing (no lib imports an app). Lib-level helpers stay in @app/testing.
export * from './coalition';
export * from './probe.module';
export * from './test-app';
export * from './contract';
export * from './sse-client';
