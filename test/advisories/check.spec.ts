import { findVulnerable, inRange } from './check';

describe('lockfile advisories check', () => {
  it('reads the two range forms', () => {
    expect(inRange('0.6.9', '<0.7.0')).toBe(true);
    expect(inRange('0.7.0', '<0.7.0')).toBe(false);
    expect(inRange('7.0.4', '>=7.0.0 <7.0.5')).toBe(true);
    expect(inRange('6.0.6', '>=7.0.0 <7.0.5')).toBe(false);
    expect(inRange('10.1.0', '<9.0.0')).toBe(false);
  });

  it('finds a listed version anywhere in the tree, nested ones included', () => {
    const lock = {
      packages: {
        '': {},
        'node_modules/cookie': { version: '1.0.2' },
        'node_modules/express/node_modules/cookie': { version: '0.6.0' },
      },
    };
    const advisory = { package: 'cookie', affected: ['<0.7.0'], id: 'GHSA-x', summary: 's' };
    expect(findVulnerable(lock, [advisory])).toEqual([
      { path: 'node_modules/express/node_modules/cookie', version: '0.6.0', advisory },
    ]);
  });
});
