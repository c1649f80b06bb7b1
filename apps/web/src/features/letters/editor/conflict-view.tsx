import { useEffect, useMemo, useRef, useState } from 'react';
import { compareFields, fieldText, mergeContent, type Content } from './merge';
import { WordDiff } from './word-diff';

const LABELS: Record<keyof Content, string> = {
  title: 'Title',
  date: 'Date',
  addressees: 'Addressees',
  subject: 'Subject line',
  salutation: 'Salutation',
  body: 'Body',
  closing: 'Closing',
  listHeading: 'Heading over the signatories',
};

/**
 * Someone saved while this edit was open. Their version and mine side by side as a word
 * diff, field by field, and three ways on: keep mine, take theirs, or a merged text
 * (prefilled with both sides' changes where they do not overlap) to correct and save.
 * Every choice saves on their revision, so nothing of theirs is overwritten unseen.
 */
export function ConflictView({
  base,
  mine,
  theirs,
  currentRevision,
  onResolve,
}: {
  base: Content;
  mine: Content;
  theirs: Content;
  currentRevision: number;
  onResolve: (content: Content) => void;
}) {
  const fields = useMemo(
    () => compareFields(base, mine, theirs).filter((f) => f.state !== 'same'),
    [base, mine, theirs],
  );
  const prefilled = useMemo(() => mergeContent(base, mine, theirs), [base, mine, theirs]);
  const [merged, setMerged] = useState(prefilled.content);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  return (
    <section className="conflict card" aria-labelledby="conflict-heading">
      <h2 id="conflict-heading" ref={heading} tabIndex={-1}>
        Someone else saved revision {currentRevision} while you were editing
      </h2>
      <p>
        Nothing is lost: below is how your version differs from theirs (<del>struck through</del>:
        only in theirs; <ins>underlined</ins>: only in yours).
      </p>
      {fields.map(({ field }) => (
        <div key={field} className="conflict-field">
          <h3>{LABELS[field]}</h3>
          <WordDiff theirs={fieldText(theirs, field)} mine={fieldText(mine, field)} />
        </div>
      ))}
      <div className="button-row">
        <button type="button" className="button" onClick={() => onResolve(mine)}>
          Keep mine
        </button>
        <button type="button" className="button" onClick={() => onResolve(theirs)}>
          Take theirs
        </button>
      </div>
      <h3>Merge by hand</h3>
      <p>
        Prefilled with both sets of changes
        {prefilled.unresolved.length > 0 &&
          `; where you both changed the same words (${prefilled.unresolved
            .map((f) => LABELS[f].toLowerCase())
            .join(', ')}) it holds yours`}
        .
      </p>
      {fields
        .filter(({ field }) => field !== 'addressees')
        .map(({ field }) => (
          <div className="field" key={field}>
            <label htmlFor={`merge-${field}`}>Merged {LABELS[field].toLowerCase()}</label>
            <textarea
              id={`merge-${field}`}
              rows={field === 'body' ? 12 : 2}
              value={(merged[field] as string | undefined) ?? ''}
              onChange={(e) => setMerged({ ...merged, [field]: e.target.value })}
            />
          </div>
        ))}
      {fields.some((f) => f.field === 'addressees') && (
        <fieldset>
          <legend>Merged addressees</legend>
          {(['mine', 'theirs'] as const).map((side) => {
            const list = side === 'mine' ? mine.addressees : theirs.addressees;
            return (
              <label key={side} className="choice">
                <input
                  type="radio"
                  name="merge-addressees"
                  checked={JSON.stringify(merged.addressees) === JSON.stringify(list)}
                  onChange={() => setMerged({ ...merged, addressees: list })}
                />{' '}
                {side === 'mine' ? 'Mine' : 'Theirs'}:{' '}
                {fieldText({ ...mine, addressees: list }, 'addressees') || 'none'}
              </label>
            );
          })}
        </fieldset>
      )}
      <button type="button" className="button button--primary" onClick={() => onResolve(merged)}>
        Save the merged version
      </button>
    </section>
  );
}
