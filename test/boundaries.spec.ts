import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');

/**
 * The import boundaries in eslint.config.mjs (issue 15): no app imports another app, no
 * lib imports an app. Lints fixture strings with ESLint's Node API, as if they were the
 * content of real files, in a child process (the config is ESM, which jest's VM does not load).
 */
describe('import boundaries (eslint.config.mjs)', () => {
  const fixtures = [
    {
      filePath: 'apps/api/src/api.module.ts',
      code: "export { ProcessorsModule } from '../../worker/src/processors';",
      breach: true,
    },
    {
      filePath: 'apps/worker/src/worker.module.ts',
      code: "export { createApi } from '../../api/src/bootstrap';",
      breach: true,
    },
    {
      filePath: 'libs/jobs/src/index.ts',
      code: "export { createApi } from '../../../apps/api/src/bootstrap';",
      breach: true,
    },
    {
      filePath: 'libs/jobs/src/index.ts',
      code: "export { WorkerModule } from 'apps/worker/src/worker.module';",
      breach: true,
    },
    {
      filePath: 'apps/api/src/api.module.ts',
      code: "export { ProcessorsModule } from '@app/workers';",
      breach: false,
    },
  ];

  let ruleIds: string[][];
  beforeAll(() => {
    const script = `
      import { ESLint } from 'eslint';
      const eslint = new ESLint({ cwd: process.cwd() });
      const fixtures = JSON.parse(process.argv[1]);
      const out = [];
      for (const { filePath, code } of fixtures) {
        const [result] = await eslint.lintText(code, { filePath });
        out.push(result.messages.map((m) => m.ruleId ?? 'fatal: ' + m.message));
      }
      process.stdout.write(JSON.stringify(out));
    `;
    const stdout = execFileSync(
      process.execPath,
      ['--input-type=module', '-e', script, JSON.stringify(fixtures)],
      { cwd: ROOT, encoding: 'utf8' },
    );
    ruleIds = JSON.parse(stdout) as string[][];
  });

  it.each(fixtures.map((fixture, i) => ({ ...fixture, i })))(
    '$filePath: $code',
    ({ i, breach }) => {
      expect(ruleIds[i].filter((id) => id.startsWith('fatal'))).toEqual([]);
      expect(ruleIds[i].includes('no-restricted-imports')).toBe(breach);
    },
  );
});
