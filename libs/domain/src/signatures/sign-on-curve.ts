/** The most points the dashboard's chart is given: plenty for its width, small to send. */
export const CURVE_POINTS = 100;

/** Confirmed sign-ons over time: `count` of them confirmed by `at`. */
export interface SignOnCurve {
  total: number;
  points: { at: Date; count: number }[];
}

/**
 * At most `samples` points spread evenly over `total` sign-ons ordered by time: the
 * offsets to read (0-based), always ending with the last one.
 */
export function sampleOffsets(total: number, samples: number): number[] {
  if (total <= 0) return [];
  const n = Math.min(total, samples);
  return Array.from({ length: n }, (_, k) => Math.ceil(((k + 1) * total) / n) - 1);
}

/** The curve of these sign-on times (oldest first), sampled down to `max` points. */
export function signOnCurve(times: readonly Date[], max = CURVE_POINTS): SignOnCurve {
  return {
    total: times.length,
    points: sampleOffsets(times.length, max).map((i) => ({ at: times[i], count: i + 1 })),
  };
}
