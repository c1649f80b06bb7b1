/** A failure that retrying cannot fix (an SMTP 5xx, a rejected address). */
export class PermanentMailFailure extends Error {
  override name = 'PermanentMailFailure';
}

/**
 * SMTP 5xx replies and envelope errors are permanent; 4xx replies and connection
 * problems are worth retrying.
 */
export function isPermanentMailError(error: unknown): boolean {
  const { responseCode, code } = (error ?? {}) as { responseCode?: number; code?: string };
  if (typeof responseCode === 'number') return responseCode >= 500 && responseCode < 600;
  return code === 'EENVELOPE' || code === 'EMESSAGE';
}

/** The reason to store: the server's reply when there is one. */
export function mailErrorReason(error: unknown): string {
  const { response, message } = (error ?? {}) as { response?: string; message?: string };
  return (response ?? message ?? String(error)).slice(0, 1000);
}
