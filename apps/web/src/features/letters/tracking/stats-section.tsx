import { LoadFailed, Loading } from '../../../components/page';
import { useTrackingStats } from './queries';

const number = new Intl.NumberFormat();

/** The counts by status, the invitations, and the confirmed sign-ons by revision signed. */
export function StatsSection({ lid, published }: { lid: string; published: number }) {
  const stats = useTrackingStats(lid);
  if (stats.isPending) return <Loading what="the numbers" />;
  if (stats.isError) return <LoadFailed what="the numbers" retry={() => void stats.refetch()} />;
  const s = stats.data;
  const signOns = [
    ['signed', 'Signed', s.signed],
    ['pending', 'Pending approval', s.pending],
    ['reconsent', 'Awaiting re-consent', s.awaitingReconsent],
    ['withdrawn', 'Withdrawn', s.withdrawn],
    ['rejected', 'Rejected', s.rejected],
  ] as const;
  const invitations = [
    ['invited', 'Invited', s.invited],
    ['sent', 'Delivered', s.sent],
    ['opened', 'Opened', s.opened],
    ['declined', 'Declined', s.declined],
    ['failed', 'Not delivered', s.failed],
  ] as const;
  const revisions = Object.entries(s.byRevision).sort(([a], [b]) => Number(b) - Number(a));
  return (
    <>
      <section aria-labelledby="sign-on-counts">
        <h2 id="sign-on-counts">Sign-ons</h2>
        <Tally items={signOns} />
        <h2 id="invitation-counts">Invitations</h2>
        <Tally items={invitations} />
      </section>
      <section aria-labelledby="by-revision">
        <h2 id="by-revision">Signed, by revision</h2>
        {revisions.length === 0 ? (
          <p className="empty">No confirmed sign-on yet.</p>
        ) : (
          <table className="table card">
            <thead>
              <tr>
                <th scope="col">Revision signed</th>
                <th scope="col" className="num">
                  Sign-ons
                </th>
              </tr>
            </thead>
            <tbody>
              {revisions.map(([revision, count]) => (
                <tr key={revision}>
                  <th scope="row">
                    Revision {revision}
                    {Number(revision) === published ? ' (current)' : ''}
                  </th>
                  <td className="num">{number.format(count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {s.awaitingReconsent > 0 && (
          <p className="aside">
            {number.format(s.awaitingReconsent)} signed an earlier revision and{' '}
            {s.awaitingReconsent === 1 ? 'is' : 'are'} asked to confirm revision {published}.
          </p>
        )}
      </section>
    </>
  );
}

function Tally({ items }: { items: readonly (readonly [string, string, number])[] }) {
  return (
    <dl className="tally">
      {items.map(([id, label, value]) => (
        <div key={id} className="tally-item">
          <dt>{label}</dt>
          <dd id={`count-${id}`}>{number.format(value)}</dd>
        </div>
      ))}
    </dl>
  );
}
