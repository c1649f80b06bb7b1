import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, ok } from '../../../api/client';
import { letterKey } from '../queries';
import type { Content } from './merge';
import { saveFailure, type SaveState } from './save-state';

/** Typing pauses this long before the draft saves by itself. */
export const AUTOSAVE_MS = 1500;

export interface Base {
  revision: number;
  content: Content;
}

/**
 * The draft being edited and its saving. Every save names the revision the edit started
 * from (`base`); the server refuses it with 409 when someone saved since, and the state
 * becomes a conflict holding their version, so the edit on screen is never overwritten.
 * Saves go when typing pauses, when the form loses focus, on leaving the screen, and on
 * the Save button; one at a time, and never while a conflict is open.
 */
export function useDraft(lid: string, initial: Base) {
  const queryClient = useQueryClient();
  const [base, setBase] = useState(initial);
  const [draft, setDraft] = useState(initial.content);
  const [state, setState] = useState<SaveState>({ kind: 'saved' });
  // The latest values for callbacks that outlive a render (timers, unmount).
  const latest = useRef({ base, draft, state });
  latest.current = { base, draft, state };

  const save = useCallback(async () => {
    const { base: from, draft: content, state: now } = latest.current;
    if (now.kind === 'saving' || now.kind === 'conflict' || now.kind === 'saved') return;
    // Marked at once, not at the next render: a blur and a submit in the same tick must
    // not send two saves from one base (the second would conflict with the first).
    latest.current.state = { kind: 'saving' };
    setState({ kind: 'saving' });
    try {
      const saved = await ok(
        api.PUT('/api/letters/{lid}/draft', {
          params: { path: { lid } },
          body: { baseRevision: from.revision, content },
        }),
      );
      setBase({ revision: saved.revision, content });
      latest.current.base = { revision: saved.revision, content };
      // Typing during the save leaves the newer text unsaved; the next pause saves it.
      setState(latest.current.draft === content ? { kind: 'saved' } : { kind: 'unsaved' });
      void queryClient.invalidateQueries({ queryKey: letterKey(lid) });
    } catch (error) {
      setState(saveFailure(error));
    }
  }, [lid, queryClient]);

  const edit = useCallback((next: Content) => {
    setDraft(next);
    setState((now) =>
      now.kind === 'conflict' || now.kind === 'saving' ? now : { kind: 'unsaved' },
    );
  }, []);

  // Autosave: each edit restarts the pause.
  useEffect(() => {
    if (state.kind !== 'unsaved') return;
    const timer = window.setTimeout(() => void save(), AUTOSAVE_MS);
    return () => window.clearTimeout(timer);
  }, [draft, state.kind, save]);

  // Leaving the screen saves what is left; the request outlives the component.
  useEffect(() => () => void save(), [save]);

  // Closing the tab or reloading cannot wait for a save: the browser asks first instead.
  const pending = state.kind !== 'saved';
  useEffect(() => {
    if (!pending) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [pending]);

  /** After a conflict: continue on their revision with `content` (mine, theirs or merged). */
  const resolve = useCallback(
    (currentRevision: number, theirs: Content, content: Content) => {
      const onTheirs = { revision: currentRevision, content: theirs };
      setBase(onTheirs);
      setDraft(content);
      const same = JSON.stringify(content) === JSON.stringify(theirs);
      const next: SaveState = same ? { kind: 'saved' } : { kind: 'unsaved' };
      latest.current = { base: onTheirs, draft: content, state: next };
      setState(next);
      if (!same) void save();
    },
    [save],
  );

  return { base, draft, state, edit, save, resolve };
}
