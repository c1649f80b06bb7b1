import { queryOptions, useMutation, useQuery } from '@tanstack/react-query';
import { api, ok } from '../../api/client';
import { ApiError } from '../../api/errors';

export const meKey = ['me'] as const;

/** The signed-in user's query, shared by useMe and the router's prefetch (app.tsx). */
export const meQuery = queryOptions({
  queryKey: meKey,
  queryFn: () => ok(api.GET('/api/auth/me')),
  retry: false,
  staleTime: 60_000,
});

/** The signed-in user; `signedOut` once the API has answered 401. */
export function useMe() {
  const query = useQuery(meQuery);
  const signedOut = query.error instanceof ApiError && query.error.status === 401;
  return { ...query, signedOut };
}

/**
 * Signs out: the API revokes the session and clears its cookies, then the app starts again
 * from /sign-in with a new page, so nothing of the account stays in memory.
 */
export function useSignOut() {
  return useMutation({
    mutationFn: () => ok(api.POST('/api/auth/logout')),
    onSuccess: () => window.location.assign('/sign-in'),
  });
}
