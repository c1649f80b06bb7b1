import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/**
 * The web app's boundary in eslint.config.mjs: browser code imports no server code but the
 * pure libs/markdown. Lints
 * fixture strings as if they were apps/web files, in a child process (the config is ESM).
 */
describe('the web app imports no server code (eslint.config.mjs)', () => {
  const fixtures = [
    { code: "export { Role } from '@app/domain';", breach: true },
    { code: "export { createApi } from '../../api/src/bootstrap';", breach: true },
    { code: "export { WEB_DIST } from '../../../apps/api/src/web/web-app';", breach: true },
    { code: "export { isTimeZone } from '../../../libs/domain/src';", breach: true },
    // libs/markdown is pure (markdown-it, no Node API): the editor's preview uses the server's rules.
    { code: "export { markdownProblems } from '../../../libs/markdown/src';", breach: false },
    {
      code: "export { letterMarkdown } from '../../../libs/markdown/src/markdown-engine';",
      breach: false,
    },
    { code: "export { x } from '../../../libs/markdownish/src';", breach: true },
    { code: "export { x } from '../../../libs/markdown/test';", breach: true },
    { code: "export { api } from './api/client';", breach: false },
    { code: "export { ok } from '../../api/client';", breach: false },
    { code: "export { Link } from 'react-router';", breach: false },
  ];

  let ruleIds: string[][];
  beforeAll(() => {
    const script = `
      import { ESLint } from 'eslint';
      const eslint = new ESLint({ cwd: process.cwd() });
      const out = [];
      for (const code of JSON.parse(process.argv[1])) {
        const [result] = await eslint.lintText(code, { filePath: 'apps/web/src/features/auth/session.ts' });
        out.push(result.messages.map((m) => m.ruleId ?? 'fatal: ' + m.message));
      }
      process.stdout.write(JSON.stringify(out));
    `;
    const stdout = execFileSync(
      process.execPath,
      ['--input-type=module', '-e', script, JSON.stringify(fixtures.map((f) => f.code))],
      { cwd: ROOT, encoding: 'utf8' },
    );
    ruleIds = JSON.parse(stdout) as string[][];
  }, 60_000);

  it.each(fixtures.map((fixture, i) => ({ ...fixture, i })))('$code', ({ i, breach }) => {
    expect(ruleIds[i].filter((id) => id.startsWith('fatal'))).toEqual([]);
    expect(ruleIds[i].includes('no-restricted-imports')).toBe(breach);
  });
});
