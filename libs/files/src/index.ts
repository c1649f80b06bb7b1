export * from './file-storage';
export * from './files.module';
export * from './write-file-atomic';
export * from './storage-full';
