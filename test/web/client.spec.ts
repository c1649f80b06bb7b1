import { spawnSync } from 'node:child_process';

// The web app's types come from the API's OpenAPI document: when docs/openapi.json changes
// and apps/web/src/api/schema.d.ts was not regenerated (`npm run web:client`), this fails, and
// the regenerated file then makes `npm run typecheck` name every screen the change breaks.
describe('the generated web client', () => {
  it('is what docs/openapi.json generates', () => {
    const run = spawnSync(process.execPath, ['apps/web/scripts/client.mjs', '--check'], {
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});
