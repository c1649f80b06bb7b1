import { useEffect } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/errors';
import { LoadFailed, Loading, Page } from '../../components/page';
import { CommentedDraft } from './comments/commented-draft';
import { RevisionHistory } from './history/revision-history';
import { loadEditor } from './editor/load-editor';
import { LetterContent } from './letter-content';
import { PublishSection } from './publish/publish-section';
import { drafts } from '../../lib/roles';
import { useWorkspace } from '../workspace/queries';
import { useLetter } from './queries';
import { Deadline, StatusBadge } from './status';
import { InItsWorkspace } from '../workspace/in-its-workspace';

/**
 * /w/:wid/letters/:lid: where a letter stands (status, deadline, revisions), its current
 * draft read-only, and the proofs: the PDF and the signers' page as they would be now.
 */
export function LetterPage() {
  const { wid = '', lid = '' } = useParams();
  const letter = useLetter(lid);

  if (letter.isError) {
    if (letter.error instanceof ApiError && letter.error.status === 404) {
      return (
        <Page title="Letter not found">
          <p>
            This letter does not exist, or is not in this workspace.{' '}
            <Link to={`/w/${wid}`}>See the campaigns</Link>.
          </p>
        </Page>
      );
    }
    return (
      <Page title="Letter">
        <LoadFailed what="the letter" retry={() => void letter.refetch()} />
      </Page>
    );
  }
  if (!letter.data) {
    return (
      <Page title="Letter">
        <Loading what="the letter" />
      </Page>
    );
  }
  if (letter.data.workspaceId !== wid)
    return <InItsWorkspace workspaceId={letter.data.workspaceId} />;
  const { content, status, revision, publishedRevision, campaignId } = letter.data;
  return (
    <Page
      title={content.title}
      lead={<Link to={`/w/${wid}/campaigns/${campaignId}`}>Back to the campaign</Link>}
    >
      <p className="letter-state">
        <StatusBadge status={status} /> <Deadline letter={letter.data} />
      </p>
      <p>
        Revision {revision}
        {publishedRevision === null
          ? ', not published yet.'
          : `; organizations sign revision ${publishedRevision}.`}
      </p>
      {publishedRevision !== null && (
        <nav aria-label="Sign-ons" className="letter-links">
          <Link to={`/w/${wid}/letters/${lid}/dashboard`}>Dashboard</Link>
          <Link to={`/w/${wid}/letters/${lid}/signatures`}>Signatures</Link>
        </nav>
      )}
      <PublishSection wid={wid} letter={letter.data} />
      {publishedRevision !== null && (
        <p>
          <Link to={`/w/${wid}/letters/${lid}/pdf`}>Final PDF</Link>
        </p>
      )}
      <h2>Proofs</h2>
      <p>The current draft as it would be sent and signed. Each opens in a new tab.</p>
      <ul className="proofs">
        <li>
          <a href={`/api/letters/${lid}/preview.pdf`} target="_blank" rel="noopener">
            PDF preview (opens in a new tab)
          </a>
        </li>
        <li>
          <a href={`/api/letters/${lid}/preview`} target="_blank" rel="noopener">
            Signer page preview (opens in a new tab)
          </a>
        </li>
      </ul>
      <h2>Current draft</h2>
      <EditDraftLink wid={wid} lid={lid} />
      <CommentedDraft wid={wid} lid={lid} revision={revision}>
        <LetterContent content={content} />
      </CommentedDraft>
      <RevisionHistory lid={lid} latest={revision} />
    </Page>
  );
}

/** The editor's link, for the roles that may draft (the API refuses the others' saves). */
function EditDraftLink({ wid, lid }: { wid: string; lid: string }) {
  const workspace = useWorkspace(wid);
  const may = !!workspace.data && drafts(workspace.data.role);
  // The editor's chunk ahead of the click (load-editor.ts); a failure shows on the route.
  useEffect(() => {
    if (may) loadEditor().catch(() => undefined);
  }, [may]);
  if (!may) return null;
  return (
    <p>
      <Link to={`/w/${wid}/letters/${lid}/edit`}>Edit draft</Link>
    </p>
  );
}
