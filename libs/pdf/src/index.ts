export * from './date-words';
export * from './letter-document';
export * from './letterhead-logo';
export * from './pdf-input-error';
export * from './render-letter-pdf';
export * from './salutation';
export * from './sort-signatories';
export * from './warm-up';
