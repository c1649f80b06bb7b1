import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, ok } from '../../api/client';

export const letterKey = (lid: string) => ['letters', lid] as const;

/** The letter with its current draft's content and its settings. */
export const letterQuery = (lid: string) =>
  queryOptions({
    queryKey: letterKey(lid),
    queryFn: () => ok(api.GET('/api/letters/{lid}', { params: { path: { lid } } })),
    // Fresh for a moment: the copy the route's loader asked for (app.tsx) is not asked for
    // again when the screen mounts. A save invalidates it, and that refetches at once.
    staleTime: 2_000,
  });

export function useLetter(lid: string) {
  return useQuery(letterQuery(lid));
}
