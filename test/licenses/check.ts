/**
 * `npm run licenses`: writes docs/licenses.md, the licence of every runtime (non-dev)
 * package in package-lock.json. `npm run licenses -- --check` writes nothing and fails when
 * a runtime package's licence is not one we accept as compatible with Signatory's
 * AGPL-3.0-or-later, is unknown, or when docs/licenses.md is stale. Like the advisories
 * check it reads the lockfile, so it needs no registry; a package whose lockfile entry has
 * no licence is read from its installed package.json, then from LICENCES_READ_BY_HAND.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** SPDX ids we accept in a runtime dependency of an AGPL-3.0-or-later program. */
export const ACCEPTED: Record<string, string> = {
  '0BSD': 'permissive',
  'Apache-2.0': 'permissive; compatible with GPL/AGPL version 3',
  'BlueOak-1.0.0': 'permissive',
  'BSD-2-Clause': 'permissive',
  'BSD-3-Clause': 'permissive',
  'CC0-1.0': 'public domain dedication',
  ISC: 'permissive',
  MIT: 'permissive',
  'MIT-0': 'permissive',
  'MPL-2.0': 'file-level copyleft; compatible unless marked Incompatible With Secondary Licenses',
  'PSF-2.0': 'permissive (the Python licence stack, GPL-compatible since Python 2.0.1)',
  'Python-2.0': 'permissive (the Python licence stack, GPL-compatible since Python 2.0.1)',
  Unlicense: 'public domain dedication',
  Zlib: 'permissive; GPL-compatible (pako, the zlib port under jszip)',
  'LGPL-2.1-only': 'weak copyleft; may be relicensed to the GPL',
  'LGPL-2.1-or-later': 'weak copyleft',
  'LGPL-3.0-only': 'weak copyleft',
  'LGPL-3.0-or-later': 'weak copyleft',
  'GPL-2.0-or-later': 'copyleft; version 3 may be chosen',
  'GPL-3.0-only': 'copyleft; combinable with the AGPL (section 13 of both)',
  'GPL-3.0-or-later': 'copyleft; combinable with the AGPL (section 13 of both)',
  'AGPL-3.0-only': 'the same licence',
  'AGPL-3.0-or-later': 'the same licence',
};

/**
 * Accepted only for the packages named: the SIL Open Font License covers the font files
 * that @expo-google-fonts packages ship (their code is MIT). The fonts are embedded in the
 * PDFs we render, as OFL allows; they are not combined with our code.
 */
export const ACCEPTED_FOR: Record<string, { packages: RegExp; label: string }> = {
  'OFL-1.1': { packages: /^@expo-google-fonts\//, label: '@expo-google-fonts/*' },
};

/**
 * Packages that declare no licence in their package.json, or one that is not an SPDX
 * expression, with the licence of their LICENSE file, read by hand for that version. A new
 * version has to be read again. (buffers and chainsaw come with exceljs, through
 * unzipper -> binary.)
 */
export const LICENCES_READ_BY_HAND: Record<string, string> = {
  'png-js@2.0.0': 'MIT',
  // Ships no licence file; its repository's LICENSE (substack/node-buffers) is MIT.
  'buffers@0.1.1': 'MIT',
  // Declares "MIT/X11": the X11 wording of the MIT licence, by the same author.
  'chainsaw@0.1.0': 'MIT',
};

interface LockEntry {
  version?: string;
  license?: string;
  dev?: boolean;
  link?: boolean;
}

export interface RuntimePackage {
  name: string;
  version: string;
  license: string | undefined;
}

/** Each runtime package once (name and version), sorted, with its declared licence. */
export function runtimePackages(
  lock: { packages?: Record<string, LockEntry> },
  installed: (path: string) => { license?: unknown; licenses?: unknown } | undefined = () =>
    undefined,
): RuntimePackage[] {
  const found = new Map<string, RuntimePackage>();
  for (const [path, entry] of Object.entries(lock.packages ?? {})) {
    if (!path || entry.dev || entry.link || !entry.version) continue;
    const name = path.split('node_modules/').pop()!;
    const key = `${name}@${entry.version}`;
    if (found.has(key)) continue;
    const license =
      LICENCES_READ_BY_HAND[key] ?? entry.license ?? declared(installed(path)) ?? undefined;
    found.set(key, { name, version: entry.version, license });
  }
  return [...found.values()].sort(
    (a, b) => a.name.localeCompare(b.name, 'en') || a.version.localeCompare(b.version, 'en'),
  );
}

/** A package.json's licence: `license`, or the old `licenses: [{ type }]` form as an OR. */
function declared(pkg: { license?: unknown; licenses?: unknown } | undefined): string | undefined {
  if (typeof pkg?.license === 'string') return pkg.license;
  if (Array.isArray(pkg?.licenses)) {
    const types = (pkg.licenses as { type?: unknown }[])
      .map((l) => l.type)
      .filter((t): t is string => typeof t === 'string');
    if (types.length) return types.length === 1 ? types[0] : `(${types.join(' OR ')})`;
  }
  return undefined;
}

/**
 * Whether an SPDX expression is acceptable for `name`: an id is accepted when listed, an
 * `A OR B` when either side is, an `A AND B` when both are. Anything unparseable is not.
 */
export function isAccepted(expression: string | undefined, name: string): boolean {
  if (!expression) return false;
  const tokens = expression.match(/\(|\)|[^\s()]+/g) ?? [];
  let i = 0;
  const id = (token: string) =>
    token in ACCEPTED || (ACCEPTED_FOR[token]?.packages.test(name) ?? false);
  // expression := term (OR term)*; term := factor (AND factor)*; factor := id | ( expression )
  const factor = (): boolean => {
    const token = tokens[i++];
    if (token === '(') {
      const value = or();
      if (tokens[i++] !== ')') throw new Error('unbalanced');
      return value;
    }
    if (!token || token === ')' || /^(AND|OR|WITH)$/.test(token)) throw new Error('unexpected');
    if (tokens[i] === 'WITH') throw new Error('exceptions are read by hand');
    return id(token);
  };
  const and = (): boolean => {
    let value = factor();
    while (tokens[i] === 'AND') {
      i++;
      value = factor() && value;
    }
    return value;
  };
  const or = (): boolean => {
    let value = and();
    while (tokens[i] === 'OR') {
      i++;
      value = and() || value;
    }
    return value;
  };
  try {
    const value = or();
    return i === tokens.length && value;
  } catch {
    return false;
  }
}

/** docs/licenses.md, before formatting. */
export function licensesMarkdown(packages: RuntimePackage[]): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|');
  const counts = new Map<string, number>();
  for (const p of packages) {
    const license = p.license ?? 'unknown';
    counts.set(license, (counts.get(license) ?? 0) + 1);
  }
  return [
    '# Licences of the runtime dependencies',
    '',
    'Generated by `npm run licenses` from `package-lock.json`: do not edit by hand.',
    '`npm run licenses -- --check` (a CI step) fails when this file is stale or when a',
    "runtime (non-dev) package's licence is not accepted as compatible with Signatory's",
    'licence, AGPL-3.0-or-later (`LICENSE`). An SPDX expression `A OR B` is accepted when',
    'either side is, `A AND B` when both are. Accepted:',
    '',
    ...Object.entries(ACCEPTED).map(([id, why]) => `- ${id}: ${why}`),
    ...Object.entries(ACCEPTED_FOR).map(
      ([id, { label }]) =>
        `- ${id}: only for ${label}, for the font files they bundle (their code is MIT)`,
    ),
    '',
    `${packages.length} packages:`,
    '',
    '| licence | packages |',
    '| --- | --- |',
    ...[...counts.entries()]
      .sort(([a, x], [b, y]) => y - x || a.localeCompare(b, 'en'))
      .map(([license, count]) => `| ${cell(license)} | ${count} |`),
    '',
    '| package | version | licence |',
    '| --- | --- | --- |',
    ...packages.map((p) => `| ${cell(p.name)} | ${p.version} | ${cell(p.license ?? 'unknown')} |`),
    '',
  ].join('\n');
}

if (require.main === module) {
  void (async () => {
    const root = join(__dirname, '..', '..');
    const check = process.argv.includes('--check');
    const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as Parameters<
      typeof runtimePackages
    >[0];
    const packages = runtimePackages(lock, (path) => {
      const file = join(root, path, 'package.json');
      return existsSync(file)
        ? (JSON.parse(readFileSync(file, 'utf8')) as { license?: unknown; licenses?: unknown })
        : undefined;
    });
    const file = join(root, 'docs', 'licenses.md');
    // Loaded here, not at the top: prettier's dynamic imports do not run inside jest.
    const { format, resolveConfig } = await import('prettier');
    const markdown = await format(licensesMarkdown(packages), {
      ...(await resolveConfig(file)),
      filepath: file,
    });
    const refused = packages.filter((p) => !isAccepted(p.license, p.name));
    for (const p of refused) {
      process.stdout.write(
        `${p.name}@${p.version}: ${p.license ?? 'no licence declared'} is not accepted\n`,
      );
    }
    let stale = false;
    if (check) {
      stale = !existsSync(file) || readFileSync(file, 'utf8') !== markdown;
      if (stale) process.stdout.write('docs/licenses.md is stale: run npm run licenses\n');
    } else {
      writeFileSync(file, markdown);
    }
    process.stdout.write(
      `${packages.length} runtime packages, ${refused.length} with a licence not accepted` +
        `${check ? '' : '; wrote docs/licenses.md'}\n`,
    );
    process.exit(refused.length || stale ? 1 : 0);
  })();
}
