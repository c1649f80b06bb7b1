import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { SelectField } from '../../../components/form';
import { LoadFailed, Loading } from '../../../components/page';
import { moderates } from '../../../lib/roles';
import { useAskedSearchParams } from '../../../lib/use-asked-search-params';
import { Pager } from './pager';
import { useSignatures } from './queries';
import { options, SOURCE_NAMES, STATUS_NAMES, VISIBILITY_NAMES } from './signature-labels';
import { CorrectNameForm, SignatureSummary } from './signature-row';
import { TrackingPage, useTracking } from './tracking-layout';
import { FILTERS, listStateOf } from './tracking-queries';

/**
 * The filters and the page live in the address: a reload or a shared link keeps them. The
 * list follows the address reached, the selects the one asked for (no flicking back).
 */
function useListState() {
  const { params, asked, change } = useAskedSearchParams();
  const { filters, page } = listStateOf(params);
  const set = (name: (typeof FILTERS)[number] | 'page', value: string) =>
    change(
      (next) => {
        if (value) next.set(name, value);
        else next.delete(name);
        if (name !== 'page') next.delete('page');
        return next;
      },
      { replace: true },
    );
  return { filters, shown: listStateOf(asked).filters, page, set };
}

/**
 * /w/:wid/letters/:lid/signatures: every sign-on the reader may see, filtered and paged on
 * the server (50 a page), so ten thousand stay as quick as ten. Coordinators correct names.
 */
export function SignaturesPage() {
  const { lid, wid, role } = useTracking();
  const { filters, shown, page, set } = useListState();
  const list = useSignatures(lid, filters, page);
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  const mayCorrect = moderates(role);
  // When the correction closes (saved or cancelled), the focus goes back to its row's button.
  const [closed, setClosed] = useState<{ id: string } | null>(null);
  useEffect(() => {
    if (closed) document.getElementById(`correct-${closed.id}`)?.focus();
  }, [closed]);

  return (
    <TrackingPage title="Signatures">
      <form className="filters" aria-label="Filters" onSubmit={(e) => e.preventDefault()}>
        <SelectField
          name="status"
          label="Status"
          value={shown.status ?? ''}
          onChange={(e) => set('status', e.target.value)}
        >
          <option value="">Any status</option>
          {options(STATUS_NAMES).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </SelectField>
        <SelectField
          name="source"
          label="Received through"
          value={shown.source ?? ''}
          onChange={(e) => set('source', e.target.value)}
        >
          <option value="">Any way</option>
          {options(SOURCE_NAMES).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </SelectField>
        <SelectField
          name="visibility"
          label="Visibility"
          value={shown.visibility ?? ''}
          onChange={(e) => set('visibility', e.target.value)}
        >
          <option value="">Any visibility</option>
          {options(VISIBILITY_NAMES).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </SelectField>
      </form>
      {mayCorrect && (
        <p>
          <Link to={`/w/${wid}/letters/${lid}/signatures/new`}>
            Add a sign-on received by phone or paper
          </Link>
        </p>
      )}
      <p role="status" className="saved">
        {notice}
      </p>
      {list.isPending ? (
        <Loading what="the sign-ons" />
      ) : list.isError ? (
        <LoadFailed what="the sign-ons" retry={() => void list.refetch()} />
      ) : list.data.total === 0 ? (
        <p className="empty">No sign-on matches.</p>
      ) : (
        <>
          <ol className="list card" aria-label="Sign-ons" aria-busy={list.isPlaceholderData}>
            {list.data.items.map((s) => (
              <li key={s.id} className="list-row signature-row">
                <SignatureSummary signature={s} />
                {mayCorrect && editing !== s.id && (
                  <button
                    type="button"
                    id={`correct-${s.id}`}
                    className="button button--small"
                    onClick={() => {
                      setNotice('');
                      setEditing(s.id);
                    }}
                    aria-label={`Correct name of ${s.displayName}`}
                  >
                    Correct name
                  </button>
                )}
                {editing === s.id && (
                  <CorrectNameForm
                    lid={lid}
                    signature={s}
                    done={(message) => {
                      setEditing(null);
                      setNotice(message);
                      setClosed({ id: s.id });
                    }}
                  />
                )}
              </li>
            ))}
          </ol>
          <Pager
            page={page}
            total={list.data.total}
            setPage={(p) => set('page', String(p + 1))}
            busy={list.isPlaceholderData}
          />
        </>
      )}
    </TrackingPage>
  );
}
