// Jest for a CommonJS Nest 12 monorepo on Node 20 (see shared/design/stack.md, "Gotchas" 1-2).
const ts = require('typescript');

// Map the @app/<lib> aliases from tsconfig.json, so there is one list of them.
const { config } = ts.readConfigFile('./tsconfig.json', ts.sys.readFile);
const aliases = {};
for (const [key, [target]] of Object.entries(config.compilerOptions.paths ?? {})) {
  const from = '^' + key.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace('*', '(.*)') + '$';
  aliases[from] = '<rootDir>/' + target.replace(/^\.\//, '').replace('*', '$1');
}

// ESM-only packages that jest on Node < 24.9 cannot require(): compile them to CommonJS with swc.
const esmOnly = [
  '@nestjs',
  'file-type',
  'strtok3',
  'token-types',
  '@tokenizer',
  'uint8array-extras',
  '@borewit',
  'load-esm',
  'pdfjs-dist',
];

module.exports = {
  rootDir: '.',
  testEnvironment: 'node',
  moduleFileExtensions: ['js', 'json', 'ts'],
  // Unit (*.spec.ts), integration (*.int-spec.ts) and end-to-end (test/*.e2e-spec.ts) tests.
  testRegex: '.*\\.(spec|int-spec|e2e-spec)\\.ts$',
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/var/'],
  transform: {
    '^.+\\.(t|j|mj)s$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          keepClassNames: true,
          target: 'es2022',
        },
        module: { type: 'commonjs' },
        sourceMaps: 'inline',
      },
    ],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnly.join('|')})/)`],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1', ...aliases },
  // Two cores: two test files at a time, each with its own database and queue prefix.
  maxWorkers: 2,
  // Generous: the suite shares 2 cores with PostgreSQL, Redis and Chromium, and a loaded
  // machine must not turn slow into failed. Speed is measured by bench/, not here.
  testTimeout: 90_000,
};
