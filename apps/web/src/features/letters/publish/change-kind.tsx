import type { components } from '../../../api/schema';
import { LoadFailed, Loading } from '../../../components/page';
import { DiffRuns, fieldName } from '../history/diff-runs';
import { useCompare } from '../history/queries';
import { useStats } from './queries';

export type Kind = NonNullable<components['schemas']['PublishDto']['kind']>;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * Publishing over a published revision: the lead chooses a substantive change or a
 * correction (docs/letters.md, Corrections), seeing what changed, how much, and what each
 * choice does to the sign-ons, from the API's diff and stats.
 */
export function ChangeKind({
  lid,
  published,
  revision,
  kind,
  onKind,
  reason,
  onReason,
  errors,
}: {
  lid: string;
  published: number;
  revision: number;
  kind: Kind;
  onKind: (kind: Kind) => void;
  reason: string;
  onReason: (reason: string) => void;
  errors: Record<string, string>;
}) {
  const diff = useCompare(lid, published, revision);
  const stats = useStats(lid, true);
  if (diff.isError || stats.isError) {
    return (
      <LoadFailed
        what="the changes"
        retry={() => void Promise.all([diff.refetch(), stats.refetch()])}
      />
    );
  }
  if (!diff.data || !stats.data) return <Loading what="the changes" />;
  const { textChange, correctionAllowed, formattingOnly } = diff.data;
  const percent = (textChange.share * 100).toLocaleString(undefined, { maximumFractionDigits: 1 });
  const { byRevision, awaitingReconsent } = stats.data;
  const onPublished = byRevision[String(published)] ?? 0;
  const signedEarlier = Object.entries(byRevision)
    .filter(([n]) => Number(n) < revision)
    .reduce((sum, [, count]) => sum + count, 0);
  const changed = diff.data.fields.filter((f) => f.changed);

  return (
    <>
      <h3>What changed since revision {published}</h3>
      <p id="change-size">
        {formattingOnly
          ? 'Only the formatting changed: no word reads differently.'
          : `${plural(textChange.changedWords, 'word', 'words')} changed of ${textChange.words} (${percent} %).`}{' '}
        {correctionAllowed
          ? 'Small enough to publish as a correction (at most 2 %).'
          : 'More than a correction may change (2 % of the words): it can only be published as a substantive change.'}
      </p>
      <dl className="facts diff-summary">
        {changed.map((f) => (
          <div key={f.field}>
            <dt>{fieldName(f.field)}</dt>
            <dd>{f.formattingOnly ? 'formatting only' : <DiffRuns runs={f.runs} />}</dd>
          </div>
        ))}
      </dl>
      <fieldset
        className={errors.kind ? 'field field--invalid' : 'field'}
        aria-describedby={errors.kind ? 'field-kind-error' : undefined}
      >
        <legend>Kind of change</legend>
        <label className="check">
          <input
            type="radio"
            name="kind"
            value="substantive"
            checked={kind === 'substantive'}
            onChange={() => onKind('substantive')}
          />{' '}
          Substantive change
        </label>
        <p className="field-hint">
          {plural(signedEarlier, 'organization', 'organizations')} signed an earlier revision: each
          is mailed the changes and asked to confirm the new text or withdraw. Until they do, their
          sign-on stays on the revision they signed.
        </p>
        <label className="check">
          <input
            type="radio"
            name="kind"
            value="correction"
            checked={kind === 'correction'}
            disabled={!correctionAllowed}
            aria-describedby="change-size"
            onChange={() => onKind('correction')}
          />{' '}
          Correction
        </label>
        <p className="field-hint">
          The {plural(onPublished, 'confirmed sign-on', 'confirmed sign-ons')} on revision{' '}
          {published}, and those awaiting approval, move to revision {revision}; each signer gets
          one notice with your reason and the changes, and is asked to do nothing.
          {awaitingReconsent > 0 &&
            ` ${plural(awaitingReconsent, 'organization', 'organizations')} still waiting to confirm an earlier change ${awaitingReconsent === 1 ? 'is' : 'are'} not carried forward and ${awaitingReconsent === 1 ? 'is' : 'are'} asked again.`}
        </p>
        {errors.kind && (
          <p id="field-kind-error" className="field-error">
            {errors.kind}
          </p>
        )}
      </fieldset>
      <div className={errors.reason ? 'field field--invalid' : 'field'}>
        <label htmlFor="field-reason">
          Reason{' '}
          {kind === 'correction'
            ? '(required, shown to the signers)'
            : '(optional, kept in the audit trail)'}
        </label>
        <textarea
          id="field-reason"
          name="reason"
          rows={2}
          maxLength={500}
          value={reason}
          aria-invalid={errors.reason ? true : undefined}
          aria-describedby={errors.reason ? 'field-reason-error' : undefined}
          onChange={(e) => onReason(e.target.value)}
        />
        {errors.reason && (
          <p id="field-reason-error" className="field-error">
            {errors.reason}
          </p>
        )}
      </div>
    </>
  );
}
