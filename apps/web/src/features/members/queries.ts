import { useQuery } from '@tanstack/react-query';
import { api, ok } from '../../api/client';

export const membersKey = (wid: string) => ['workspaces', wid, 'members'] as const;

/** The workspace's members by name, and the join invitations not used yet. */
export function useMembers(wid: string) {
  return useQuery({
    queryKey: membersKey(wid),
    queryFn: () => ok(api.GET('/api/workspaces/{wid}/members', { params: { path: { wid } } })),
  });
}
