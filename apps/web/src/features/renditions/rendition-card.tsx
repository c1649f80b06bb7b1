import { useMutation, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useContext, useState } from 'react';
import { api, ok } from '../../api/client';
import type { components } from '../../api/schema';
import { formErrors } from '../../api/errors';
import { LoadFailed, Loading } from '../../components/page';
import { when } from '../../lib/when';
import { rendersPdf, seesDeliveredNames } from '../../lib/roles';
import { renditionKey, renditionsKey, type Rendition } from './queries';
import { RenditionChangesView } from './rendition-changes';
import { RenditionFiles } from './rendition-files';
import { LiveContext } from '../letters/live/use-letter-events';
import { useRenditionProgress } from './rendition-progress';
import { editionName, isActive, plural, progressText, variantName } from './rendition-text';

type Role = components['schemas']['Role'];

// pdf.js (about 400 KB) comes only with the preview, in its own chunk.
const PdfPreview = lazy(() => import('./pdf-preview'));

/** One rendition as it stands: its progress, or its files, preview and changes, or why it failed. */
export function RenditionCard({ lid, rid, role }: { lid: string; rid: string; role: Role }) {
  // While the letter's stream is open it pushes the progress; polling is the fallback.
  const rendition = useRenditionProgress(rid, { poll: useContext(LiveContext).mode !== 'live' });
  // A rendition seen rendering keeps its bar, full, once done: the end of what was watched.
  const [watched, setWatched] = useState(false);
  if (rendition.data && isActive(rendition.data.status) && !watched) setWatched(true);
  if (rendition.isError) {
    return <LoadFailed what="the rendition" retry={() => void rendition.refetch()} />;
  }
  if (!rendition.data) return <Loading what="the rendition" />;
  const r = rendition.data;
  const readable = r.edition === 'public' || seesDeliveredNames(role);
  return (
    <section aria-labelledby="rendition" className="card rendition">
      <h2 id="rendition">
        {editionName(r.edition)}, {variantName(r.variant)}
      </h2>
      <RenditionFacts rendition={r} />
      <p role="status" className="rendition-state">
        {r.status === 'queued' && 'Queued: the renderer will start shortly.'}
        {r.status === 'rendering' && 'Rendering…'}
        {r.status === 'done' &&
          `Rendered: ${plural(r.files.length, 'file', 'files')}${r.finishedAt ? `, ${when(r.finishedAt)}` : ''}.`}
        {r.status === 'failed' && 'Rendering failed.'}
      </p>
      {(isActive(r.status) || (watched && r.status === 'done')) && (
        <RenditionProgress rendition={r} />
      )}
      {r.status === 'failed' && <Failed rendition={r} lid={lid} role={role} />}
      {r.status === 'done' && (
        <>
          {readable ? (
            <RenditionFiles rendition={r} lid={lid} />
          ) : (
            <p className="aside">
              The delivered edition names signers who asked to be named only to the officials: it is
              for coordinators. The public edition can be downloaded by every member.
            </p>
          )}
          {r.warnings.length > 0 && (
            <>
              <h3>Printed differently than written</h3>
              <ul className="warnings">
                {r.warnings.map((w) => (
                  <li key={w} dir="auto">
                    {w}
                  </li>
                ))}
              </ul>
            </>
          )}
          <h3>Since the previous {r.edition === 'delivery' ? 'delivered' : 'public'} edition</h3>
          <RenditionChangesView rid={r.id} readable={readable} />
          {readable && r.files[0] && (
            <>
              <h3>Preview</h3>
              <Suspense fallback={<Loading what="the preview" />}>
                <PdfPreview rid={r.id} addressee={r.files[0].addressee} pages={r.files[0].pages} />
              </Suspense>
            </>
          )}
        </>
      )}
    </section>
  );
}

/** Revision, date, and how many organizations the rendition names and counts. */
export function RenditionFacts({ rendition: r }: { rendition: Rendition }) {
  return (
    <p className="list-meta">
      Revision {r.revision} · requested {when(r.createdAt)} ·{' '}
      {plural(r.signatoryCount, 'organization named', 'organizations named')}
      {r.unnamedCount > 0 && `, ${r.unnamedCount} more counted`}
    </p>
  );
}

/** The bar, fed by useRenditionProgress (polling now, the event stream later). */
function RenditionProgress({ rendition: r }: { rendition: Rendition }) {
  const value = r.status === 'queued' ? 0 : r.progress;
  return (
    <div className="rendition-progress">
      <label htmlFor="rendition-progress">Progress</label>
      <progress
        id="rendition-progress"
        max={100}
        value={value}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value}
        aria-valuetext={progressText(r.status, value)}
      />
      <p aria-hidden="true">{progressText(r.status, value)}</p>
    </div>
  );
}

function Failed({ rendition: r, lid, role }: { rendition: Rendition; lid: string; role: Role }) {
  const queryClient = useQueryClient();
  const retry = useMutation({
    mutationFn: () =>
      ok(api.POST('/api/renditions/{rid}/retry', { params: { path: { rid: r.id } } })),
    onSuccess: async (queued) => {
      queryClient.setQueryData(renditionKey(r.id), queued);
      await queryClient.invalidateQueries({ queryKey: renditionsKey(lid), exact: true });
    },
  });
  return (
    <div className="form-alert">
      <p dir="auto">{r.error ?? 'The renderer gave no reason.'}</p>
      {retry.isError && <p role="alert">{formErrors(retry.error, []).form}</p>}
      {rendersPdf(role) && (
        <button
          type="button"
          className="button"
          disabled={retry.isPending}
          onClick={() => retry.mutate()}
        >
          Try again
        </button>
      )}
    </div>
  );
}
