import { when } from '../../../lib/when';
import { useAuditCheck } from './queries';

/**
 * The audit chain recomputed by the API: verified, or broken at the first event that does
 * not match; with when it was checked, and a way to check again.
 */
export function AuditBadge({ lid }: { lid: string }) {
  const check = useAuditCheck(lid, true);
  const checkedAt = check.dataUpdatedAt ? new Date(check.dataUpdatedAt).toISOString() : null;
  return (
    <div className="audit">
      <span role="status">
        {check.isPending ? (
          <span className="loading">Checking the audit chain…</span>
        ) : check.isError ? (
          <span className="badge badge--broken">Audit chain could not be checked</span>
        ) : check.data.valid ? (
          <span className="badge badge--verified">Audit chain verified ✓</span>
        ) : (
          <span className="badge badge--broken">
            Audit chain broken at event {check.data.brokenAt ?? '?'}
          </span>
        )}{' '}
        {checkedAt && check.data && (
          <span className="list-meta">
            checked <time dateTime={checkedAt}>{when(checkedAt)}</time> · {check.data.letterEvents}{' '}
            {check.data.letterEvents === 1 ? 'event' : 'events'} of this letter
          </span>
        )}
      </span>{' '}
      <button
        type="button"
        className="button button--small"
        onClick={() => void check.refetch()}
        disabled={check.isFetching}
      >
        {check.isFetching ? 'Checking…' : 'Check again'}
      </button>
    </div>
  );
}
