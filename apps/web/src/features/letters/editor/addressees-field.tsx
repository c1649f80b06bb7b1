import type { Addressee } from './merge';

const PARTS = [
  ['honorific', 'Honorific'],
  ['name', 'Name'],
  ['title', 'Title'],
  ['organization', 'Organization'],
] as const;

const MAX_ADDRESSEES = 20;

function move<T>(list: T[], from: number, to: number): T[] {
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item);
  return next;
}

/**
 * The addressees in the order the letter prints them: add, remove, and move up or down with
 * buttons (keyboard and screen readers work them like any button; nothing needs a drag).
 */
export function AddresseesField({
  value,
  onChange,
}: {
  value: Addressee[];
  onChange: (next: Addressee[]) => void;
}) {
  const set = (i: number, patch: Partial<Addressee>) =>
    onChange(value.map((a, j) => (j === i ? { ...a, ...patch } : a)));
  return (
    <fieldset className="addressees">
      <legend>Addressees</legend>
      {value.length === 0 && <p className="field-hint">No addressee yet; publishing needs one.</p>}
      <ol>
        {value.map((addressee, i) => {
          const n = i + 1;
          return (
            <li key={i} className="card addressee">
              <fieldset>
                <legend>Addressee {n}</legend>
                {PARTS.map(([part, label]) => (
                  <div className="field" key={part}>
                    <label htmlFor={`addressee-${i}-${part}`}>{label}</label>
                    <input
                      id={`addressee-${i}-${part}`}
                      value={addressee[part] ?? ''}
                      required={part === 'name'}
                      onChange={(e) =>
                        // Only the name is required; an emptied part is left out, not "".
                        set(i, {
                          [part]:
                            part !== 'name' && e.target.value === '' ? undefined : e.target.value,
                        })
                      }
                    />
                  </div>
                ))}
                <div className="field">
                  <label htmlFor={`addressee-${i}-address`}>Address (one line each)</label>
                  <textarea
                    id={`addressee-${i}-address`}
                    rows={3}
                    value={addressee.addressLines.join('\n')}
                    onChange={(e) =>
                      set(i, {
                        addressLines: e.target.value === '' ? [] : e.target.value.split('\n'),
                      })
                    }
                  />
                </div>
                <div className="button-row">
                  <button
                    type="button"
                    className="button"
                    disabled={i === 0}
                    onClick={() => onChange(move(value, i, i - 1))}
                  >
                    Move addressee {n} up
                  </button>
                  <button
                    type="button"
                    className="button"
                    disabled={i === value.length - 1}
                    onClick={() => onChange(move(value, i, i + 1))}
                  >
                    Move addressee {n} down
                  </button>
                  <button
                    type="button"
                    className="button"
                    onClick={() => onChange(value.filter((_, j) => j !== i))}
                  >
                    Remove addressee {n}
                  </button>
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        className="button"
        disabled={value.length >= MAX_ADDRESSEES}
        onClick={() => onChange([...value, { name: '', addressLines: [] }])}
      >
        Add an addressee
      </button>
    </fieldset>
  );
}
