import { Link } from 'react-router';
import { LoadFailed, Loading } from '../../components/page';
import { useLetters } from '../campaigns/queries';
import { Deadline, StatusBadge } from './status';

const signOns = (n: number) => `${n} sign-on${n === 1 ? '' : 's'}`;

/** A campaign's letters: title, status in words, deadline with countdown, sign-on count. */
export function LetterList({ wid, cid }: { wid: string; cid: string }) {
  const letters = useLetters(cid);
  if (letters.isPending) return <Loading what="the letters" />;
  if (letters.isError) {
    return <LoadFailed what="the letters" retry={() => void letters.refetch()} />;
  }
  if (letters.data.length === 0) return <p className="empty">No letters in this campaign yet.</p>;
  return (
    <ul className="list card" aria-label="Letters">
      {letters.data.map((letter) => (
        <li key={letter.id} className="list-row">
          <span>
            <Link to={`/w/${wid}/letters/${letter.id}`} className="list-title">
              {letter.title}
            </Link>{' '}
            <StatusBadge status={letter.status} />
          </span>
          <span className="list-meta">
            <Deadline letter={letter} /> · {signOns(letter.signed)}
          </span>
        </li>
      ))}
    </ul>
  );
}
