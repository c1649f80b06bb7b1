import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, ok } from '../../api/client';
import type { components } from '../../api/schema';
import { PAGE_SIZE, type DirectoryQuery } from './directory-query';

export type Organization = components['schemas']['OrganizationView'];
/** A row of the directory: an organization with its last activity. */
export type DirectoryItem = components['schemas']['DirectoryItemView'];

export const directoryKey = (wid: string) => ['workspaces', wid, 'organizations'] as const;
export const organizationKey = (oid: string) => ['organizations', oid] as const;

/** One page of the directory, in the order asked, paged by the API (50 rows whatever its size). */
function directoryPage(wid: string, query: DirectoryQuery) {
  return ok(
    api.GET('/api/workspaces/{wid}/organizations', {
      params: {
        path: { wid },
        query: {
          search: query.search.trim() || undefined,
          tag: query.tag.trim() || undefined,
          archived: query.archived ? 'true' : undefined,
          sort: query.sort === 'name' ? undefined : query.sort,
          page: query.page,
          limit: PAGE_SIZE,
        },
      },
    }),
  );
}

/** The page keeps showing its rows while the next search or page loads (no flash). */
export function useDirectory(wid: string, query: DirectoryQuery) {
  return useQuery({
    queryKey: [...directoryKey(wid), query],
    queryFn: () => directoryPage(wid, query),
    placeholderData: keepPreviousData,
  });
}

export function useOrganization(oid: string) {
  return useQuery({
    queryKey: organizationKey(oid),
    queryFn: () => ok(api.GET('/api/organizations/{oid}', { params: { path: { oid } } })),
  });
}

export function useOrganizationHistory(oid: string) {
  return useQuery({
    queryKey: [...organizationKey(oid), 'history'],
    queryFn: () => ok(api.GET('/api/organizations/{oid}/history', { params: { path: { oid } } })),
  });
}

export function useDuplicates(wid: string) {
  return useQuery({
    queryKey: [...directoryKey(wid), 'duplicates'],
    queryFn: () =>
      ok(api.GET('/api/workspaces/{wid}/organizations/duplicates', { params: { path: { wid } } })),
  });
}
