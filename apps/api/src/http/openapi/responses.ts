import { applyDecorators, type Type } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiExtraModels,
  ApiOkResponse,
  ApiResponse,
  ApiSecurity,
  getSchemaPath,
} from '@nestjs/swagger';
import { ErrorBodyDto } from './error-body.dto';

/** What each error status means across the API (shared/design/api.md, "Errors"). */
const ERROR_MEANINGS: Record<number, string> = {
  400: 'invalid input; `message` names the field',
  401: 'not signed in, or the token has expired',
  403: 'signed in, but the role does not allow this (or a missing CSRF token)',
  404: 'no such resource visible to the caller (also for ids that are not UUIDs)',
  409: 'conflict: a stale revision, a duplicate, or a state that does not allow this',
  410: 'the link has expired or was revoked',
  413: 'the body is too large',
  415: 'the body has a content type this operation does not take',
  422: 'well-formed, but the content is refused (e.g. an unsupported Markdown construct)',
  429: 'too many requests; Retry-After says when to try again',
  503: 'the database or Redis is unavailable; Retry-After says when to try again',
};

/**
 * Documents the error responses of an operation, all with the one error body. 400, 429
 * and 503 can happen anywhere and are always listed; pass the others this operation has.
 */
export function ApiErrors(...statuses: number[]): MethodDecorator & ClassDecorator {
  const all = [...new Set([400, ...statuses, 429, 503])].sort((a, b) => a - b);
  return applyDecorators(
    ApiExtraModels(ErrorBodyDto),
    ...all.map((status) =>
      ApiResponse({
        status,
        description: ERROR_MEANINGS[status] ?? 'error',
        // Spelled out rather than `type`, which would follow an operation's @ApiProduces
        // (a PDF, a CSV): errors are JSON whatever the success answer is.
        content: { 'application/json': { schema: { $ref: getSchemaPath(ErrorBodyDto) } } },
        ...(status === 429 || status === 503
          ? { headers: { 'Retry-After': { description: 'seconds', schema: { type: 'integer' } } } }
          : {}),
      }),
    ),
  );
}

/** Security scheme names, declared once in the document builder (document.ts). */
export const BEARER_SCHEME = 'bearer';
export const SESSION_SCHEME = 'session';
export const CSRF_SCHEME = 'csrf';

/**
 * An operation for signed-in users: a bearer token, or the session cookie plus (on
 * changes) the CSRF header. Adds the 401 and 403 responses that come with it.
 */
export function ApiSignedIn(): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiBearerAuth(BEARER_SCHEME),
    ApiSecurity({ [SESSION_SCHEME]: [], [CSRF_SCHEME]: [] }),
    ApiErrors(401, 403),
  );
}

/**
 * The 200 of a list answered one page at a time: an array of `item`, with the total
 * across all pages in X-Total-Count.
 */
export function ApiPagedList(item: Type, description?: string): MethodDecorator {
  return ApiOkResponse({
    type: [item],
    description,
    headers: {
      'X-Total-Count': {
        description: 'how many items match, across all pages',
        schema: { type: 'integer' },
      },
    },
  });
}
