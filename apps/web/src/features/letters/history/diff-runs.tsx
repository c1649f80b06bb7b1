import type { components } from '../../../api/schema';

type Run = components['schemas']['DiffRunDto'];

/**
 * One field's word diff as read. Added and removed words are <ins>/<del>, which screen
 * readers announce and the stylesheet marks with underline and strike-through as well as
 * colour, and a hidden word says which for readers that announce neither. `side` keeps only what one revision reads: the older without its additions,
 * the newer without its removals; without it both are shown inline.
 */
export function DiffRuns({ runs, side }: { runs: Run[]; side?: 'from' | 'to' }) {
  return (
    <span className="diff-text">
      {runs.map((run, i) => {
        if (run.type === 'added') {
          return side === 'from' ? null : (
            <ins key={i}>
              <span className="visually-hidden">[inserted: </span>
              {run.text}
              <span className="visually-hidden">]</span>
            </ins>
          );
        }
        if (run.type === 'removed') {
          return side === 'to' ? null : (
            <del key={i}>
              <span className="visually-hidden">[deleted: </span>
              {run.text}
              <span className="visually-hidden">]</span>
            </del>
          );
        }
        return <span key={i}>{run.text}</span>;
      })}
    </span>
  );
}

/** "addressees[1]" reads as "Addressee 2". */
export function fieldName(field: string): string {
  const addressee = /^addressees\[(\d+)\]$/.exec(field);
  if (addressee) return `Addressee ${Number(addressee[1]) + 1}`;
  const names: Record<string, string> = {
    title: 'Title',
    date: 'Date',
    subject: 'Subject',
    salutation: 'Salutation',
    body: 'Body',
    closing: 'Closing',
    listHeading: 'List heading',
  };
  return names[field] ?? field;
}
