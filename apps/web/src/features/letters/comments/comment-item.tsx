import type { components } from '../../../api/schema';
import { useResolveComment } from './queries';

type Comment = components['schemas']['CommentView'];

const when = (iso: string) =>
  new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(iso),
  );

/** One comment: the passage it quotes, what it says, and resolve or reopen. */
export function CommentItem({
  lid,
  comment,
  mayComment,
}: {
  lid: string;
  comment: Comment;
  mayComment: boolean;
}) {
  const resolve = useResolveComment(lid);
  const label = comment.quote ? `Comment on “${comment.quote}”` : 'Comment';
  return (
    <li className="card comment" aria-label={label}>
      {comment.quote && <blockquote className="comment-quote">{comment.quote}</blockquote>}
      <p className="comment-body">{comment.body}</p>
      <p className="list-meta">
        <span dir="auto">{comment.authorName ?? 'A former member'}</span> · Revision{' '}
        {comment.revision} · {when(comment.createdAt)}
        {comment.resolved && (
          <>
            {' · '}
            <span className="badge">Resolved</span>
          </>
        )}
      </p>
      {mayComment && (
        <button
          type="button"
          className="button"
          disabled={resolve.isPending}
          onClick={() => resolve.mutate({ commentId: comment.id, resolve: !comment.resolved })}
        >
          {comment.resolved ? 'Reopen' : 'Resolve'}
        </button>
      )}
      {resolve.isError && (
        <p role="alert" className="field-error">
          {resolve.error.message}
        </p>
      )}
    </li>
  );
}
