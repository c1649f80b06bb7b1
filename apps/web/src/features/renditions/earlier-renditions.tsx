import type { components } from '../../api/schema';
import { seesDeliveredNames } from '../../lib/roles';
import type { Rendition } from './queries';
import { RenditionFacts } from './rendition-card';
import { RenditionChangesView } from './rendition-changes';
import { editionName, variantName } from './rendition-text';

type Role = components['schemas']['Role'];

/** The letter's other renditions, newest first, each with what changed before it. */
export function EarlierRenditions({
  renditions,
  role,
  onShow,
}: {
  renditions: Rendition[];
  role: Role;
  onShow: (rid: string) => void;
}) {
  if (renditions.length === 0) return null;
  return (
    <section aria-labelledby="earlier">
      <h2 id="earlier">Earlier renditions</h2>
      <ol className="list card earlier-renditions">
        {renditions.map((r) => (
          <li key={r.id} className="list-row">
            <div>
              <span className="list-title">
                {editionName(r.edition)}, {variantName(r.variant)}
              </span>
              <RenditionFacts rendition={r} />
              {r.status === 'done' ? (
                <RenditionChangesView
                  rid={r.id}
                  readable={r.edition === 'public' || seesDeliveredNames(role)}
                />
              ) : (
                <p className="aside">{r.status === 'failed' ? 'Failed.' : 'Not finished yet.'}</p>
              )}
            </div>
            <button type="button" className="button" onClick={() => onShow(r.id)}>
              Show<span className="visually-hidden"> this rendition</span>
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
