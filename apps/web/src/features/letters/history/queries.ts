import { useQuery } from '@tanstack/react-query';
import { api, ok } from '../../../api/client';

/** Every revision of a letter, with its message, oldest first as the API lists them. */
export function useRevisions(lid: string, latest: number) {
  return useQuery({
    // Keyed by the latest number: a new save lists again.
    queryKey: ['letters', lid, 'revisions', latest],
    queryFn: () => ok(api.GET('/api/letters/{lid}/revisions', { params: { path: { lid } } })),
  });
}

/** The word diff between two revisions, field by field. */
export function useCompare(lid: string, from: number, to: number) {
  return useQuery({
    queryKey: ['letters', lid, 'diff', from, to],
    queryFn: () =>
      ok(api.GET('/api/letters/{lid}/diff', { params: { path: { lid }, query: { from, to } } })),
  });
}
