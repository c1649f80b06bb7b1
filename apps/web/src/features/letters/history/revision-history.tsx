import { useState } from 'react';
import { SelectField } from '../../../components/form';
import { LoadFailed, Loading } from '../../../components/page';
import { CompareView } from './compare-view';
import { useRevisions } from './queries';

const when = (iso: string) =>
  new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(iso),
  );

/** Every revision with its message, and any two compared word by word. */
export function RevisionHistory({ lid, latest }: { lid: string; latest: number }) {
  const revisions = useRevisions(lid, latest);
  const [pair, setPair] = useState({ from: Math.max(1, latest - 1), to: latest });

  if (revisions.isError) {
    return <LoadFailed what="the revisions" retry={() => void revisions.refetch()} />;
  }
  if (!revisions.data) return <Loading what="the revisions" />;
  const numbers = revisions.data.map((r) => r.number);
  const choose = (name: 'from' | 'to') => (
    <SelectField
      name={`compare-${name}`}
      label={name === 'from' ? 'Compare revision' : 'with revision'}
      value={pair[name]}
      onChange={(e) => setPair({ ...pair, [name]: Number(e.target.value) })}
    >
      {numbers.map((n) => (
        <option key={n} value={n}>
          {n}
        </option>
      ))}
    </SelectField>
  );
  return (
    <section aria-labelledby="history">
      <h2 id="history">Revision history</h2>
      <ol className="list revisions">
        {[...revisions.data].reverse().map((r) => (
          <li key={r.number}>
            <strong>Revision {r.number}</strong> · {when(r.createdAt)}
            {r.message && ` · ${r.message}`}
          </li>
        ))}
      </ol>
      {numbers.length > 1 && (
        <>
          <h3>Compare</h3>
          <div className="compare-choice">
            {choose('from')}
            {choose('to')}
          </div>
          <CompareView lid={lid} from={pair.from} to={pair.to} />
        </>
      )}
    </section>
  );
}
