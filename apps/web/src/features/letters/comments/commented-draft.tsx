import { useEffect, useRef, useState, type ReactNode } from 'react';
import { LoadFailed, Loading } from '../../../components/page';
import { comments } from '../../../lib/roles';
import { useWorkspace } from '../../workspace/queries';
import { CommentForm } from './comment-form';
import { CommentItem } from './comment-item';
import { useComments } from './queries';

/**
 * The draft with its comments beside it (below it on a phone). A selection inside the
 * draft is remembered as it changes, since pressing a button may clear it.
 */
export function CommentedDraft({
  wid,
  lid,
  revision,
  children,
}: {
  wid: string;
  lid: string;
  revision: number;
  children: ReactNode;
}) {
  const workspace = useWorkspace(wid);
  const list = useComments(lid);
  const draftRef = useRef<HTMLDivElement>(null);
  const [selection, setSelection] = useState('');

  useEffect(() => {
    const remember = () => {
      const selected = document.getSelection();
      const node = selected?.anchorNode;
      if (selected && node && draftRef.current?.contains(node)) {
        setSelection(selected.toString().trim());
      }
    };
    document.addEventListener('selectionchange', remember);
    return () => document.removeEventListener('selectionchange', remember);
  }, []);

  const mayComment = workspace.data ? comments(workspace.data.role) : false;
  return (
    <div className="commented">
      <div ref={draftRef}>{children}</div>
      <section aria-labelledby="comments">
        <h2 id="comments">Comments</h2>
        {list.isError ? (
          <LoadFailed what="the comments" retry={() => void list.refetch()} />
        ) : !list.data ? (
          <Loading what="the comments" />
        ) : list.data.length === 0 ? (
          <p className="empty">No comments yet.</p>
        ) : (
          <ul className="list comments">
            {list.data.map((c) => (
              <CommentItem key={c.id} lid={lid} comment={c} mayComment={mayComment} />
            ))}
          </ul>
        )}
        {mayComment && <CommentForm lid={lid} revision={revision} selection={selection} />}
      </section>
    </div>
  );
}
