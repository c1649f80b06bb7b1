/** What went wrong, independent of transport; the API maps each code to its status. */
export enum DomainErrorCode {
  Invalid = 'invalid',
  Unauthenticated = 'unauthenticated',
  Forbidden = 'forbidden',
  NotFound = 'not_found',
  Conflict = 'conflict',
  Gone = 'gone',
  NotAllowedNow = 'not_allowed_now',
  /** Well-formed input that uses something the product does not support (a table in a letter). */
  Unsupported = 'unsupported',
  TooLarge = 'too_large',
  TooMany = 'too_many',
  /** A service the request needs (Redis) is away for now; retryAfterS says when to retry. */
  Unavailable = 'unavailable',
}

/**
 * An expected failure of a use case. `message` is for the client and names the field
 * when there is one (`email: already a member of this workspace`).
 */
export class DomainError extends Error {
  override name = 'DomainError';

  constructor(
    readonly code: DomainErrorCode,
    message: string,
    /** Extra fields for the client, beside the message (e.g. the current revision on a 409). */
    readonly extra?: Record<string, unknown>,
    /** For TooMany and Unavailable: seconds until a retry can succeed, sent as Retry-After. */
    readonly retryAfterS?: number,
  ) {
    super(message);
  }

  static tooMany(message: string, retryAfterS: number): DomainError {
    return new DomainError(DomainErrorCode.TooMany, message, undefined, retryAfterS);
  }

  static invalid(field: string, problem: string): DomainError {
    return new DomainError(DomainErrorCode.Invalid, `${field}: ${problem}`);
  }

  static notFound(what: string): DomainError {
    return new DomainError(DomainErrorCode.NotFound, `${what} not found`);
  }

  static conflict(message: string): DomainError {
    return new DomainError(DomainErrorCode.Conflict, message);
  }
}
