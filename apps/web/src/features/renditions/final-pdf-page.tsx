import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/errors';
import { LoadFailed, Loading, Page } from '../../components/page';
import { rendersPdf } from '../../lib/roles';
import { LiveContext, useLetterEvents } from '../letters/live/use-letter-events';
import { useLetter } from '../letters/queries';
import { useWorkspace } from '../workspace/queries';
import { EarlierRenditions } from './earlier-renditions';
import { useRenditions } from './queries';
import { RenderForm } from './render-form';
import { RenditionCard } from './rendition-card';
import { InItsWorkspace } from '../workspace/in-its-workspace';

/**
 * /w/:wid/letters/:lid/pdf: the final signed PDF of a published letter. Coordinators and
 * above render it (combined or per official; delivered or public edition) and watch it
 * render; every member sees the renditions, downloads the public edition, and previews it.
 */
export function FinalPdfPage() {
  const { wid = '', lid = '' } = useParams();
  const letter = useLetter(lid);
  const workspace = useWorkspace(wid);
  const renditions = useRenditions(lid);
  // The rendition just requested (or chosen from the list); else the newest.
  const [chosen, setChosen] = useState<string>();
  // The letter's event stream pushes the progress, to every member who may see the letter.
  const live = useLetterEvents(lid);

  const back = <Link to={`/w/${wid}/letters/${lid}`}>Back to the letter</Link>;
  if (letter.isError) {
    const missing = letter.error instanceof ApiError && letter.error.status === 404;
    return (
      <Page title={missing ? 'Letter not found' : 'Final PDF'}>
        {missing ? (
          <p>
            This letter does not exist, or is not in this workspace.{' '}
            <Link to={`/w/${wid}`}>See the campaigns</Link>.
          </p>
        ) : (
          <LoadFailed what="the letter" retry={() => void letter.refetch()} />
        )}
      </Page>
    );
  }
  if (!letter.data || !workspace.data) {
    return (
      <Page title="Final PDF">
        <Loading what="the letter" />
      </Page>
    );
  }
  if (letter.data.workspaceId !== wid)
    return <InItsWorkspace workspaceId={letter.data.workspaceId} />;
  const role = workspace.data.role;
  const { content, publishedRevision } = letter.data;
  if (publishedRevision === null) {
    return (
      <Page title={`Final PDF: ${content.title}`} lead={back}>
        <p>A draft has no final PDF: publish the letter first, then collect its sign-ons.</p>
      </Page>
    );
  }
  const list = renditions.data ?? [];
  const current = chosen ?? list[0]?.id;
  return (
    <Page title={`Final PDF: ${content.title}`} lead={back}>
      <p>
        The letter as published (revision {publishedRevision}) with the organizations whose sign-on
        is confirmed, in one PDF to deliver. Each rendition keeps the list it was made with; render
        again after new sign-ons.
      </p>
      {rendersPdf(role) && <RenderForm lid={lid} onQueued={setChosen} />}
      {renditions.isError && (
        <LoadFailed what="the renditions" retry={() => void renditions.refetch()} />
      )}
      {renditions.isPending && <Loading what="the renditions" />}
      {renditions.data && list.length === 0 && (
        <p className="empty">
          No rendition yet.{!rendersPdf(role) && ' A coordinator makes them.'}
        </p>
      )}
      <LiveContext value={live}>
        {current && <RenditionCard key={current} lid={lid} rid={current} role={role} />}
      </LiveContext>
      <EarlierRenditions
        renditions={list.filter((r) => r.id !== current)}
        role={role}
        onShow={setChosen}
      />
    </Page>
  );
}
