import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api, ok } from '../../../api/client';
import type { components } from '../../../api/schema';
import { trackingKeys } from '../live/letter-events';
import { useLivePoll } from '../live/use-letter-events';
import { signaturesQuery, signOnCurveQuery, statsQuery, type Filters } from './tracking-queries';

type Manual = components['schemas']['ManualSignatureDto'];
type Update = components['schemas']['UpdateSignatureDto'];

const ACTIVITY_PAGE = 20;

const curvePoll = (poll: number | false) => (poll === false ? false : poll * 3);

/** The numbers: sign-ons by status and by revision, invitations, re-consent. */
export function useTrackingStats(lid: string) {
  return useQuery({ ...statsQuery(lid), refetchInterval: useLivePoll() });
}

/** A page of sign-ons (50), filtered on the server; the last page stays shown while the next loads. */
export function useSignatures(lid: string, filters: Filters, page: number) {
  return useQuery({
    ...signaturesQuery(lid, filters, page),
    placeholderData: keepPreviousData,
    refetchInterval: useLivePoll(),
  });
}

/** The cumulative confirmed sign-ons over time (the API samples it). */
export function useSignOnCurve(lid: string) {
  // While polling, a third as often as the numbers (30 s by default).
  return useQuery({ ...signOnCurveQuery(lid), refetchInterval: curvePoll(useLivePoll()) });
}

/** The activity feed, newest first, 20 at a time; older pages by `before` the last seq. */
export function useActivity(lid: string, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: trackingKeys.activity(lid),
    enabled,
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam }) =>
      ok(
        api.GET('/api/letters/{lid}/activity', {
          params: { path: { lid }, query: { limit: ACTIVITY_PAGE, before: pageParam } },
        }),
      ),
    getNextPageParam: (last) =>
      last.length < ACTIVITY_PAGE ? undefined : last[last.length - 1].seq,
    refetchInterval: useLivePoll(),
  });
}

/** The audit chain recomputed; on demand (it reads the workspace's whole chain). */
export function useAuditCheck(lid: string, enabled: boolean) {
  return useQuery({
    queryKey: ['letters', lid, 'audit'],
    enabled,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    queryFn: () => ok(api.GET('/api/letters/{lid}/audit/verify', { params: { path: { lid } } })),
  });
}

/** After a change to a sign-on: the numbers, the lists and the feed. */
function useRefreshTracking(lid: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all(
      [trackingKeys.stats(lid), trackingKeys.signatures(lid), trackingKeys.activity(lid)].map(
        (queryKey) => queryClient.invalidateQueries({ queryKey }),
      ),
    );
}

/** Approve, reject, or correct the printed name (the signer is told by email). */
export function useUpdateSignature(lid: string) {
  const refresh = useRefreshTracking(lid);
  return useMutation({
    mutationFn: ({ sid, body }: { sid: string; body: Update }) =>
      ok(api.PATCH('/api/signatures/{sid}', { params: { path: { sid } }, body })),
    onSuccess: refresh,
  });
}

/** A sign-on received by phone, mail or on paper, recorded as confirmed. */
export function useAddManualSignature(lid: string) {
  const refresh = useRefreshTracking(lid);
  return useMutation({
    mutationFn: (body: Manual) =>
      ok(api.POST('/api/letters/{lid}/signatures', { params: { path: { lid } }, body })),
    onSuccess: refresh,
  });
}
