import { Link, useParams } from 'react-router';
import { ApiError } from '../../../api/errors';
import { LoadFailed, Loading, Page } from '../../../components/page';
import { useLetter } from '../queries';
import { ConflictView } from './conflict-view';
import { DraftForm } from './draft-form';
import type { BodyProblem } from './save-state';
import type { Base } from './use-draft';
import { useDraft } from './use-draft';
import { SaveStatus } from './save-status';
import { InItsWorkspace } from '../../workspace/in-its-workspace';

/**
 * /w/:wid/letters/:lid/edit: the draft's fields, saved as the author pauses, with the
 * conflict view in place of the form when someone else saved first. Loaded with its route
 * (app.tsx), so the first screen does not carry the Markdown renderer.
 */
export function EditorPage() {
  const { wid = '', lid = '' } = useParams();
  const letter = useLetter(lid);
  const back = <Link to={`/w/${wid}/letters/${lid}`}>Back to the letter</Link>;

  if (letter.isError) {
    const missing = letter.error instanceof ApiError && letter.error.status === 404;
    return (
      <Page title="Edit draft" lead={back}>
        {missing ? (
          <p>This letter does not exist, or is not in this workspace.</p>
        ) : (
          <LoadFailed what="the letter" retry={() => void letter.refetch()} />
        )}
      </Page>
    );
  }
  if (!letter.data) {
    return (
      <Page title="Edit draft" lead={back}>
        <Loading what="the letter" />
      </Page>
    );
  }
  if (letter.data.workspaceId !== wid)
    return <InItsWorkspace workspaceId={letter.data.workspaceId} />;
  const { revision, content } = letter.data;
  // Keyed by letter: the editor starts from the revision loaded, and later loads of the
  // letter (after each save) do not reset what is being typed.
  return (
    <Page title="Edit draft" lead={back}>
      <DraftEditor key={lid} lid={lid} initial={{ revision, content }} />
    </Page>
  );
}

/** No refusal: one array, so the memoised body field is not re-rendered for a new one. */
const NONE_REFUSED: BodyProblem[] = [];

function DraftEditor({ lid, initial }: { lid: string; initial: Base }) {
  const { base, draft, state, edit, save, resolve } = useDraft(lid, initial);
  const refused = state.kind === 'failed' ? state.bodyProblems : NONE_REFUSED;
  return (
    <>
      <div className="editor-bar">
        <SaveStatus state={state} />
        <span className="list-meta">Editing on revision {base.revision}</span>
      </div>
      {state.kind === 'conflict' && (
        <ConflictView
          base={base.content}
          mine={draft}
          theirs={state.theirs}
          currentRevision={state.currentRevision}
          onResolve={(content) => resolve(state.currentRevision, state.theirs, content)}
        />
      )}
      {/* Hidden, not unmounted, during a conflict: the body's editor keeps its undo history
          and takes the resolved text as one more change. */}
      <form
        className="editor-form"
        hidden={state.kind === 'conflict'}
        noValidate
        // Focus leaving the form (not moving between its fields) saves at once.
        onBlur={(e) => {
          if (!e.currentTarget.contains(e.relatedTarget)) void save();
        }}
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <DraftForm draft={draft} onChange={edit} refused={refused} />
        <button type="submit" className="button button--primary">
          Save
        </button>
      </form>
    </>
  );
}
