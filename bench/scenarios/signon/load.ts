import autocannon from 'autocannon';

/** What one autocannon run measured. */
export interface LoadResult {
  /** Completed requests per second over the run (responses of any status). */
  requestsPerSecond: number;
  /** Latency of the 2xx answers (autocannon records only those), ms. */
  p50: number;
  p99: number;
  mean: number;
  total: number;
  durationS: number;
  /** Answers by HTTP status. */
  statuses: Record<string, number>;
  non2xx: number;
  /** Socket errors and timeouts. */
  errors: number;
  timeouts: number;
}

export function summarize(result: autocannon.Result): LoadResult {
  const statuses = Object.fromEntries(
    Object.entries(
      (result as unknown as { statusCodeStats: Record<string, { count: number }> }).statusCodeStats,
    ).map(([status, { count }]) => [status, Number(count)]),
  );
  const total = Object.values(statuses).reduce((a, b) => a + b, 0);
  return {
    requestsPerSecond: total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    mean: result.latency.mean,
    total,
    durationS: result.duration,
    statuses,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

/**
 * autocannon in this process (the client; the app runs in its own), calling `onStatus`
 * with the status of every answer as it arrives.
 */
export function run(
  options: autocannon.Options,
  onStatus?: (status: number) => void,
): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(options, (error, result) =>
      error ? reject(error as Error) : resolve(result),
    );
    if (onStatus) instance.on('response', (_client, status: number) => onStatus(status));
  });
}

/** The bare endpoint: GET /api/ping, through every global middleware and guard. */
export async function ceiling(url: string, connections: number, seconds: number) {
  return summarize(await run({ url: `${url}/api/ping`, connections, duration: seconds }));
}
