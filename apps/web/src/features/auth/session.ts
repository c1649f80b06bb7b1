import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api, ok } from '../../api/client';
import { ApiError } from '../../api/errors';

export const meKey = ['me'] as const;

/** The signed-in user; `signedOut` once the API has answered 401. */
export function useMe() {
  const query = useQuery({
    queryKey: meKey,
    queryFn: () => ok(api.GET('/api/auth/me')),
    retry: false,
    staleTime: 60_000,
  });
  const signedOut = query.error instanceof ApiError && query.error.status === 401;
  return { ...query, signedOut };
}

/** Signs out: the API revokes the session and clears its cookies; the cache goes with it. */
export function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: () => ok(api.POST('/api/auth/logout')),
    onSuccess: async () => {
      await navigate('/sign-in');
      queryClient.clear();
    },
  });
}
