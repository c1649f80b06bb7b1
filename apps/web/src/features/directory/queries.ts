import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, ok } from '../../api/client';
import type { components } from '../../api/schema';
import { descendingWindow, PAGE_SIZE, type DirectoryQuery } from './directory-query';

export type Organization = components['schemas']['OrganizationView'];
type OrganizationPage = components['schemas']['OrganizationPageView'];

export const directoryKey = (wid: string) => ['workspaces', wid, 'organizations'] as const;
export const organizationKey = (oid: string) => ['organizations', oid] as const;

function fetchPage(wid: string, query: DirectoryQuery, page: number, limit = PAGE_SIZE) {
  return ok(
    api.GET('/api/workspaces/{wid}/organizations', {
      params: {
        path: { wid },
        query: {
          search: query.search.trim() || undefined,
          tag: query.tag.trim() || undefined,
          archived: query.archived ? 'true' : undefined,
          page,
          limit,
        },
      },
    }),
  );
}

/**
 * One page of the directory, paged by the API (50 rows whatever the directory's size). Z to
 * A: the total first (one row), then the one or two A-to-Z pages holding the rows.
 */
async function directoryPage(wid: string, query: DirectoryQuery): Promise<OrganizationPage> {
  if (query.sort === 'name') return fetchPage(wid, query, query.page);
  const { total } = await fetchPage(wid, query, 1, 1);
  const { apiPages, skip, take } = descendingWindow(total, query.page);
  const pages = await Promise.all(apiPages.map((p) => fetchPage(wid, query, p)));
  const items = pages.flatMap((p) => p.items).slice(skip, skip + take);
  return { items: items.reverse(), total };
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
