import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { ApiError, formErrors } from '../../../api/errors';
import type { components } from '../../../api/schema';
import { FormAlert, TextField, useFormErrors } from '../../../components/form';
import { LoadFailed, Loading } from '../../../components/page';
import { invitesOrganizations } from '../../../lib/roles';
import { when } from '../../../lib/when';
import { useTrackingStats } from '../tracking/queries';
import { TrackingPage, useTracking } from '../tracking/tracking-layout';
import {
  useDirectorySearch,
  useInvitations,
  useInvite,
  usePreview,
  useReminders,
  useResend,
  useRevoke,
} from './queries';
import {
  canResend,
  canRevoke,
  FUNNEL,
  inviteBody,
  noteProblems,
  statusWords,
  type Selection,
} from './selection';

type Invitation = components['schemas']['InvitationView'];
type Preview = components['schemas']['InvitationPreviewView'];

/**
 * /w/:wid/letters/:lid/invitations: the funnel, every invitation (resend, revoke), inviting
 * more with a personal note and a preview of the exact mail, and the reminder schedule.
 */
export function InvitationsPage() {
  const { lid, role } = useTracking();
  if (!invitesOrganizations(role)) {
    return (
      <TrackingPage title="Invitations">
        <p>Coordinators, leads and owners invite organizations.</p>
      </TrackingPage>
    );
  }
  return (
    <TrackingPage title="Invitations">
      <Funnel lid={lid} />
      <InviteForm />
      <InvitationList lid={lid} />
      <ReminderSchedule lid={lid} />
    </TrackingPage>
  );
}

function Funnel({ lid }: { lid: string }) {
  const stats = useTrackingStats(lid);
  return (
    <section aria-labelledby="funnel-heading">
      <h2 id="funnel-heading">Funnel</h2>
      {stats.isPending ? (
        <Loading what="the numbers" />
      ) : stats.isError ? (
        <LoadFailed what="the numbers" retry={() => void stats.refetch()} />
      ) : (
        <dl className="funnel">
          {FUNNEL.map(([key, label]) => (
            <div key={key} className="funnel-step">
              <dt>{label}</dt>
              <dd id={`funnel-${key}`}>{stats.data[key]}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}

function InvitationList({ lid }: { lid: string }) {
  const list = useInvitations(lid);
  const [notice, setNotice] = useState('');
  return (
    <section aria-labelledby="invited-heading">
      <h2 id="invited-heading">Invited</h2>
      <p role="status" className="saved">
        {notice}
      </p>
      {list.isPending ? (
        <Loading what="the invitations" />
      ) : list.isError ? (
        <LoadFailed what="the invitations" retry={() => void list.refetch()} />
      ) : list.data.length === 0 ? (
        <p className="empty">No organization has been invited to this letter yet.</p>
      ) : (
        <ul className="list card" aria-label="Invitations">
          {list.data.map((i) => (
            <InvitationRow key={i.id} lid={lid} invitation={i} notify={setNotice} />
          ))}
        </ul>
      )}
    </section>
  );
}

function InvitationRow({
  lid,
  invitation: i,
  notify,
}: {
  lid: string;
  invitation: Invitation;
  notify: (message: string) => void;
}) {
  const resend = useResend(lid);
  const revoke = useRevoke(lid);
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState('');
  const askRef = useRef<HTMLButtonElement>(null);
  const [cancelled, setCancelled] = useState(0);
  useEffect(() => {
    if (cancelled) askRef.current?.focus();
  }, [cancelled]);
  const failed = (error: unknown) => {
    // A 429 says when a resend can go again; any other refusal says why.
    setProblem(
      error instanceof ApiError && error.body
        ? error.body.message
        : (formErrors(error, []).form ?? ''),
    );
  };
  const last = i.respondedAt ?? i.openedAt ?? i.sentAt;
  const name = i.organizationName;
  return (
    <li className="list-row invitation-row">
      <div>
        <strong dir="auto">{name}</strong> <span className="aside">{i.email}</span>
        <p>
          <span className={`badge badge--${i.revoked ? 'revoked' : i.status}`}>
            {statusWords(i.status, i.revoked)}
          </span>
          {last && <> · {when(last)}</>}
          {i.remindersSent > 0 && ` · ${i.remindersSent} reminder(s)`}
        </p>
        {i.status === 'failed' && i.failureReason && (
          <p className="field-error">Failed: {i.failureReason}</p>
        )}
        {problem && (
          <p className="field-error" role="alert">
            {problem}
          </p>
        )}
      </div>
      {confirming ? (
        <div className="inline-form" role="group" aria-label={`Revoke ${name}’s invitation?`}>
          <span>Revoke? The link stops working.</span>
          <button
            type="button"
            className="button button--danger"
            disabled={revoke.isPending}
            autoFocus
            onClick={() => {
              setProblem('');
              revoke.mutate(i.id, {
                onSuccess: () => {
                  setConfirming(false);
                  notify(`Revoked the invitation of ${name}.`);
                },
                onError: failed,
              });
            }}
          >
            Yes, revoke
          </button>
          <button
            type="button"
            className="button"
            onClick={() => {
              setConfirming(false);
              setCancelled((n) => n + 1);
            }}
          >
            Cancel
          </button>
        </div>
      ) : (
        <div className="inline-form">
          {canResend(i.status, i.revoked) && (
            <button
              type="button"
              className="button"
              disabled={resend.isPending}
              aria-label={`Resend to ${name}`}
              onClick={() => {
                setProblem('');
                resend.mutate(i.id, {
                  onSuccess: () => notify(`Sent the link to ${name} again.`),
                  onError: failed,
                });
              }}
            >
              Resend
            </button>
          )}
          {canRevoke(i.status, i.revoked) && (
            <button
              type="button"
              className="button"
              ref={askRef}
              aria-label={`Revoke ${name}`}
              onClick={() => setConfirming(true)}
            >
              Revoke
            </button>
          )}
        </div>
      )}
    </li>
  );
}

const FIELDS = ['tag', 'organizationIds', 'note'] as const;

function InviteForm() {
  const { wid, lid } = useTracking();
  const [kind, setKind] = useState<Selection['kind']>('tag');
  const [tag, setTag] = useState('');
  const [picked, setPicked] = useState<string[]>([]);
  const [search, setSearch] = useState('');
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState('');
  const [lines, setLines] = useState<string[]>([]);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [sent, setSent] = useState('');
  const { errors, show, clear, alertRef, formRef } = useFormErrors(FIELDS);
  const previewing = usePreview(lid);
  const inviting = useInvite(lid);
  const invited = useInvitations(lid);
  const directory = useDirectorySearch(wid, search, kind === 'picked');
  const invitedIds = new Set(invited.data?.map((i) => i.organizationId));
  const selection: Selection =
    kind === 'all' ? { kind } : kind === 'tag' ? { kind, tag } : { kind, ids: picked };
  const noteHint = useId();

  const reset = () => {
    setPreview(null);
    setProblem('');
    setLines([]);
    clear();
  };
  const refused = (error: unknown) => {
    const found = error instanceof ApiError ? noteProblems(error.body?.details) : [];
    setLines(found);
    show(error);
  };
  const body = () => {
    const made = inviteBody(selection, note);
    if ('problem' in made) {
      setProblem(made.problem);
      return undefined;
    }
    return made.body;
  };
  const onPreview = (event: FormEvent) => {
    event.preventDefault();
    reset();
    setSent('');
    const b = body();
    if (b) previewing.mutate(b, { onSuccess: setPreview, onError: refused });
  };
  const onSend = () => {
    const b = body();
    if (!b) return;
    inviting.mutate(b, {
      onSuccess: (r) => {
        reset();
        setNote('');
        setPicked([]);
        setSent(
          `Sent ${r.queued} invitation${r.queued === 1 ? '' : 's'}; ` +
            `${r.alreadyInvited} already invited, left alone.`,
        );
      },
      onError: refused,
    });
  };
  const toggle = (id: string, on: boolean) => {
    setPreview(null);
    setPicked((ids) => (on ? [...ids, id] : ids.filter((x) => x !== id)));
  };
  const noteError = errors.fields.note;

  return (
    <section aria-labelledby="invite-heading">
      <h2 id="invite-heading">Invite organizations</h2>
      <p role="status" className="saved">
        {sent}
      </p>
      <form ref={formRef} onSubmit={onPreview} noValidate className="card invite-form">
        <FormAlert message={errors.form ?? problem} alertRef={alertRef} />
        <fieldset>
          <legend>Who</legend>
          {(
            [
              ['all', 'All organizations'],
              ['tag', 'By tag'],
              ['picked', 'Pick by hand'],
            ] as const
          ).map(([value, label]) => (
            <label key={value} className="radio">
              <input
                type="radio"
                name="who"
                value={value}
                checked={kind === value}
                onChange={() => {
                  setKind(value);
                  reset();
                }}
              />{' '}
              {label}
            </label>
          ))}
        </fieldset>
        {kind === 'tag' && (
          <TextField
            name="tag"
            label="Tag"
            hint="One tag, or several separated by commas (any of them)."
            value={tag}
            error={errors.fields.tag}
            onChange={(e) => {
              setTag(e.target.value);
              setPreview(null);
            }}
          />
        )}
        {kind === 'picked' && (
          <div className="picker">
            <TextField
              name="search"
              label="Search the directory"
              type="search"
              value={search}
              onChange={(e) => setSearch(e.target.value)}
            />
            {directory.isPending ? (
              <Loading what="the directory" />
            ) : directory.isError ? (
              <LoadFailed what="the directory" retry={() => void directory.refetch()} />
            ) : (
              <fieldset>
                <legend>
                  Organizations ({picked.length} picked
                  {directory.data.total > directory.data.items.length &&
                    `; the first ${directory.data.items.length} of ${directory.data.total} shown`}
                  )
                </legend>
                <ul className="pick-list">
                  {directory.data.items.map((o) => {
                    const already = invitedIds.has(o.id);
                    return (
                      <li key={o.id}>
                        <label>
                          <input
                            type="checkbox"
                            name="organizationIds"
                            value={o.id}
                            disabled={already}
                            checked={already || picked.includes(o.id)}
                            onChange={(e) => toggle(o.id, e.target.checked)}
                          />{' '}
                          <span dir="auto">{o.name}</span>
                          {already && <span className="aside"> (already invited)</span>}
                        </label>
                      </li>
                    );
                  })}
                </ul>
              </fieldset>
            )}
          </div>
        )}
        <div className={noteError ? 'field field--invalid' : 'field'}>
          <label htmlFor="field-note">Personal note (optional)</label>
          <p id={noteHint} className="field-hint">
            Shown in the mail above the letter’s opening, with your name and the workspace’s.
            Paragraphs, **bold**, *italic*, lists, quotes and links.
          </p>
          <textarea
            id="field-note"
            name="note"
            rows={6}
            value={note}
            maxLength={2000}
            aria-invalid={noteError ? true : undefined}
            aria-describedby={[noteError ? 'field-note-error' : '', noteHint]
              .filter(Boolean)
              .join(' ')}
            onChange={(e) => {
              setNote(e.target.value);
              setPreview(null);
            }}
          />
          {noteError && (
            <div id="field-note-error" className="field-error">
              {lines.length > 0 ? (
                <ul aria-label="Not allowed in the note">
                  {lines.map((l) => (
                    <li key={l}>{l}</li>
                  ))}
                </ul>
              ) : (
                noteError
              )}
            </div>
          )}
        </div>
        <button type="submit" className="button" disabled={previewing.isPending}>
          Preview the mail
        </button>
      </form>
      {preview && <MailPreview preview={preview} sending={inviting.isPending} onSend={onSend} />}
    </section>
  );
}

function MailPreview({
  preview,
  sending,
  onSend,
}: {
  preview: Preview;
  sending: boolean;
  onSend: () => void;
}) {
  const { recipients, alreadyInvited, mail } = preview;
  // A new preview takes the focus, so keyboard and screen-reader users land on it.
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), [preview]);
  return (
    <section aria-labelledby="preview-heading" className="card mail-preview">
      <h3 id="preview-heading" tabIndex={-1} ref={headingRef}>
        Preview
      </h3>
      <p id="preview-counts">
        {recipients} to invite; {alreadyInvited} already invited (skipped).
      </p>
      {preview.skipped.length > 0 && (
        <details>
          <summary>Already invited</summary>
          <ul>
            {preview.skipped.map((s) => (
              <li key={s.invitationId} dir="auto">
                {s.organizationName} ({statusWords(s.status, s.revoked)})
              </li>
            ))}
          </ul>
        </details>
      )}
      {mail ? (
        <>
          <dl className="mail-head">
            <dt>Subject</dt>
            <dd id="preview-subject" dir="auto">
              {mail.subject}
            </dd>
            <dt>From</dt>
            <dd dir="auto">{mail.fromName}</dd>
            <dt>To</dt>
            <dd>{mail.to}</dd>
          </dl>
          {mail.documentUrl ? (
            // The mail loaded from the server, not as srcdoc: a srcdoc frame would inherit this
            // page's CSP, which refuses the mail's style attributes. Its own CSP applies them and
            // nothing else; sandbox="" keeps it without scripts, forms or an origin of its own.
            <iframe
              title="The invitation mail"
              className="mail-frame"
              sandbox=""
              src={mail.documentUrl}
            />
          ) : (
            <p className="aside">
              The formatted mail cannot be shown just now; its plain text version is below.
            </p>
          )}
          <details open={!mail.documentUrl}>
            <summary>Plain text version</summary>
            <pre className="mail-text">{mail.text}</pre>
          </details>
          <p className="aside">
            Each organization gets its own sign-on link where this preview shows{' '}
            <code>{preview.placeholderLink}</code>.
          </p>
          <button
            type="button"
            className="button button--primary"
            disabled={sending}
            onClick={onSend}
          >
            Send {recipients} invitation{recipients === 1 ? '' : 's'}
          </button>
        </>
      ) : (
        <p className="empty">No one new to invite in this selection.</p>
      )}
    </section>
  );
}

function ReminderSchedule({ lid }: { lid: string }) {
  const schedule = useReminders(lid);
  return (
    <section aria-labelledby="reminders-heading">
      <h2 id="reminders-heading">Reminder schedule</h2>
      {schedule.isPending ? (
        <Loading what="the reminder schedule" />
      ) : schedule.isError ? (
        <LoadFailed what="the reminder schedule" retry={() => void schedule.refetch()} />
      ) : schedule.data.stopped ? (
        <p className="empty">No reminder will go: {schedule.data.stopped}</p>
      ) : schedule.data.steps.length === 0 ? (
        <p className="empty">This letter sends no reminders.</p>
      ) : (
        <ol className="list card" aria-label="Reminders">
          {schedule.data.steps.map((step) => (
            <li key={step.daysBefore} className="list-row">
              <div>
                <strong>
                  {step.daysBefore} day{step.daysBefore === 1 ? '' : 's'} before the deadline
                </strong>{' '}
                · {step.due ? 'due now' : when(step.at)}
                <p>
                  {step.recipients.length} to remind
                  {step.sent > 0 && `; ${step.sent} already sent`}
                </p>
                {step.recipients.length > 0 && (
                  <details>
                    <summary>Who</summary>
                    <ul>
                      {step.recipients.map((r) => (
                        <li key={r.invitationId} dir="auto">
                          {r.organizationName} <span className="aside">{r.email}</span>
                        </li>
                      ))}
                    </ul>
                  </details>
                )}
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
