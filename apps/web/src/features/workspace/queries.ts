import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, ok } from '../../api/client';

export const workspacesKey = ['workspaces'] as const;
export const workspaceKey = (wid: string) => ['workspaces', wid] as const;

/** The caller's workspaces, each with their role in it. */
export function useWorkspaces() {
  return useQuery({ queryKey: workspacesKey, queryFn: () => ok(api.GET('/api/workspaces')) });
}

/** One workspace with the caller's role (404 when it is not theirs). */
export const workspaceQuery = (wid: string) =>
  queryOptions({
    queryKey: workspaceKey(wid),
    queryFn: () => ok(api.GET('/api/workspaces/{wid}', { params: { path: { wid } } })),
    // Fresh for a moment: the copy the route's loader asked for (app.tsx) is not asked for
    // again when the screen mounts.
    staleTime: 2_000,
  });

export function useWorkspace(wid: string) {
  return useQuery(workspaceQuery(wid));
}
