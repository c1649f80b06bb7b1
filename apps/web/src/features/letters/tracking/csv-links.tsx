import { exportsAll } from '../../../lib/roles';
import type { components } from '../../../api/schema';

type Role = components['schemas']['Role'];
type Scope = components['schemas']['CsvScope'];

const SCOPES: { scope: Scope; label: string; what: string }[] = [
  { scope: 'public', label: 'Public list', what: 'the names shown on the public page' },
  {
    scope: 'delivered',
    label: 'Delivered list',
    what: 'the names printed on the copy sent to the officials',
  },
  { scope: 'all', label: 'Everything', what: 'every sign-on with its contact and consent details' },
];

/**
 * Plain links to the CSV: the browser downloads it with the session cookie. Delivered-only
 * names and private details are coordinators' and above (the API says 403 otherwise).
 */
export function CsvLinks({ lid, role }: { lid: string; role: Role }) {
  const scopes = exportsAll(role) ? SCOPES : SCOPES.filter((s) => s.scope === 'public');
  return (
    <ul className="exports">
      {scopes.map(({ scope, label, what }) => (
        <li key={scope}>
          <a href={`/api/letters/${lid}/signatures.csv?scope=${scope}`} download>
            {label} (CSV)
          </a>{' '}
          <span className="list-meta">{what}</span>
        </li>
      ))}
    </ul>
  );
}
