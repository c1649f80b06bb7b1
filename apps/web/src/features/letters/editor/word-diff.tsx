import { DiffRuns } from '../history/diff-runs';
import { wordRuns } from './merge';

/**
 * Theirs → mine as read: what mine removes struck through, what it adds underlined, drawn
 * like the revision history's diff (the same runs, the same screen-reader words).
 */
export function WordDiff({ theirs, mine }: { theirs: string; mine: string }) {
  const runs = wordRuns(theirs, mine).map(({ kind, text }) => ({ type: kind, text }));
  return (
    <p className="word-diff">
      <DiffRuns runs={runs} />
    </p>
  );
}
