import { Loading } from '../../components/page';
import { when } from '../../lib/when';
import { useRenditionChanges } from './queries';
import { changeSummary } from './rendition-text';

/**
 * "1 added, 1 withdrawn" since the previous finished rendition of the same edition, the
 * names behind a disclosure. The delivered edition's names are for coordinators.
 */
export function RenditionChangesView({ rid, readable }: { rid: string; readable: boolean }) {
  const changes = useRenditionChanges(rid, readable);
  if (!readable) return <p className="aside">Its names are for coordinators.</p>;
  if (changes.isError) return <p className="aside">The changes could not be loaded.</p>;
  if (!changes.data) return <Loading what="the changes" />;
  const { since, added, withdrawn, renamed, revisionChanged } = changes.data;
  if (!since) return <p className="aside">The first one: nothing to compare with.</p>;
  const moved = added.length + withdrawn.length + renamed.length > 0;
  return (
    <div className="rendition-changes">
      <p>
        <strong>{changeSummary(changes.data)}</strong> since the rendition of{' '}
        {when(since.createdAt)}
        {revisionChanged && `, which printed revision ${since.revision}`}.
      </p>
      {moved && (
        <details>
          <summary>Names</summary>
          {added.length > 0 && (
            <>
              <h4>Added</h4>
              <ul>
                {added.map((s) => (
                  <li key={s.signatureId} dir="auto">
                    {s.displayName}
                  </li>
                ))}
              </ul>
            </>
          )}
          {withdrawn.length > 0 && (
            <>
              <h4>Withdrawn</h4>
              <ul>
                {withdrawn.map((s) => (
                  <li key={s.signatureId} dir="auto">
                    {s.displayName}
                  </li>
                ))}
              </ul>
            </>
          )}
          {renamed.length > 0 && (
            <>
              <h4>Renamed</h4>
              <ul>
                {renamed.map((s) => (
                  <li key={s.signatureId}>
                    <bdi>{s.from}</bdi> → <bdi>{s.to}</bdi>
                  </li>
                ))}
              </ul>
            </>
          )}
        </details>
      )}
    </div>
  );
}
