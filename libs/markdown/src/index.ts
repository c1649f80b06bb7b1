export * from './allowed-links';
export * from './markdown-blocks';
export * from './markdown-problems';
export * from './render-html';
export * from './render-text';
