import { useRef, useState, type FormEvent } from 'react';
import { FormAlert, TextField, useFormErrors } from '../../../components/form';
import { useAddComment } from './queries';

const ORDER = ['quote', 'body'] as const;

/**
 * A new comment on the current revision. `selection` is the passage last selected in the
 * draft: "Comment on selection" copies it into the quote, which can also be typed, so a
 * keyboard alone gets the same result.
 */
export function CommentForm({
  lid,
  revision,
  selection,
}: {
  lid: string;
  revision: number;
  selection: string;
}) {
  const { errors, show, clear, alertRef, formRef } = useFormErrors(ORDER);
  const add = useAddComment(lid);
  const [quote, setQuote] = useState('');
  const [body, setBody] = useState('');
  const bodyRef = useRef<HTMLTextAreaElement>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    clear();
    add.mutate(
      { revision, body, ...(quote.trim() ? { quote } : {}) },
      {
        onSuccess: () => {
          setQuote('');
          setBody('');
        },
        onError: show,
      },
    );
  };

  return (
    <form ref={formRef} className="form card" onSubmit={submit} noValidate>
      <h3>New comment on revision {revision}</h3>
      <FormAlert message={errors.form} alertRef={alertRef} />
      <button
        type="button"
        className="button"
        disabled={!selection}
        onClick={() => {
          setQuote(selection);
          bodyRef.current?.focus();
        }}
      >
        Comment on selection
      </button>
      <TextField
        name="quote"
        label="Quoted passage (optional)"
        hint="Select words in the draft and press “Comment on selection”, or type them here."
        value={quote}
        maxLength={1000}
        onChange={(e) => setQuote(e.target.value)}
        error={errors.fields.quote}
      />
      <div className={errors.fields.body ? 'field field--invalid' : 'field'}>
        <label htmlFor="field-body">Comment</label>
        <textarea
          ref={bodyRef}
          id="field-body"
          name="body"
          rows={3}
          value={body}
          aria-invalid={errors.fields.body ? true : undefined}
          aria-describedby={errors.fields.body ? 'field-body-error' : undefined}
          onChange={(e) => setBody(e.target.value)}
        />
        {errors.fields.body && (
          <p id="field-body-error" className="field-error">
            {errors.fields.body}
          </p>
        )}
      </div>
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={add.isPending}>
          Add comment
        </button>
      </div>
    </form>
  );
}
