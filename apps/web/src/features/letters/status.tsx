import type { components } from '../../api/schema';
import { countdown, inZone } from '../../lib/deadline';
import { useNow } from '../../lib/use-now';

type LetterStatus = components['schemas']['LetterStatus'];

const STATUS_NAMES: Record<LetterStatus, string> = {
  draft: 'Draft',
  open: 'Open',
  closed: 'Closed',
  final: 'Final',
};

/** The status in words (never colour alone). */
export function StatusBadge({ status }: { status: LetterStatus }) {
  return <span className={`badge badge--${status}`}>{STATUS_NAMES[status]}</span>;
}

/**
 * The deadline read in the letter's zone, and, while sign-on is open, how long is left.
 * The API sends the instant (UTC) and the zone in force; the browser's zone plays no part.
 */
export function Deadline({
  letter,
}: {
  letter: { status: LetterStatus; deadline: string | null; timeZone: string };
}) {
  const now = useNow();
  if (!letter.deadline) return <span>No deadline yet</span>;
  const deadline = new Date(letter.deadline);
  return (
    <span>
      <time dateTime={letter.deadline}>Deadline {inZone(deadline, letter.timeZone)}</time>
      {letter.status === 'open' && ` · ${countdown(deadline, now)}`}
    </span>
  );
}
