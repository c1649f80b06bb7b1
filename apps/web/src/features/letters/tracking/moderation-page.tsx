import { useEffect, useRef, useState } from 'react';
import { formErrors } from '../../../api/errors';
import type { components } from '../../../api/schema';
import { TextField } from '../../../components/form';
import { LoadFailed, Loading } from '../../../components/page';
import { moderates } from '../../../lib/roles';
import { Pager } from './pager';
import { useSignatures, useUpdateSignature } from './queries';
import { SignatureSummary } from './signature-row';
import { TrackingPage, useTracking } from './tracking-layout';

type Signature = components['schemas']['SignatureView'];

const PENDING = { status: 'pending_approval' } as const;

/**
 * /w/:wid/letters/:lid/moderation: open sign-ons waiting for a coordinator, each approved
 * or rejected where it stands; the signer is told either way.
 */
export function ModerationPage() {
  const { lid, role } = useTracking();
  const [page, setPage] = useState(0);
  const [notice, setNotice] = useState('');
  const queue = useSignatures(lid, PENDING, page);
  // A decided row leaves the list, and its focus with it: the keyboard goes on to the next
  // row's first button, or to the notice when none is left.
  const [decided, setDecided] = useState(0);
  const listRef = useRef<HTMLOListElement>(null);
  const noticeRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (decided === 0) return;
    (listRef.current?.querySelector('button') ?? noticeRef.current)?.focus();
  }, [decided]);
  const done = (message: string) => {
    setNotice(message);
    if (message) setDecided((n) => n + 1);
  };

  if (!moderates(role)) {
    return (
      <TrackingPage title="Moderation">
        <p>Coordinators, leads and owners approve and reject sign-ons.</p>
      </TrackingPage>
    );
  }
  return (
    <TrackingPage title="Moderation">
      <p className="aside">
        Open sign-ons wait here when the letter asks for approval. Approving adds the organization
        to the signatories; either way the signer is told by email.
      </p>
      <p role="status" className="saved" ref={noticeRef} tabIndex={-1}>
        {notice}
      </p>
      {queue.isPending ? (
        <Loading what="the sign-ons waiting" />
      ) : queue.isError ? (
        <LoadFailed what="the sign-ons waiting" retry={() => void queue.refetch()} />
      ) : queue.data.total === 0 ? (
        <p className="empty">No sign-on is waiting for approval.</p>
      ) : (
        <>
          <ol className="list card" aria-label="Waiting for approval" ref={listRef}>
            {queue.data.items.map((s) => (
              <PendingRow key={s.id} lid={lid} signature={s} done={done} />
            ))}
          </ol>
          <Pager
            page={page}
            total={queue.data.total}
            setPage={setPage}
            busy={queue.isPlaceholderData}
          />
        </>
      )}
    </TrackingPage>
  );
}

function PendingRow({
  lid,
  signature,
  done,
}: {
  lid: string;
  signature: Signature;
  done: (message: string) => void;
}) {
  const [rejecting, setRejecting] = useState(false);
  const rejectRef = useRef<HTMLButtonElement>(null);
  const [cancelled, setCancelled] = useState(0);
  // Cancelling puts the focus back on the button that asked.
  useEffect(() => {
    if (cancelled) rejectRef.current?.focus();
  }, [cancelled]);
  const [problem, setProblem] = useState('');
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string>();
  const update = useUpdateSignature(lid);
  const problemId = `problem-${signature.id}`;
  const decide = (status: 'confirmed' | 'rejected') => {
    setProblem('');
    setReasonError(undefined);
    done('');
    const told = status === 'rejected' && reason.trim() ? { reason } : {};
    update.mutate(
      { sid: signature.id, body: { status, ...told } },
      {
        onSuccess: () =>
          done(
            status === 'confirmed'
              ? `Approved ${signature.displayName}; the signer is told.`
              : `Rejected ${signature.displayName}; the signer is told${told.reason ? ', with your reason' : ''}.`,
          ),
        onError: (error) => {
          const errors = formErrors(error, ['status', 'reason']);
          setReasonError(errors.fields.reason);
          setProblem(errors.fields.status ?? errors.form ?? '');
        },
      },
    );
  };
  const name = signature.displayName;
  return (
    <li className="list-row signature-row">
      <SignatureSummary signature={signature} />
      {rejecting ? (
        <div className="inline-form" role="group" aria-label={`Reject ${name}?`}>
          <span>Reject this sign-on? The signer is told by email.</span>
          <TextField
            name={`reason-${signature.id}`}
            label="Reason, in the signer’s email (optional)"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            error={reasonError}
            maxLength={500}
            autoFocus
          />
          <button
            type="button"
            className="button button--danger"
            onClick={() => decide('rejected')}
            disabled={update.isPending}
            aria-describedby={problem ? problemId : undefined}
          >
            Yes, reject
          </button>
          <button
            type="button"
            className="button"
            onClick={() => {
              setRejecting(false);
              setCancelled((n) => n + 1);
            }}
          >
            Cancel
          </button>
        </div>
      ) : (
        <div className="inline-form">
          <button
            type="button"
            className="button button--primary-inline"
            onClick={() => decide('confirmed')}
            disabled={update.isPending}
            aria-label={`Approve ${name}`}
            aria-describedby={problem ? problemId : undefined}
          >
            Approve
          </button>
          <button
            type="button"
            className="button"
            ref={rejectRef}
            onClick={() => setRejecting(true)}
            disabled={update.isPending}
            aria-label={`Reject ${name}`}
          >
            Reject
          </button>
        </div>
      )}
      <p id={problemId} role="alert" className={problem ? 'field-error' : undefined}>
        {problem}
      </p>
    </li>
  );
}
