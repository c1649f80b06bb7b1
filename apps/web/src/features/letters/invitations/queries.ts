import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '../../../api/client';
import type { components } from '../../../api/schema';
import { trackingKeys } from '../live/letter-events';
import { useLivePoll } from '../live/use-letter-events';

type InviteBody = components['schemas']['InviteDto'];

const keys = {
  invitations: (lid: string) => ['letters', lid, 'invitations'] as const,
  reminders: (lid: string) => ['letters', lid, 'reminders'] as const,
};

/** Every invitation of the letter, by organization name. */
export function useInvitations(lid: string) {
  return useQuery({
    queryKey: keys.invitations(lid),
    queryFn: () => ok(api.GET('/api/letters/{lid}/invitations', { params: { path: { lid } } })),
    refetchInterval: useLivePoll(),
  });
}

/** When the next reminders go, and to whom, as things stand now. */
export function useReminders(lid: string) {
  return useQuery({
    queryKey: keys.reminders(lid),
    queryFn: () => ok(api.GET('/api/letters/{lid}/reminders', { params: { path: { lid } } })),
    refetchInterval: useLivePoll(),
  });
}

/** The directory's organizations matching `search` (first 50, by name), for the picker. */
export function useDirectorySearch(wid: string, search: string, enabled: boolean) {
  return useQuery({
    queryKey: ['workspaces', wid, 'organizations', 'pick', search],
    enabled,
    placeholderData: keepPreviousData,
    queryFn: () =>
      ok(
        api.GET('/api/workspaces/{wid}/organizations', {
          params: { path: { wid }, query: { search: search || undefined, limit: 50 } },
        }),
      ),
  });
}

/** After an invitation changes: the list, the funnel and the schedule. */
function useRefresh(lid: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all(
      [keys.invitations(lid), keys.reminders(lid), trackingKeys.stats(lid)].map((queryKey) =>
        queryClient.invalidateQueries({ queryKey }),
      ),
    );
}

/** The mail as it would go, written and sent nowhere. */
export function usePreview(lid: string) {
  return useMutation({
    mutationFn: (body: InviteBody) =>
      ok(api.POST('/api/letters/{lid}/invitations/preview', { params: { path: { lid } }, body })),
  });
}

export function useInvite(lid: string) {
  const refresh = useRefresh(lid);
  return useMutation({
    mutationFn: (body: InviteBody) =>
      ok(api.POST('/api/letters/{lid}/invitations', { params: { path: { lid } }, body })),
    onSuccess: refresh,
  });
}

export function useResend(lid: string) {
  const refresh = useRefresh(lid);
  return useMutation({
    mutationFn: (iid: string) =>
      ok(api.POST('/api/invitations/{iid}/resend', { params: { path: { iid } } })),
    onSuccess: refresh,
  });
}

export function useRevoke(lid: string) {
  const refresh = useRefresh(lid);
  return useMutation({
    mutationFn: (iid: string) =>
      ok(api.POST('/api/invitations/{iid}/revoke', { params: { path: { iid } } })),
    onSuccess: refresh,
  });
}
