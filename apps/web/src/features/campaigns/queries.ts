import { useQuery } from '@tanstack/react-query';
import { api, ok } from '../../api/client';

export const campaignsKey = (wid: string) => ['workspaces', wid, 'campaigns'] as const;
export const campaignKey = (cid: string) => ['campaigns', cid] as const;
export const lettersKey = (cid: string) => ['campaigns', cid, 'letters'] as const;

/** The workspace's campaigns, newest first; archived ones only when asked for. */
export function useCampaigns(wid: string, archived: boolean) {
  return useQuery({
    queryKey: [...campaignsKey(wid), { archived }],
    queryFn: () =>
      ok(
        api.GET('/api/workspaces/{wid}/campaigns', {
          params: { path: { wid }, query: archived ? { archived: 'true' } : {} },
        }),
      ),
  });
}

export function useCampaign(cid: string) {
  return useQuery({
    queryKey: campaignKey(cid),
    queryFn: () => ok(api.GET('/api/campaigns/{cid}', { params: { path: { cid } } })),
  });
}

/** The campaign's letters with status, deadline and sign-on count: one call for the list. */
export function useLetters(cid: string) {
  return useQuery({
    queryKey: lettersKey(cid),
    queryFn: () => ok(api.GET('/api/campaigns/{cid}/letters', { params: { path: { cid } } })),
  });
}
