/**
 * The CSV reader's parse step alone, on the developer set's two largest files (the CLEAR
 * complaints with their multi-line narratives, the 219,000-row CLEAR investigators): the
 * importer's RFC 4180 parser (`src/server/importers/csv-parse.ts`) against the `csv` project's
 * csv-parse, synchronous and streamed, with the options the importer would need (line numbers
 * via `info`, ragged rows kept for the per-row report, empty lines skipped, BOM). Same process,
 * same decompressed text, best of three rounds each. Decides ADR 0023's "keep the parser".
 *
 *   npm run bench:csv            (BENCH_CHICAGO_DIR overrides the folder)
 */
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { parse } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import { csvRecords } from '../src/server/importers/csv-parse.ts';
import { CHICAGO_DATA } from './chicago-import.ts';

const FILES = [
  'complaints-complaints-clear_2000-2022_2022-09.csv.gz',
  'complaints-investigators-clear_2000-2020_2020-07.csv.gz',
];
const OPTIONS = { info: true, relax_column_count: true, skip_empty_lines: true, bom: true };

async function best(run: () => Promise<number> | number): Promise<{ ms: number; records: number }> {
  let ms = Infinity;
  let records = 0;
  for (let round = 0; round < 3; round++) {
    const t0 = performance.now();
    records = await run();
    ms = Math.min(ms, performance.now() - t0);
  }
  return { ms, records };
}

console.log('file | records | importer parser | csv-parse sync | csv-parse stream | slower by');
for (const name of FILES) {
  const text = zlib.gunzipSync(fs.readFileSync(path.join(CHICAGO_DATA, name))).toString('utf8');
  const own = await best(() => {
    let n = 0;
    for (const _record of csvRecords(text)) {
      n++;
    }
    return n;
  });
  const sync = await best(() => parseSync(text, OPTIONS).length);
  const stream = await best(async () => {
    let n = 0;
    for await (const _record of Readable.from([text]).pipe(parse(OPTIONS))) {
      n++;
    }
    return n;
  });
  console.log(
    `${name} | ${own.records} | ${own.ms.toFixed(0)} ms | ${sync.ms.toFixed(0)} ms | ${stream.ms.toFixed(0)} ms | ${(sync.ms / own.ms).toFixed(1)}× / ${(stream.ms / own.ms).toFixed(1)}×`,
  );
}
