/**
 * Imports Chicago files into a fresh in-memory database at a fixed clock and writes what was
 * imported (every table the import writes, with sources and content hashes, ids replaced by log
 * numbers and keys) plus the per-file summaries to one text file. Two runs of different importer
 * versions over the same files are then compared byte for byte (`cmp a.txt b.txt`): a refactor
 * must not change what is imported.
 *
 *   node --import tsx bench/import-dump.ts <out.txt> <files or folders…>
 *
 * PGlite by default; DUMP_DATABASE_URL names a PostgreSQL server to create a database on.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { importedRows } from '../test/imported-rows.ts';
import { testDb } from '../test/test-db.ts';
import { importForTest } from '../test/test-import.ts';

const [out, ...inputs] = process.argv.slice(2);
if (!out || inputs.length === 0) {
  console.error('usage: import-dump.ts <out.txt> <files or folders…>');
  process.exit(2);
}
if (process.env.DUMP_DATABASE_URL) {
  process.env.TEST_DATABASE_URL = process.env.DUMP_DATABASE_URL;
}
const { db, close } = await testDb();
try {
  const t0 = performance.now();
  const result = await importForTest(
    db,
    inputs,
    fs.mkdtempSync(path.join(os.tmpdir(), 'ovs-dump-')),
  );
  const seconds = (performance.now() - t0) / 1000;
  const rows = await importedRows(db, { verbatim: true });
  const stream = fs.createWriteStream(out);
  for (const f of result.files) {
    const { seconds: _s, ...summary } = f;
    stream.write(`file ${JSON.stringify(summary)}\n`);
  }
  for (const [table, lines] of Object.entries(rows)) {
    stream.write(`table ${table} ${lines.length}\n`);
    for (const line of lines) {
      stream.write(`${line}\n`);
    }
  }
  await new Promise<void>((resolve, reject) =>
    stream.end((err?: Error | null) => (err ? reject(err) : resolve())),
  );
  console.log(
    `${out}: import ${seconds.toFixed(1)} s; ${Object.entries(rows)
      .map(([t, l]) => `${t} ${l.length}`)
      .join(', ')}`,
  );
} finally {
  await close();
}
