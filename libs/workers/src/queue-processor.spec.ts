import { JobName } from '@app/jobs';
import { assertEveryJobHandled } from './queue-processor';

describe('assertEveryJobHandled', () => {
  it('passes when every job name has a handler', () => {
    expect(() =>
      assertEveryJobHandled([{ handledJobs: () => Object.values(JobName) }]),
    ).not.toThrow();
  });

  it('names the jobs no processor handles', () => {
    expect(() => assertEveryJobHandled([{ handledJobs: () => [] }])).toThrow(
      `no worker handles the job(s): ${Object.values(JobName).join(', ')}`,
    );
  });
});
