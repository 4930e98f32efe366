import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

const boundary = (message, patterns) => ({
  'no-restricted-imports': [
    'error',
    { patterns: patterns.map((group) => ({ group: [group], message })) },
  ],
});

export default tseslint.config(
  { ignores: ['node_modules', '.oversight', 'coverage', 'bin', 'dist'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      curly: ['error', 'all'],
      // Fastify route plugins are async by contract even when they await nothing
      '@typescript-eslint/require-await': 'off',
    },
  },
  { files: ['eslint.config.js'], ...tseslint.configs.disableTypeChecked },
  {
    // tests read JSON responses (`any`) and assert on them; the assertions are the type check
    files: ['test/**', 'bench/**', 'e2e/**', '**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['src/shared/**'],
    rules: boundary(
      'shared/ holds schemas and pure helpers only: it may import zod, nothing else.',
      ['**/server/**', '**/web/**', '**/cli/**', 'pg', '@electric-sql/*', 'fastify'],
    ),
  },
  {
    files: ['src/web/**'],
    rules: boundary(
      'web/ runs in the browser and talks to the server over HTTP only (api/client.ts): it may import shared/, never server/ or cli/.',
      ['**/server/**', '**/cli/**', 'pg', '@electric-sql/*', 'fastify', 'node:*'],
    ),
  },
  {
    files: ['src/server/**', 'src/cli/**'],
    rules: boundary('server/ and cli/ never import the browser app (web/).', ['**/web/**']),
  },
  {
    files: ['src/server/domain/**', 'src/server/redaction/**'],
    // a unit test may read the repository (the redaction registry checks its files and docs);
    // load-model.ts reads the committed model file the module ships, once (ADR 0030)
    ignores: ['**/*.test.ts', 'src/server/redaction/learned/load-model.ts'],
    rules: boundary(
      'domain/ and redaction/ are pure rules: no database, no HTTP, no I/O, no browser app.',
      [
        '**/web/**',
        '**/db/**',
        '**/repositories/**',
        '**/routes/**',
        'pg',
        '@electric-sql/*',
        'fastify',
        'node:fs',
      ],
    ),
  },
  {
    files: ['src/server/routes/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/db/**', '**/web/**', 'pg', '@electric-sql/*'],
              message:
                'Routes parse, authorize, call a command or repository read, and present: they never touch db/ directly (nor import the browser app).',
            },
            {
              // the app registers the routes; a route importing it is a cycle (issue 20 item 5)
              group: ['**/app', '**/app.ts', '**/app.js', '**/main', '**/main.ts', '**/main.js'],
              message:
                'Routes never import the app (app.ts, main.ts): their dependencies come in as the `ctx` option (RouteContext in routes/context.ts, ADR 0044).',
            },
          ],
        },
      ],
    },
  },
  prettier,
);
