import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { atLeast, Role, roles } from '../workspaces/roles';
import { Action, minimumRole } from './actions';

/** docs/permissions.md is the promise; minimumRole is what the guard enforces. */
describe('docs/permissions.md', () => {
  const doc = readFileSync(join(__dirname, '../../../../docs/permissions.md'), 'utf8');
  const rows = doc
    .split('\n')
    .map((line) => /^\|.*\(`([a-z_]+)`\)\s*\|(.*)\|\s*$/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null && match[1] !== 'key')
    .map(([, key, cells]) => ({ key, cells: cells.split('|').map((cell) => cell.trim()) }));

  it('lists every action once, and nothing else', () => {
    expect(rows.map((row) => row.key).sort()).toEqual(Object.values(Action).sort());
  });

  it.each(Object.values(Action))('grants %s to exactly the roles the guard allows', (action) => {
    const row = rows.find((r) => r.key === String(action))!;
    const documented = roles.filter((_, i) => row.cells[i] === '✓');
    const enforced = roles.filter((role: Role) => atLeast(role, minimumRole[action]));
    expect(documented).toEqual(enforced);
    expect(row.cells.every((cell) => cell === '✓' || cell === '—')).toBe(true);
  });

  it('orders the role columns as the roles are ranked', () => {
    const header = doc.split('\n').find((line) => line.startsWith('| action'))!;
    expect(
      header
        .split('|')
        .slice(2, -1)
        .map((c) => c.trim()),
    ).toEqual(roles);
  });
});
