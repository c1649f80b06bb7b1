import { useQuery } from '@tanstack/react-query';
import { api, ok } from '../../api/client';
import type { components } from '../../api/schema';

export type Rendition = components['schemas']['RenditionView'];
export type RenditionChanges = components['schemas']['RenditionChangesView'];

export const renditionsKey = (lid: string) => ['letters', lid, 'renditions'] as const;
export const renditionKey = (rid: string) => ['renditions', rid] as const;

/** A letter's renditions, newest first. */
export function useRenditions(lid: string) {
  return useQuery({
    queryKey: renditionsKey(lid),
    queryFn: () => ok(api.GET('/api/letters/{lid}/renditions', { params: { path: { lid } } })),
  });
}

/**
 * What changed since the previous finished rendition of the same edition. A rendition
 * never changes once done, so neither does this: fetched once.
 */
export function useRenditionChanges(rid: string, enabled: boolean) {
  return useQuery({
    queryKey: [...renditionKey(rid), 'changes'],
    queryFn: () => ok(api.GET('/api/renditions/{rid}/changes', { params: { path: { rid } } })),
    enabled,
    staleTime: Infinity,
  });
}

/** One published revision (its addressees name a per-addressee rendition's files). */
export function useRevision(lid: string, n: number) {
  return useQuery({
    queryKey: ['letters', lid, 'revisions', 'number', n],
    queryFn: () =>
      ok(api.GET('/api/letters/{lid}/revisions/{n}', { params: { path: { lid, n } } })),
    staleTime: Infinity,
  });
}
