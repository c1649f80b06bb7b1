import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, ok } from '../../api/client';
import type { components } from '../../api/schema';
import { FormAlert, useFormErrors } from '../../components/form';
import { renditionKey, renditionsKey } from './queries';

type Variant = components['schemas']['RenditionVariant'];
type Edition = components['schemas']['RenditionEdition'];

const FIELDS = ['variant', 'edition'] as const;

interface Choice<T> {
  value: T;
  label: string;
  hint: string;
}

const VARIANTS: Choice<Variant>[] = [
  {
    value: 'combined',
    label: 'Combined',
    hint: 'One letter addressed to all the officials, each named in its address block.',
  },
  {
    value: 'per-addressee',
    label: 'One per official',
    hint: 'A file per official, each with only its own address block and salutation.',
  },
];

const EDITIONS: Choice<Edition>[] = [
  {
    value: 'delivery',
    label: 'Delivered',
    hint: 'The copy for the officials: names everyone who asked to be named to them, including those who asked not to be named in public. For coordinators only.',
  },
  {
    value: 'public',
    label: 'Public',
    hint: 'The copy to publish: names only the organizations that agreed to a public listing; the others are counted, not named.',
  },
];

/** The render request: which files, which edition; the new rendition's id goes up. */
export function RenderForm({ lid, onQueued }: { lid: string; onQueued: (rid: string) => void }) {
  const [variant, setVariant] = useState<Variant>('combined');
  const [edition, setEdition] = useState<Edition>('delivery');
  const form = useFormErrors(FIELDS);
  const queryClient = useQueryClient();
  const render = useMutation({
    mutationFn: () =>
      ok(
        api.POST('/api/letters/{lid}/renditions', {
          params: { path: { lid } },
          body: { variant, edition },
        }),
      ),
    onSuccess: async (rendition) => {
      queryClient.setQueryData(renditionKey(rendition.id), rendition);
      onQueued(rendition.id);
      await queryClient.invalidateQueries({ queryKey: renditionsKey(lid), exact: true });
    },
    onError: form.show,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    form.clear();
    render.mutate();
  };
  return (
    <section aria-labelledby="render" className="card">
      <h2 id="render">Render</h2>
      <form ref={form.formRef} className="form" onSubmit={submit} noValidate>
        <FormAlert message={form.errors.form} alertRef={form.alertRef} />
        <RadioGroup
          name="variant"
          legend="Files"
          choices={VARIANTS}
          value={variant}
          onChange={setVariant}
          error={form.errors.fields.variant}
        />
        <RadioGroup
          name="edition"
          legend="Edition"
          choices={EDITIONS}
          value={edition}
          onChange={setEdition}
          error={form.errors.fields.edition}
        />
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={render.isPending}>
            {render.isPending ? 'Requesting…' : 'Render'}
          </button>
        </div>
      </form>
    </section>
  );
}

/** Radio buttons under a legend, each with its explanation tied to it. */
function RadioGroup<T extends string>({
  name,
  legend,
  choices,
  value,
  onChange,
  error,
}: {
  name: string;
  legend: string;
  choices: Choice<T>[];
  value: T;
  onChange: (value: T) => void;
  error?: string;
}) {
  const errorId = error ? `field-${name}-error` : undefined;
  return (
    <fieldset className={error ? 'field field--invalid' : 'field'} aria-describedby={errorId}>
      <legend>{legend}</legend>
      {choices.map((choice) => {
        const id = `field-${name}-${choice.value}`;
        return (
          <div key={choice.value} className="radio-choice">
            <label className="check" htmlFor={id}>
              <input
                id={id}
                type="radio"
                name={name}
                value={choice.value}
                checked={value === choice.value}
                aria-describedby={`${id}-hint`}
                onChange={() => onChange(choice.value)}
              />{' '}
              {choice.label}
            </label>
            <p id={`${id}-hint`} className="field-hint">
              {choice.hint}
            </p>
          </div>
        );
      })}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
