import { ESLint } from 'eslint';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** The import-rule messages the repository's own ESLint config gives `code` at `file`. */
async function importFindings(code: string, file: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: root });
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports')
    .map((m) => m.message);
}

// issue 20 item 5 (ADR 0044): the app registers the routes and hands them their context; a route
// importing app.ts would close a cycle and reach for wiring it is meant to be given
describe('routes never import the app (eslint.config.js)', () => {
  it('refuses app.ts in a route file, and points at routes/context.ts', async () => {
    const findings = await importFindings(
      "import type { RouteContext } from '../app.ts';\nexport type Ctx = RouteContext;\n",
      'src/server/routes/health.routes.ts',
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toContain('routes/context.ts');
  }, 120_000);

  it('refuses it from the public routes folder too, and main.ts alike', async () => {
    const findings = await importFindings(
      "import { buildApp } from '../../app.ts';\nimport { startServer } from '../../main.ts';\nexport const both = [buildApp, startServer];\n",
      'src/server/routes/public/public.routes.ts',
    );
    expect(findings).toHaveLength(2);
  }, 120_000);

  it('lets routes import their context, and the server entry import the app', async () => {
    expect(
      await importFindings(
        "import type { RouteContext } from './context.ts';\nexport type Ctx = RouteContext;\n",
        'src/server/routes/health.routes.ts',
      ),
    ).toEqual([]);
    expect(
      await importFindings(
        "import { buildApp } from './app.ts';\nexport const b = buildApp;\n",
        'src/server/main.ts',
      ),
    ).toEqual([]);
  }, 120_000);
});
