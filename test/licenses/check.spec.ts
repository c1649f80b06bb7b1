import { isAccepted, licensesMarkdown, runtimePackages } from './check';

describe('licence check', () => {
  it('reads SPDX expressions: OR needs one accepted side, AND needs both', () => {
    expect(isAccepted('MIT', 'a')).toBe(true);
    expect(isAccepted('(MIT OR WTFPL)', 'a')).toBe(true);
    expect(isAccepted('Apache-2.0 AND MIT', 'a')).toBe(true);
    expect(isAccepted('MIT AND GPL-2.0-only', 'a')).toBe(false);
    expect(isAccepted('(BSD-2-Clause OR MIT) AND SSPL-1.0', 'a')).toBe(false);
    expect(isAccepted('SSPL-1.0', 'a')).toBe(false);
    expect(isAccepted('UNLICENSED', 'a')).toBe(false);
    expect(isAccepted('SEE LICENSE IN LICENSE.txt', 'a')).toBe(false);
    expect(isAccepted('(MIT', 'a')).toBe(false);
    expect(isAccepted('GPL-2.0-only WITH Classpath-exception-2.0', 'a')).toBe(false);
    expect(isAccepted(undefined, 'a')).toBe(false);
  });

  it('accepts the font licence only for the font packages', () => {
    expect(isAccepted('MIT AND OFL-1.1', '@expo-google-fonts/noto-sans')).toBe(true);
    expect(isAccepted('MIT AND OFL-1.1', 'some-library')).toBe(false);
  });

  it('lists each runtime package once, without dev ones, with the licence it declares', () => {
    const lock = {
      packages: {
        '': { version: '0.1.0', license: 'AGPL-3.0-or-later' },
        'node_modules/b': { version: '1.0.0', license: 'ISC' },
        'node_modules/a': { version: '2.0.0', license: 'MIT' },
        'node_modules/x/node_modules/a': { version: '2.0.0', license: 'MIT' },
        'node_modules/jest': { version: '30.0.0', license: 'MIT', dev: true },
        'node_modules/old': { version: '1.0.0' },
        'node_modules/png-js': { version: '2.0.0' },
        'node_modules/none': { version: '1.0.0' },
      },
    };
    const installed = (path: string) =>
      path === 'node_modules/old' ? { licenses: [{ type: 'MIT' }] } : undefined;
    const packages = runtimePackages(lock, installed);
    expect(packages).toEqual([
      { name: 'a', version: '2.0.0', license: 'MIT' },
      { name: 'b', version: '1.0.0', license: 'ISC' },
      { name: 'none', version: '1.0.0', license: undefined },
      { name: 'old', version: '1.0.0', license: 'MIT' },
      { name: 'png-js', version: '2.0.0', license: 'MIT' },
    ]);
    const markdown = licensesMarkdown(packages);
    expect(markdown).toContain('| none | 1.0.0 | unknown |');
    expect(markdown).toContain('5 packages:');
  });
});
