import { useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useState } from 'react';
import { pushRenditionUpdate } from '../../renditions/rendition-progress';
import { LetterEvents, pollInterval, POLL_KNOB, type LiveMode } from './letter-events';

/** Read once per page load: `localStorage['signatory.pollMs']`, else 10 s (docs/web.md). */
let pollMs: number | undefined;
function configuredPoll(): number {
  if (pollMs === undefined) {
    let knob: string | null = null;
    try {
      knob = window.localStorage.getItem(POLL_KNOB);
    } catch {
      // Storage may be refused (privacy settings): the default then.
    }
    pollMs = pollInterval(knob);
  }
  return pollMs;
}

export interface LiveState {
  mode: LiveMode;
  /** The queries' refetchInterval: false while the stream is open. */
  poll: number | false;
}

/**
 * Opens the letter's event stream and keeps its queries fresh: invalidated on each event
 * while it is open, polled while it is not (and retried with backoff; not opened at all
 * unless `enabled`); rendition progress goes into the rendition's cached state. Every
 * member may open it; the API sends each what their role may see. For the tracking screens' layout and the final
 * PDF's screen; the screens read the result through `useLivePoll` / `LiveContext`.
 */
export function useLetterEvents(lid: string, { enabled = true } = {}): LiveState {
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<LiveMode>('polling');
  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    const events = new LetterEvents({
      lid,
      open: (url) => new EventSource(url, { withCredentials: true }),
      invalidate: (queryKey) => void queryClient.invalidateQueries({ queryKey }),
      onMode: setMode,
      // Into the rendition's cached state, where the final PDF's progress bar reads it.
      onRendition: (update) => pushRenditionUpdate(queryClient, update),
    });
    events.start();
    return () => events.stop();
  }, [lid, queryClient, enabled]);
  return { mode, poll: mode === 'live' ? false : configuredPoll() };
}

export const LiveContext = createContext<LiveState>({ mode: 'polling', poll: false });

/** The refetchInterval for a tracking query: polling only while the stream is down. */
export const useLivePoll = () => useContext(LiveContext).poll;
