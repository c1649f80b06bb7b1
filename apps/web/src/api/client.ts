import createClient, { type Middleware } from 'openapi-fetch';
import { csrfHeaders } from './csrf';
import { ApiError, type ErrorBody } from './errors';
import type { paths } from './schema';

/** Echoes the CSRF cookie in X-CSRF-Token on every request that is not a read. */
const csrf: Middleware = {
  onRequest({ request }) {
    for (const [name, value] of Object.entries(csrfHeaders(request.method, document.cookie))) {
      request.headers.set(name, value);
    }
    return request;
  },
};

/**
 * The one client of the API, typed from its OpenAPI document (schema.d.ts, generated).
 * Same origin: the httpOnly session cookie goes with every request, never a token in JS.
 */
export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });
api.use(csrf);

const isErrorBody = (value: unknown): value is ErrorBody =>
  typeof value === 'object' && value !== null && typeof (value as ErrorBody).message === 'string';

/** A call's data, or an ApiError carrying the API's error body for TanStack Query to hold. */
export async function ok<D>(
  pending: Promise<{ data?: D; error?: unknown; response: Response }>,
): Promise<D> {
  const { data, error, response } = await pending;
  if (!response.ok) {
    throw new ApiError(response.status, isErrorBody(error) ? error : undefined);
  }
  return data as D;
}
