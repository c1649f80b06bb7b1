import { LoadFailed, Loading } from '../../../components/page';
import { DiffRuns, fieldName } from './diff-runs';
import { useCompare } from './queries';

/**
 * Two revisions side by side (stacked on a phone), only the fields that differ: the older
 * with its removed words struck through, the newer with its added words underlined.
 */
export function CompareView({ lid, from, to }: { lid: string; from: number; to: number }) {
  const diff = useCompare(lid, from, to);
  if (diff.isError) return <LoadFailed what="the comparison" retry={() => void diff.refetch()} />;
  if (!diff.data) return <Loading what="the comparison" />;
  const changed = diff.data.fields.filter((f) => f.changed);
  if (changed.length === 0)
    return (
      <p>
        Revisions {from} and {to} read the same.
      </p>
    );
  return (
    <div className="compare">
      <p className="field-hint">
        Removed words are struck through, added words underlined (screen readers say “deleted” and
        “inserted”).
      </p>
      {changed.map((f) => (
        <section key={f.field} className="compare-field" aria-label={fieldName(f.field)}>
          <h4>
            {fieldName(f.field)}
            {f.formattingOnly && ' (formatting only)'}
          </h4>
          <div className="compare-sides">
            <div>
              <p className="compare-side">Revision {from}</p>
              <DiffRuns runs={f.runs} side="from" />
            </div>
            <div>
              <p className="compare-side">Revision {to}</p>
              <DiffRuns runs={f.runs} side="to" />
            </div>
          </div>
        </section>
      ))}
    </div>
  );
}
