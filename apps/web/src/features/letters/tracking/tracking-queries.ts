import { queryOptions } from '@tanstack/react-query';
import { api, ok } from '../../../api/client';
import { trackingKeys } from '../live/letter-events';
import type { CurvePoint } from './curve';

// The dashboard's first queries as plain options, outside the tracking screens' lazy chunk:
// the route loaders in app.tsx start them while that chunk is still loading, so the counts
// and the chart do not wait for it (bench `web`, dashboard step).

/** The numbers: sign-ons by status and by revision, invitations, re-consent. */
export const statsQuery = (lid: string) =>
  queryOptions({
    queryKey: trackingKeys.stats(lid),
    queryFn: () => ok(api.GET('/api/letters/{lid}/stats', { params: { path: { lid } } })),
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
  });
