import { wordRuns } from './merge';

/** Theirs → mine as read: what mine removes struck through, what it adds underlined. */
export function WordDiff({ theirs, mine }: { theirs: string; mine: string }) {
  return (
    <p className="word-diff">
      {wordRuns(theirs, mine).map((run, i) =>
        run.kind === 'added' ? (
          <ins key={i}>{run.text}</ins>
        ) : run.kind === 'removed' ? (
          <del key={i}>{run.text}</del>
        ) : (
          <span key={i}>{run.text}</span>
        ),
      )}
    </p>
  );
}
