import { DomainError, DomainErrorCode } from '@app/domain';

/** The contract's status for each domain error code (shared/design/api.md). */
const statusByCode: Record<DomainErrorCode, number> = {
  [DomainErrorCode.Invalid]: 400,
  [DomainErrorCode.Unauthenticated]: 401,
  [DomainErrorCode.Forbidden]: 403,
  [DomainErrorCode.NotFound]: 404,
  [DomainErrorCode.Conflict]: 409,
  [DomainErrorCode.Gone]: 410,
  [DomainErrorCode.NotAllowedNow]: 422,
  [DomainErrorCode.Unsupported]: 422,
  [DomainErrorCode.TooLarge]: 413,
  [DomainErrorCode.TooMany]: 429,
  [DomainErrorCode.Unavailable]: 503,
};

export function statusOf(error: DomainError): number {
  return statusByCode[error.code];
}
