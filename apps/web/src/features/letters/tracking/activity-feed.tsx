import { LoadFailed, Loading } from '../../../components/page';
import { when } from '../../../lib/when';
import { activitySentence } from './activity-sentence';
import { useActivity } from './queries';

/** The latest activity in sentences, newest first; older events on request. */
export function ActivityFeed({ lid }: { lid: string }) {
  const activity = useActivity(lid, true);
  if (activity.isPending) return <Loading what="the activity" />;
  if (activity.isError) {
    return <LoadFailed what="the activity" retry={() => void activity.refetch()} />;
  }
  const events = activity.data.pages.flat();
  if (events.length === 0) return <p className="empty">Nothing has happened yet.</p>;
  return (
    <>
      <ol className="list card activity" aria-label="Activity, newest first">
        {events.map((event) => (
          <li key={event.seq} className="list-row">
            <span dir="auto">{activitySentence(event)}</span>
            <time className="list-meta" dateTime={event.at}>
              {when(event.at)}
            </time>
          </li>
        ))}
      </ol>
      {activity.hasNextPage && (
        <button
          type="button"
          className="button"
          onClick={() => void activity.fetchNextPage()}
          disabled={activity.isFetchingNextPage}
        >
          {activity.isFetchingNextPage ? 'Loading older activity…' : 'Show older activity'}
        </button>
      )}
    </>
  );
}
