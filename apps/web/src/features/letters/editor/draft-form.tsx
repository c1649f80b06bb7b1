import { TextField } from '../../../components/form';
import { AddresseesField } from './addressees-field';
import { BodyField } from './body-field';
import type { Content } from './merge';
import type { BodyProblem } from './save-state';

type TextPart = 'title' | 'subject' | 'salutation' | 'closing' | 'listHeading';

// An emptied optional field is left out, as a draft that never had it, not saved as "".
const optional = (part: TextPart, value: string) =>
  value === '' && (part === 'subject' || part === 'listHeading') ? undefined : value;

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
  const text = (part: TextPart, label: string, hint?: string) => (
    <TextField
      name={`content.${part}`}
      label={label}
      hint={hint}
      value={draft[part] ?? ''}
      onChange={(e) => onChange({ ...draft, [part]: optional(part, e.target.value) })}
    />
  );
  return (
    <>
      {text('title', 'Title', 'The coalition’s name for the letter; not printed in it.')}
      <TextField
        name="content.date"
        label="Date"
        type="date"
        value={draft.date}
        onChange={(e) => onChange({ ...draft, date: e.target.value })}
      />
      <AddresseesField
        value={draft.addressees}
        onChange={(addressees) => onChange({ ...draft, addressees })}
      />
      {text('subject', 'Subject line', 'Printed as written; leave empty for none.')}
      {text('salutation', 'Salutation')}
      <BodyField
        value={draft.body}
        refused={refused}
        onChange={(body) => onChange({ ...draft, body })}
      />
      {text('closing', 'Closing')}
      {text('listHeading', 'Heading over the signatories', 'Leave empty for none.')}
    </>
  );
}
