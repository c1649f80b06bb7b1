import { STATUS_CODES } from 'node:http';

/** The error shape of the API contract (shared/design/api.md). */
export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details?: unknown[];
  errorId?: string;
}

export function errorBody(statusCode: number, message: string, details?: unknown[]): ErrorBody {
  const body: ErrorBody = { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message };
  if (details?.length) body.details = details;
  return body;
}
