import { queryOptions } from '@tanstack/react-query';
import { api, ok } from '../../../api/client';
import type { operations } from '../../../api/schema';
import { trackingKeys } from '../live/letter-events';
import type { CurvePoint } from './curve';

type ListQuery = NonNullable<
  operations['SignaturesController_listSignatures']['parameters']['query']
>;
export type Filters = Pick<ListQuery, 'status' | 'source' | 'visibility'>;

export const PAGE_SIZE = 50;
export const FILTERS = ['status', 'source', 'visibility'] as const;

// The tracking screens' first queries as plain options, outside their lazy chunk: the route
// loaders in app.tsx start them while that chunk is still loading, so the counts, the chart
// and the list do not wait for it (bench `web`, dashboard and signatures steps). Each is
// fresh for a moment, so that the screen, mounting, does not ask again for what its loader
// has just asked; the event stream or the poll keeps it current after that.
const FRESH_MS = 2_000;

/** The numbers: sign-ons by status and by revision, invitations, re-consent. */
export const statsQuery = (lid: string) =>
  queryOptions({
    queryKey: trackingKeys.stats(lid),
    queryFn: () => ok(api.GET('/api/letters/{lid}/stats', { params: { path: { lid } } })),
    staleTime: FRESH_MS,
  });

/** The cumulative confirmed sign-ons over time, sampled by the API (at most 100 points). */
export const signOnCurveQuery = (lid: string) =>
  queryOptions({
    queryKey: [...trackingKeys.signatures(lid), 'curve'],
    queryFn: async (): Promise<CurvePoint[]> => {
      const curve = await ok(
        api.GET('/api/letters/{lid}/sign-on-curve', { params: { path: { lid } } }),
      );
      return curve.points.map((p) => ({ at: Date.parse(p.at), count: p.count }));
    },
    staleTime: FRESH_MS,
  });

/** The signatures list's filters and page (0-based), from its address. */
export function listStateOf(params: URLSearchParams): { filters: Filters; page: number } {
  const filters: Filters = {};
  for (const name of FILTERS) {
    const value = params.get(name);
    if (value) (filters as Record<string, string>)[name] = value;
  }
  const page = Math.max(0, Number(params.get('page') ?? 1) - 1) || 0;
  return { filters, page };
}

/** One page of sign-ons (50), filtered on the server, and the total that match (X-Total-Count). */
export const signaturesQuery = (lid: string, filters: Filters, page: number) =>
  queryOptions({
    queryKey: [...trackingKeys.signatures(lid), 'list', filters, page],
    queryFn: async () => {
      const query = { ...filters, limit: PAGE_SIZE, offset: page * PAGE_SIZE };
      const pending = api.GET('/api/letters/{lid}/signatures', {
        params: { path: { lid }, query },
      });
      const [items, { response }] = await Promise.all([ok(pending), pending]);
      const total = Number(response.headers.get('X-Total-Count'));
      return { items, total: Number.isFinite(total) ? total : items.length };
    },
    staleTime: FRESH_MS,
  });
