/**
 * Writes the app's `/api/openapi.json` to a file, byte for byte as served, so that a change to
 * routes or their contract (ADR 0051, ADR 0054) can be proved not to change the document:
 * dump before, dump after, `cmp` the two. Builds the app on a fresh PGlite database.
 *
 * Usage: TZ=UTC node --import tsx scripts/dump-openapi.ts /tmp/openapi.json
 */
import { writeFileSync } from 'node:fs';
import { testApp } from '../test/test-app.ts';

const out = process.argv[2];
if (!out) {
  throw new Error('Usage: node --import tsx scripts/dump-openapi.ts <file>');
}
const t = await testApp();
try {
  const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
  writeFileSync(out, res.body);
  console.log(`${res.statusCode} ${res.body.length} bytes -> ${out}`);
} finally {
  await t.close();
}
