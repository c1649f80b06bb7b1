import { QueryClient } from '@tanstack/react-query';
import { renditionKey, type Rendition } from './queries';
import { pushRenditionUpdate } from './rendition-progress';

const queued: Rendition = {
  id: 'r1',
  letterId: 'l1',
  status: 'queued',
  progress: 0,
  revision: 1,
  variant: 'combined',
  edition: 'delivery',
  signatoryCount: 3,
  unnamedCount: 0,
  files: [],
  warnings: [],
  attempts: 0,
  createdAt: '2026-12-03T18:00:00.000Z',
  finishedAt: null,
};

describe('the seam for pushed rendition updates (the event stream, later)', () => {
  it('merges a pushed {id, status, progress} into the state the progress bar reads', () => {
    const client = new QueryClient();
    client.setQueryData(renditionKey('r1'), queued);
    pushRenditionUpdate(client, { id: 'r1', status: 'rendering', progress: 40 });
    expect(client.getQueryData(renditionKey('r1'))).toEqual({
      ...queued,
      status: 'rendering',
      progress: 40,
    });
  });

  it('keeps a partial update of a rendition it does not hold out of the cache, and a whole one in', () => {
    const client = new QueryClient();
    pushRenditionUpdate(client, { id: 'r2', status: 'rendering', progress: 40 });
    expect(client.getQueryData(renditionKey('r2'))).toBeUndefined();
    pushRenditionUpdate(client, { ...queued, id: 'r3' });
    expect(client.getQueryData(renditionKey('r3'))).toEqual({ ...queued, id: 'r3' });
  });
});
