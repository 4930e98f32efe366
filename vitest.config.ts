import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
          exclude: ['src/**/*.int.test.ts'],
        },
      },
      {
        test: {
          // component tests of the web app (issue 20 item 2): React in happy-dom, no server; part
          // of the unit tier (`npm run test:unit`)
          name: 'web',
          include: ['src/web/**/*.test.tsx'],
          environment: 'happy-dom',
          setupFiles: ['src/web/test/setup.ts'],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/**/*.int.test.ts', 'src/**/*.int.test.ts'],
          testTimeout: 60_000,
          // a file's setup migrates a fresh database (and the OIDC test starts a provider): on a
          // loaded 2-core machine that has taken over 60 s; a limit, not a performance target
          hookTimeout: 120_000,
          // each file gets its own fresh database; two workers fit this 2-core machine
          maxWorkers: 2,
        },
      },
      {
        test: {
          // the slow measurements a release is accepted on (issue 17 item 7): the labelled redaction
          // corpus, the full history import, 10,000 fuzzed requests; run by `npm run test:acceptance`
          name: 'acceptance',
          include: ['test/acceptance/**/*.acc.test.ts'],
          // the corpus run scores 6,581 narratives: over 100 s on a loaded 2-core machine; a limit,
          // not a performance target
          testTimeout: 600_000,
          hookTimeout: 120_000,
          maxWorkers: 2,
        },
      },
      {
        test: {
          // browser journeys against one real server (e2e/global-setup.ts); run by `npm run test:e2e`
          name: 'e2e',
          include: ['e2e/**/*.e2e.ts'],
          globalSetup: ['e2e/global-setup.ts'],
          testTimeout: 180_000,
          hookTimeout: 300_000,
          fileParallelism: false,
          maxWorkers: 1,
        },
      },
    ],
  },
});
