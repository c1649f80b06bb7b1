import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { api, ok } from '../../api/client';
import { isActive } from './rendition-text';
import { renditionKey, renditionsKey, type Rendition } from './queries';

/** How often a queued or rendering rendition is asked for, while nothing pushes updates. */
export const POLL_MS = 700;

/** How often an active rendition is read while its updates are pushed: a backstop. */
const LIVE_CHECK_MS = 5_000;

/**
 * A rendition's state as it renders: the progress bar's source.
 *
 * The letter's event stream (`GET /api/letters/{lid}/events`, `event: rendition`) pushes
 * each update through `pushRenditionUpdate(queryClient, data)` (use-letter-events.ts), which
 * writes it into this query's cache entry (`renditionKey(rid)`); every screen using this
 * hook redraws from it. While the stream is not open (`poll`), it asks
 * `GET /api/renditions/{rid}` every POLL_MS while the rendition is queued or rendering (with
 * the stream open, every LIVE_CHECK_MS), and stops once it is done or failed.
 */
export function useRenditionProgress(
  rid: string | undefined,
  { poll = true }: { poll?: boolean } = {},
) {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: renditionKey(rid ?? ''),
    queryFn: () => ok(api.GET('/api/renditions/{rid}', { params: { path: { rid: rid! } } })),
    enabled: Boolean(rid),
    // Even with the stream open, an active rendition is read again now and then: a pushed
    // update can arrive while the first read is in flight, and that read's older answer
    // would then overwrite it, leaving the bar at "rendering" with nothing more to come.
    refetchInterval: (q) =>
      q.state.data && isActive(q.state.data.status) ? (poll ? POLL_MS : LIVE_CHECK_MS) : false,
  });

  // The letter's list shows each rendition's state: refresh it when this one finishes.
  const status = query.data?.status;
  const previous = useRef(status);
  useEffect(() => {
    const was = previous.current;
    previous.current = status;
    if (was && status && isActive(was) && !isActive(status) && query.data) {
      void queryClient.invalidateQueries({ queryKey: renditionsKey(query.data.letterId) });
    }
  }, [status, query.data, queryClient]);
  return query;
}

/**
 * The seam for pushed updates (the event stream's `rendition` events): merges what was
 * pushed into the rendition's cached state, so useRenditionProgress redraws without asking
 * the API. A partial update (`{id, status, progress}`) keeps the other fields.
 */
export function pushRenditionUpdate(
  queryClient: QueryClient,
  update: Pick<Rendition, 'id'> & Partial<Rendition>,
): void {
  queryClient.setQueryData<Rendition>(renditionKey(update.id), (current) =>
    current ? { ...current, ...update } : isComplete(update) ? update : current,
  );
}

const isComplete = (update: Partial<Rendition>): update is Rendition =>
  update.letterId !== undefined && update.files !== undefined && update.status !== undefined;
