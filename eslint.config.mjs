// Type-aware lint: the rules that catch lost promises and unhandled enum cases.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

/** An import of apps/<app> from elsewhere, by any path: 'apps/<app>/...' or '../../<app>/src/...'. */
const appImport = (app) => ({
  regex: `(^|/)(apps/${app}|${app}/src)(/|$)`,
  message: `No app imports another app: move what both apps need into a lib under libs/ (apps/${app} is its own app).`,
});

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'var/', 'coverage/', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  prettier,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/no-extraneous-class': 'off',
      'no-console': 'error',
    },
  },
  // Boundaries (issue 15): no app imports another app, and no lib imports an app. Code
  // both apps need lives in a lib (the processors are @app/workers); helpers that boot an
  // app live in test/support. Patterns are regexes on the import string, so they catch
  // relative paths ('../../worker/src/...') as well as 'apps/...'.
  {
    files: ['apps/api/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [appImport('worker')] }],
    },
  },
  {
    files: ['apps/worker/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [appImport('api')] }],
    },
  },
  // The web app runs in the browser: no server code in its bundle. It reaches the API
  // through src/api/client.ts and the types generated from the OpenAPI document. One
  // exception, libs/markdown: pure markdown-it with no Node API, it lets the editor preview
  // the body and mark refused lines by the very rules the server saves by.
  {
    files: ['apps/web/**/*.{ts,tsx,mts}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^@app/|(^|/)(apps|libs(?!/markdown/src(/|$))|test|api/src|worker/src)(/|$)',
              message:
                'The web app imports no server code (apps/api, apps/worker, libs/* but libs/markdown/src, test/): use src/api/client.ts and the generated types.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['libs/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)(apps|test/support)(/|$)',
              message:
                'A lib may not import an app (or test/support, which boots the apps): move what both need into a lib.',
            },
          ],
        },
      ],
    },
  },
  {
    files: [
      '**/*.spec.ts',
      '**/*.int-spec.ts',
      '**/*.e2e-spec.ts',
      'libs/testing/**/*.ts',
      'test/support/**/*.ts',
    ],
    rules: {
      // supertest bodies are `any`; tests assert on their shape.
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
);
