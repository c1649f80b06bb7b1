import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { components } from '../../../api/schema';
import { FormAlert, TextField, useFormErrors } from '../../../components/form';
import { inZone } from '../../../lib/deadline';
import { ChangeKind, type Kind } from './change-kind';
import { usePublish } from './queries';
import { SignOnFields, type SignOnSettings } from './sign-on-fields';

type Letter = components['schemas']['LetterView'];

const ORDER = [
  'deadline',
  'visibilities',
  'openSignOn',
  'requireApproval',
  'publicPage',
  'kind',
  'reason',
] as const;

const pick = (s: SignOnSettings): SignOnSettings => ({
  visibilities: s.visibilities,
  openSignOn: s.openSignOn,
  requireApproval: s.requireApproval,
  publicPage: s.publicPage,
});

const zoneName = (timeZone: string) =>
  new Intl.DateTimeFormat(undefined, { timeZone, timeZoneName: 'long' })
    .formatToParts(new Date())
    .find((p) => p.type === 'timeZoneName')?.value;

/**
 * Publishing the current draft, in a native modal <dialog>: the browser keeps the focus
 * inside it, Esc closes it, and its heading labels it. The deadline is typed as a local
 * date and time and sent as such (`2026-12-20T17:00`): the API reads it in the letter's
 * zone, so the browser's own zone never shifts it.
 */
export function PublishDialog({ letter }: { letter: Letter }) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const { errors, show, clear, alertRef, formRef } = useFormErrors(ORDER);
  const publish = usePublish(letter.id);
  const { revision, publishedRevision, timeZone, status } = letter;
  const over =
    publishedRevision !== null && revision > publishedRevision ? publishedRevision : null;
  // While open, the deadline in force is offered as it reads in the letter's zone.
  const current =
    status === 'open' && letter.deadlineInZone ? letter.deadlineInZone.slice(0, 16) : '';
  const [deadline, setDeadline] = useState(current);
  const [settings, setSettings] = useState(() => pick(letter.settings));
  const [kind, setKind] = useState<Kind>('substantive');
  const [reason, setReason] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const closeRef = useRef<HTMLButtonElement>(null);

  // The form (and its focused button) gives way to the outcome: its Close takes the focus.
  useEffect(() => {
    if (done) closeRef.current?.focus();
  }, [done]);

  const open = () => {
    clear();
    publish.reset();
    setDeadline(current);
    setSettings(pick(letter.settings));
    setKind('substantive');
    setReason('');
    setDone(null);
    dialogRef.current?.showModal();
    // The dialog would focus its first focusable element, the (empty) alert; start at the field.
    formRef.current?.querySelector<HTMLElement>('[name="deadline"]')?.focus();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    clear();
    const before = pick(letter.settings);
    const changed = JSON.stringify(before) !== JSON.stringify(settings);
    publish.mutate(
      {
        settings: changed ? settings : null,
        publish: {
          // The revision the lead saw, even if someone saves a newer one meanwhile.
          revision,
          ...(deadline ? { deadline } : {}),
          // The first publish has nothing to correct: always substantive.
          kind: over !== null ? kind : 'substantive',
          ...(reason.trim() ? { reason } : {}),
        },
      },
      {
        onSuccess: (result) =>
          setDone(
            `Published revision ${result.publishedRevision}: open until ${inZone(new Date(result.deadline), result.timeZone)}.`,
          ),
        onError: show,
      },
    );
  };

  const zone = zoneName(timeZone);
  return (
    <>
      <button type="button" className="button button--primary" onClick={open}>
        Publish revision {revision}…
      </button>
      {done && (
        <p role="status" className="saved">
          {done}
        </p>
      )}
      <dialog ref={dialogRef} className="dialog" aria-labelledby="publish-title">
        <h2 id="publish-title">Publish revision {revision}</h2>
        {done ? (
          <>
            <p role="status">{done}</p>
            <button
              ref={closeRef}
              type="button"
              className="button"
              onClick={() => dialogRef.current?.close()}
            >
              Close
            </button>
          </>
        ) : (
          <form ref={formRef} className="form" onSubmit={submit} noValidate>
            <FormAlert message={errors.form} alertRef={alertRef} />
            <TextField
              name="deadline"
              label="Deadline"
              type="datetime-local"
              value={deadline}
              onChange={(e) => setDeadline(e.target.value)}
              error={errors.fields.deadline}
              hint={
                <>
                  In the letter’s time zone, {timeZone}
                  {zone ? ` (${zone})` : ''}, whatever this device’s zone.
                  {current ? ' Change it to move the deadline.' : ' Required.'}
                </>
              }
            />
            <SignOnFields value={settings} onChange={setSettings} errors={errors.fields} />
            {over !== null && (
              <ChangeKind
                lid={letter.id}
                published={over}
                revision={revision}
                kind={kind}
                onKind={setKind}
                reason={reason}
                onReason={setReason}
                errors={errors.fields}
              />
            )}
            <div className="form-actions">
              <button type="submit" className="button button--primary" disabled={publish.isPending}>
                {publish.isPending ? 'Publishing…' : 'Publish'}
              </button>
              <button type="button" className="button" onClick={() => dialogRef.current?.close()}>
                Cancel
              </button>
            </div>
          </form>
        )}
      </dialog>
    </>
  );
}
