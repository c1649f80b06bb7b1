import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, ok } from '../../api/client';

export const letterKey = (lid: string) => ['letters', lid] as const;

/** The letter with its current draft's content and its settings. */
export const letterQuery = (lid: string) =>
  queryOptions({
    queryKey: letterKey(lid),
    queryFn: () => ok(api.GET('/api/letters/{lid}', { params: { path: { lid } } })),
  });

export function useLetter(lid: string) {
  return useQuery(letterQuery(lid));
}
