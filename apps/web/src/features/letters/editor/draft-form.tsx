import { memo, useCallback, useMemo, useRef, type ChangeEvent } from 'react';
import { TextField } from '../../../components/form';
import { AddresseesField } from './addressees-field';
import { BodyField } from './body-field';
import type { Content } from './merge';
import type { BodyProblem } from './save-state';

type TextPart = 'title' | 'subject' | 'salutation' | 'closing' | 'listHeading';

// An emptied optional field is left out, as a draft that never had it, not saved as "".
const optional = (part: TextPart, value: string) =>
  value === '' && (part === 'subject' || part === 'listHeading') ? undefined : value;

// Memoised, with change handlers that never change (below): a key in one field re-renders
// that field, not the whole form (a key in the body re-rendered all of it, docs/performance.md).
const Text = memo(TextField);
const Addressees = memo(AddresseesField);
const Body = memo(BodyField);

/** Every field of the draft, in the order the letter prints them (the title first). */
export function DraftForm({
  draft,
  onChange,
  refused,
}: {
  draft: Content;
  onChange: (next: Content) => void;
  refused: BodyProblem[];
}) {
  // Each change applies to the draft as it is then, not as it was when the handler was made.
  const latest = useRef(draft);
  latest.current = draft;
  const set = useCallback(
    <K extends keyof Content>(part: K, value: Content[K]) =>
      onChange({ ...latest.current, [part]: value }),
    [onChange],
  );
  const handlers = useMemo(() => {
    const text = (part: TextPart) => (e: ChangeEvent<HTMLInputElement>) =>
      set(part, optional(part, e.target.value));
    return {
      title: text('title'),
      subject: text('subject'),
      salutation: text('salutation'),
      closing: text('closing'),
      listHeading: text('listHeading'),
      date: (e: ChangeEvent<HTMLInputElement>) => set('date', e.target.value),
      addressees: (addressees: Content['addressees']) => set('addressees', addressees),
      body: (body: string) => set('body', body),
    };
  }, [set]);
  const text = (part: TextPart, label: string, hint?: string) => (
    <Text
      name={`content.${part}`}
      label={label}
      hint={hint}
      value={draft[part] ?? ''}
      onChange={handlers[part]}
    />
  );
  return (
    <>
      {text('title', 'Title', 'The coalition’s name for the letter; not printed in it.')}
      <Text
        name="content.date"
        label="Date"
        type="date"
        value={draft.date}
        onChange={handlers.date}
      />
      <Addressees value={draft.addressees} onChange={handlers.addressees} />
      {text('subject', 'Subject line', 'Printed as written; leave empty for none.')}
      {text('salutation', 'Salutation')}
      <Body value={draft.body} refused={refused} onChange={handlers.body} />
      {text('closing', 'Closing')}
      {text('listHeading', 'Heading over the signatories', 'Leave empty for none.')}
    </>
  );
}
