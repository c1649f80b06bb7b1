/** A point of the cumulative curve: `count` sign-ons confirmed by `at` (ms since epoch). */
export interface CurvePoint {
  at: number;
  count: number;
}

export interface CurveGeometry {
  /** The step line, in the chart's own units (0..width, 0..height, y downwards). */
  path: string;
  /** Where the deadline falls, or null without one. */
  deadlineX: number | null;
  /** The top of the y axis: the highest count, at least 1. */
  yMax: number;
  start: number;
  end: number;
}

/**
 * The chart of sign-ons over time: a step from 0 at the first sign-on up to the last
 * count, carried on to now; the x axis runs on to the deadline when it is later.
 */
export function curveGeometry(
  points: readonly CurvePoint[],
  {
    deadline,
    now,
    width,
    height,
  }: { deadline: number | null; now: number; width: number; height: number },
): CurveGeometry {
  const start = points.length ? points[0].at : now;
  const last = points.length ? points[points.length - 1] : { at: now, count: 0 };
  const end = Math.max(deadline ?? now, now, last.at, start + 1);
  const yMax = Math.max(1, last.count);
  const x = (t: number) => round(((t - start) / (end - start)) * width);
  const y = (n: number) => round(height - (n / yMax) * height);
  let path = `M${x(start)},${y(0)}`;
  for (const p of points) path += ` H${x(p.at)} V${y(p.count)}`;
  path += ` H${x(Math.min(now, end))}`;
  return {
    path,
    deadlineX: deadline === null ? null : x(Math.max(start, deadline)),
    yMax,
    start,
    end,
  };
}

const round = (n: number) => Math.round(n * 10) / 10;
