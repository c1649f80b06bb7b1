import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { api, ok } from '../../api/client';
import type { components } from '../../api/schema';
import { FormAlert, SelectField, TextField, useFormErrors } from '../../components/form';
import { Loading, Page } from '../../components/page';
import { managesDirectory } from '../../lib/roles';
import { useWorkspace } from '../workspace/queries';
import {
  choiceFrom,
  columnOptions,
  columnsOf,
  defaultChoice,
  EMPTY_CHOICE,
  IMPORT_FIELDS,
  IMPORT_MAX_BYTES,
  mappingOf,
  optionValue,
  sameChoice,
  type ImportPreview,
  type MappingChoice,
} from './import-mapping';
import { directoryKey } from './queries';

type ImportReport = components['schemas']['ImportReportView'];

/** The form's fields, in order, as the API names them in its refusals. */
const FIELDS = ['file', ...IMPORT_FIELDS.map((f) => `mapping.${f.field}`)] as const;

/**
 * The body as multipart/form-data, its `file` the File itself (the generated type calls the
 * binary a string); openapi-fetch sends a FormData as it is, the browser setting the boundary.
 */
const multipart = (body: unknown) => {
  const form = new FormData();
  form.append('file', (body as { file: Blob }).file);
  return form;
};

function previewImport(wid: string, file: File, choice?: MappingChoice) {
  return ok(
    api.POST('/api/workspaces/{wid}/organizations/import/preview', {
      params: {
        path: { wid },
        query: choice ? { mapping: JSON.stringify(mappingOf(choice)) } : undefined,
      },
      body: { file: file as unknown as string },
      bodySerializer: multipart,
    }),
  );
}

function runImport(wid: string, file: File, choice: MappingChoice, partial: boolean) {
  return ok(
    api.POST('/api/workspaces/{wid}/organizations/import', {
      params: {
        path: { wid },
        query: {
          mapping: JSON.stringify(mappingOf(choice)),
          partial: partial ? 'true' : undefined,
        },
      },
      body: { file: file as unknown as string },
      bodySerializer: multipart,
    }),
  );
}

const plural = (n: number, one: string, many: string) =>
  `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/**
 * /w/:wid/directory/import: a CSV or XLSX, its columns mapped to fields (the last mapping,
 * or a preset), previewed (first rows, every refused row), then imported all at once or
 * its good rows only.
 */
export function ImportPage() {
  const { wid = '' } = useParams();
  const workspace = useWorkspace(wid);
  const queryClient = useQueryClient();
  const { errors, show, clear, alertRef, formRef } = useFormErrors(FIELDS);
  const [file, setFile] = useState<File>();
  const [sizeError, setSizeError] = useState<string>();
  const [preview, setPreview] = useState<ImportPreview>();
  const [choice, setChoice] = useState<MappingChoice>(EMPTY_CHOICE);
  const [previewed, setPreviewed] = useState<MappingChoice>(EMPTY_CHOICE);
  const [report, setReport] = useState<ImportReport>();

  const presets = useQuery({
    queryKey: [...directoryKey(wid), 'import-presets'],
    queryFn: () =>
      ok(
        api.GET('/api/workspaces/{wid}/organizations/import-presets', {
          params: { path: { wid } },
        }),
      ),
  });

  const previewing = useMutation({
    mutationFn: async ({ chosen, first }: { chosen?: MappingChoice; first: File }) => {
      const answer = await previewImport(wid, first, chosen);
      if (chosen) return { answer, chosen };
      // The first look: the last mapping when it fits this file, else the suggestion.
      const start = defaultChoice(answer);
      if (
        start.name.length === 0 ||
        sameChoice(start, choiceFrom(answer.mapping, answer.headers))
      ) {
        return { answer, chosen: start };
      }
      return { answer: await previewImport(wid, first, start), chosen: start };
    },
    onMutate: clear,
    onSuccess: ({ answer, chosen }) => {
      setPreview(answer);
      setChoice(chosen);
      setPreviewed(chosen);
    },
    onError: show,
  });

  const importing = useMutation({
    mutationFn: (partial: boolean) => runImport(wid, file!, previewed, partial),
    onMutate: clear,
    onSuccess: async (answer) => {
      setReport(answer);
      await queryClient.invalidateQueries({ queryKey: directoryKey(wid) });
    },
    onError: show,
  });

  if (workspace.isPending) return <Loading what="the workspace" />;
  if (workspace.data && !managesDirectory(workspace.data.role)) {
    return (
      <Page title="Import a spreadsheet">
        <p>
          Only coordinators, leads and owners change the directory.{' '}
          <Link to={`/w/${wid}/directory`}>Back to the directory</Link>.
        </p>
      </Page>
    );
  }

  const chooseFile = (chosen: File | undefined) => {
    setPreview(undefined);
    setReport(undefined);
    clear();
    setFile(undefined);
    if (!chosen) return setSizeError(undefined);
    if (chosen.size > IMPORT_MAX_BYTES) {
      return setSizeError(
        `This file is ${(chosen.size / 1024 / 1024).toFixed(1)} MB; the import takes 5 MB at most. Split it, or keep only the columns you need.`,
      );
    }
    setSizeError(undefined);
    setFile(chosen);
    previewing.mutate({ first: chosen });
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (file) previewing.mutate({ chosen: choice, first: file });
  };

  if (report) {
    return (
      <Page title="Import a spreadsheet">
        <div className="card">
          <p role="status">
            Imported: {plural(report.created, 'organization created', 'organizations created')},{' '}
            {plural(report.updated, 'updated', 'updated')}
            {report.skipped > 0 &&
              `, ${plural(report.skipped, 'refused row', 'refused rows')} skipped`}
            .
          </p>
          <p>
            <Link to={`/w/${wid}/directory`}>Back to the directory</Link>
          </p>
        </div>
      </Page>
    );
  }

  const stale = preview !== undefined && !sameChoice(choice, previewed);
  const good = preview ? preview.created + preview.updated : 0;

  return (
    <Page
      title="Import a spreadsheet"
      lead="A CSV or Excel file: choose which column fills each field, check the preview, then import. Nothing is written before you import."
    >
      <form ref={formRef} className="card import-form" onSubmit={onSubmit} noValidate>
        <FormAlert message={errors.form} alertRef={alertRef} />
        <TextField
          name="file"
          label="Spreadsheet"
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          hint="CSV or XLSX (the first worksheet), 5 MB and 10,000 rows at most."
          error={sizeError ?? errors.fields.file}
          onChange={(e) => chooseFile(e.target.files?.[0])}
        />
        {previewing.isPending && !preview && <p role="status">Reading the file…</p>}

        {preview && (
          <fieldset className="import-mapping">
            <legend>Columns</legend>
            {presets.data && presets.data.length > 0 && (
              <div className="import-presets" role="group" aria-label="Presets">
                <span>Fill from a preset:</span>
                {presets.data.map((preset) => (
                  <button
                    key={preset.id}
                    type="button"
                    className="button"
                    aria-pressed={sameChoice(choice, choiceFrom(preset.mapping, preview.headers))}
                    onClick={() => setChoice(choiceFrom(preset.mapping, preview.headers))}
                  >
                    {preset.label}
                  </button>
                ))}
              </div>
            )}
            {IMPORT_FIELDS.map(({ field, label }) => (
              <SelectField
                key={field}
                name={`mapping.${field}`}
                label={label}
                error={errors.fields[`mapping.${field}`]}
                value={optionValue(choice[field])}
                onChange={(e) => setChoice({ ...choice, [field]: columnsOf(e.target.value) })}
              >
                <option value="">— not imported —</option>
                {columnOptions(preview.headers, choice[field]).map((option, i) => (
                  <option key={i} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </SelectField>
            ))}
            <button type="submit" className="button" disabled={previewing.isPending}>
              {previewing.isPending ? 'Updating the preview…' : 'Update preview'}
            </button>
          </fieldset>
        )}
      </form>

      {preview && <PreviewResult preview={preview} />}

      {preview && (
        <div className="card import-actions">
          {stale ? (
            <p>The columns have changed: update the preview before importing.</p>
          ) : preview.mapping === null ? (
            <p>Choose the column that holds the organizations’ names.</p>
          ) : preview.skipped > 0 ? (
            <>
              <p>
                All or nothing would refuse the whole file, since{' '}
                {plural(preview.skipped, 'row is', 'rows are')} refused. Correct the file and choose
                it again, or import the good rows alone.
              </p>
              {good > 0 && (
                <button
                  type="button"
                  className="button button--primary"
                  disabled={importing.isPending}
                  onClick={() => importing.mutate(true)}
                >
                  Import the {good.toLocaleString('en')} good rows, skip the refused
                </button>
              )}
            </>
          ) : good > 0 ? (
            <button
              type="button"
              className="button button--primary"
              disabled={importing.isPending}
              onClick={() => importing.mutate(false)}
            >
              Import {plural(good, 'organization', 'organizations')}
            </button>
          ) : (
            <p>There is no row to import.</p>
          )}
          {importing.isPending && <p role="status">Importing…</p>}
        </div>
      )}
    </Page>
  );
}

/** The counts, the first rows as mapped, and every refused row with its line and reasons. */
function PreviewResult({ preview }: { preview: ImportPreview }) {
  return (
    <>
      <section className="card" aria-labelledby="import-counts">
        <h2 id="import-counts">Preview</h2>
        <p role="status">
          {plural(preview.rows, 'row', 'rows')}: {preview.created.toLocaleString('en')} to create,{' '}
          {preview.updated.toLocaleString('en')} to update, {preview.skipped.toLocaleString('en')}{' '}
          refused.
        </p>
      </section>
      {preview.sample.length > 0 && (
        <div
          className="table-scroll card"
          role="region"
          aria-labelledby="import-sample-caption"
          tabIndex={0}
        >
          <table className="table">
            <caption id="import-sample-caption">
              The first {plural(preview.sample.length, 'row', 'rows')}, as mapped
            </caption>
            <thead>
              <tr>
                <th scope="col">Line</th>
                {IMPORT_FIELDS.map(({ field, label }) => (
                  <th scope="col" key={field}>
                    {field === 'name' ? 'Name' : label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {preview.sample.map((row) => (
                <tr key={row.line}>
                  <td className="num">
                    {row.line}
                    {row.refused && <span className="badge">refused</span>}
                  </td>
                  {IMPORT_FIELDS.map(({ field }) => (
                    <td key={field} dir="auto">
                      {row.values[field]}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {preview.errors.length > 0 && (
        <section className="card" aria-labelledby="import-refused">
          <h2 id="import-refused">
            {plural(preview.errors.length, 'refused row', 'refused rows')}
          </h2>
          <ul className="import-refused">
            {preview.errors.map((error) => (
              <li key={error.line}>
                <strong>Line {error.line}:</strong> <span dir="auto">{error.message}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
