/** A unique index refused the row (PostgreSQL 23505, SQLite SQLITE_CONSTRAINT_UNIQUE). */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; driverError?: { code?: string } };
  const code = e?.driverError?.code ?? e?.code;
  return (
    code === '23505' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  );
}

/**
 * Error codes that say the database could not be reached or is going away, not that the
 * statement was wrong: connection refused or reset, PostgreSQL's class 08 (connection
 * exception) and 57P (operator intervention: shutting down, starting up), SQLite's file
 * that cannot be opened or read, or a lock held past the busy timeout. And PostgreSQL's
 * transaction rollbacks that a retry resolves, a deadlock (40P01) or a serialization
 * failure (40001): the transaction was undone whole, so the answer is "try again" (503 with
 * Retry-After), not an error in the request.
 */
const unavailableCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  '57P01',
  '57P02',
  '57P03',
  '40P01',
  '40001',
  'SQLITE_BUSY',
  'SQLITE_CANTOPEN',
  'SQLITE_IOERR',
]);
const unavailableMessages = [
  /Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /Client has encountered a connection error/i,
  /Connection with the database is not established/i,
];

/** The database was unreachable (an outage, worth a retry), as opposed to a bad statement. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error as Record<string, unknown> | undefined, depth = 0; e && depth < 5; depth++) {
    const code = typeof e.code === 'string' ? e.code : '';
    if (unavailableCodes.has(code) || /^08/.test(code) || code.startsWith('SQLITE_IOERR'))
      return true;
    const message = typeof e.message === 'string' ? e.message : '';
    if (unavailableMessages.some((pattern) => pattern.test(message))) return true;
    if (Array.isArray(e.errors) && e.errors.some((inner) => isDatabaseUnavailable(inner)))
      return true;
    e = (e.driverError ?? e.cause) as Record<string, unknown> | undefined;
  }
  return false;
}
