import { LoadFailed, Loading } from '../../../components/page';
import { inZone } from '../../../lib/deadline';
import { useNow } from '../../../lib/use-now';
import { when } from '../../../lib/when';
import { curveGeometry } from './curve';
import { useSignOnCurve } from './queries';

const W = 600;
const H = 200;
const number = new Intl.NumberFormat();

/**
 * Confirmed sign-ons over time, cumulative, with the deadline marked: an SVG summarised in
 * its label for screen readers, and the same numbers as a table under a disclosure.
 */
export function SignOnChart({
  lid,
  deadline,
  timeZone,
}: {
  lid: string;
  deadline: string | null;
  timeZone: string;
}) {
  const curve = useSignOnCurve(lid);
  const now = useNow().getTime();
  if (curve.isPending) return <Loading what="the chart" />;
  if (curve.isError) return <LoadFailed what="the chart" retry={() => void curve.refetch()} />;
  const points = curve.data;
  if (points.length === 0) return <p className="empty">No confirmed sign-on yet.</p>;

  const end = deadline ? new Date(deadline).getTime() : null;
  const g = curveGeometry(points, { deadline: end, now, width: W, height: H });
  const total = points[points.length - 1].count;
  const deadlineText = deadline ? inZone(new Date(deadline), timeZone) : null;
  const summary =
    `${number.format(total)} confirmed sign-on${total === 1 ? '' : 's'}, ` +
    `from ${when(new Date(g.start).toISOString())} to now` +
    (deadlineText ? `; deadline ${deadlineText}.` : '.');

  return (
    <figure className="chart">
      <div className="chart-area">
        <span className="chart-y" aria-hidden="true">
          {number.format(g.yMax)}
        </span>
        <svg
          role="img"
          aria-label={summary}
          viewBox={`0 0 ${W} ${H}`}
          preserveAspectRatio="none"
          className="chart-svg"
        >
          <line x1="0" y1={H} x2={W} y2={H} className="chart-axis" />
          <path d={g.path} className="chart-line" />
          {g.deadlineX !== null && (
            <line x1={g.deadlineX} y1="0" x2={g.deadlineX} y2={H} className="chart-deadline" />
          )}
        </svg>
      </div>
      <div className="chart-x" aria-hidden="true">
        <span>{when(new Date(g.start).toISOString())}</span>
        <span>{when(new Date(g.end).toISOString())}</span>
      </div>
      <p className="chart-legend" aria-hidden="true">
        <span className="chart-key chart-key--line" /> confirmed sign-ons
        {deadlineText && (
          <>
            {' '}
            <span className="chart-key chart-key--deadline" /> deadline, {deadlineText}
          </>
        )}
      </p>
      <figcaption>
        <details>
          <summary>The chart’s numbers</summary>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col" className="num">
                  Sign-ons so far
                </th>
              </tr>
            </thead>
            <tbody>
              {points.map((p) => (
                <tr key={p.count}>
                  <td>{when(new Date(p.at).toISOString())}</td>
                  <td className="num">{number.format(p.count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </figcaption>
    </figure>
  );
}
