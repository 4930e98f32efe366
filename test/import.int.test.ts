import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/server/db/client.ts';
import type { ImportResult } from '../src/server/importers/chicago/import-chicago.ts';
import { verifyAuditChain } from '../src/server/audit/audit.ts';
import { TEST_JURISDICTION, testDb } from './test-db.ts';
import { CHICAGO_SAMPLES, expectStatsOfScript, importForTest } from './test-import.ts';
import { searchCopyMismatches } from './search-copy.ts';

const SAMPLES = CHICAGO_SAMPLES;
const CLEAR_COMPLAINTS = path.join(SAMPLES, 'complaints-complaints-clear_2000-2022_2022-09.csv');

let db: Db;
let close: () => Promise<void>;
let tmp: string;

const run = (inputs: string[], dryRun = false): Promise<ImportResult> =>
  importForTest(db, inputs, path.join(tmp, 'reports'), { dryRun });

const count = async (table: string): Promise<number> =>
  (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n;

beforeAll(async () => {
  ({ db, close } = await testDb());
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ovs-import-'));
});
afterAll(async () => close());

describe('import chicago (the 200-row samples)', () => {
  it('a dry run reports what it would do and writes nothing', async () => {
    const result = await run([SAMPLES], true);
    expect(result.dryRun).toBe(true);
    expect(result.files.find((f) => f.kind === 'complaints_cms')?.inserted).toBe(200);
    expect(await count('cases')).toBe(0);
    expect(await count('audit_events')).toBe(0);
  });

  it('imports every file with read = inserted + updated + unchanged + rejected', async () => {
    const result = await run([SAMPLES]);
    expect(result.files).toHaveLength(15);
    for (const f of result.files) {
      expect(f.error, f.file).toBeUndefined();
      expect(f.read, f.file).toBe(f.inserted + f.updated + f.unchanged + f.rejected);
      expect(f.rejected, f.file).toBe(0);
    }
    expect(await count('cases')).toBe(350);
    // one audit event per file, and the chain holds
    const audit = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_events WHERE action = 'import.file'`,
    );
    expect(audit[0]!.n).toBe(15);
    expect((await verifyAuditChain(db, TEST_JURISDICTION)).ok).toBe(true);
  });

  it('keeps source values verbatim beside the mapped ones', async () => {
    const rows = await db.query<{
      log_number: string;
      status: string;
      source_status: string;
      historical_agency: string;
      lead_agency: string;
      source: Record<string, string>;
    }>(
      `SELECT log_number, status, source_status, historical_agency, lead_agency, source FROM cases WHERE source_family = 'clear' AND historical_agency = 'IPRA' LIMIT 1`,
    );
    const c = rows[0]!;
    expect(c.log_number).toMatch(/^\d{6,7}$/);
    expect(c.lead_agency).toBe('COPA');
    expect(c.source['current_status']).toBe(c.source_status);
    expect(c.source['investigating_agency']).toBe('IPRA');
    const modern = await db.query<{ log_number: string }>(
      `SELECT log_number FROM cases WHERE source_family = 'cms' LIMIT 1`,
    );
    expect(modern[0]!.log_number).toMatch(/^\d{4}-\d{7}$/);
  });

  it('a second run of the same files changes nothing', async () => {
    const before = await count('allegations');
    const result = await run([SAMPLES]);
    for (const f of result.files) {
      expect(f.inserted + f.updated, f.file).toBe(0);
      expect(f.unchanged, f.file).toBe(f.read);
    }
    expect(await count('allegations')).toBe(before);
  });

  it('a newer release updates what it covers and removes rows it no longer lists', async () => {
    const file = path.join(SAMPLES, 'complaints-victims-cms_2019-2022_2022-09_p031093.csv');
    const [head, ...rows] = fs.readFileSync(file, 'utf8').trimEnd().split('\n');
    // a case with two victims who carry data: the newer release lists only the first
    const withData = rows.filter((r) =>
      r
        .split(',')
        .slice(2)
        .some((v) => v !== ''),
    );
    const counts = new Map<string, number>();
    withData.forEach((r) => counts.set(r.split(',')[1]!, (counts.get(r.split(',')[1]!) ?? 0) + 1));
    const log = [...counts].find(([, n]) => n >= 2)![0];
    const dropped = withData.filter((r) => r.split(',')[1] === log)[1]!;
    const newer = path.join(tmp, 'complaints-victims-cms-newer.csv');
    fs.writeFileSync(newer, [head, ...rows.filter((r) => r !== dropped)].join('\n') + '\n');
    const before = await count('parties');
    const result = await run([newer]);
    expect(result.files[0]!.removed).toBe(1);
    expect(await count('parties')).toBe(before - 1);
    // and the original release brings it back
    const again = await run([file]);
    expect(again.files[0]!.inserted).toBe(1);
    expect(await count('parties')).toBe(before);
  });

  it("a newer release that changes a case's lead agency keeps cases.agencies equal to its case_agencies", async () => {
    // the import writes lead-agency rows with the cache's triggers deferred and recomputes the
    // cache itself (migration 0022, ADR 0032): a moved lead must still reach cases.agencies
    const records: string[][] = parse(fs.readFileSync(CLEAR_COMPLAINTS, 'utf8'));
    const header = records[0]!;
    const agencyAt = header.indexOf('investigating_agency');
    const moved = records.find((r, i) => i > 0 && r[agencyAt] === 'BIA')![header.indexOf('cr_id')]!;
    const newer = path.join(tmp, 'complaints-complaints-clear-newer.csv');
    fs.writeFileSync(
      newer,
      stringify(
        records.map((r, i) =>
          i > 0 && r[header.indexOf('cr_id')] === moved
            ? r.map((v, j) => (j === agencyAt ? 'IPRA' : v))
            : r,
        ),
      ),
    );
    const agencies = async (): Promise<Array<{ cached: string[]; rows: string[] }>> =>
      db.query(
        `SELECT c.agencies AS cached,
                COALESCE((SELECT array_agg(DISTINCT ca.agency ORDER BY ca.agency)
                            FROM case_agencies ca WHERE ca.case_id = c.id), '{}') AS rows
           FROM cases c WHERE c.log_number = $1`,
        [moved],
      );
    expect(await agencies()).toEqual([{ cached: ['BIA'], rows: ['BIA'] }]);
    const result = await run([newer]);
    expect(result.files[0]!.updated).toBeGreaterThan(0);
    expect(await agencies()).toEqual([{ cached: ['COPA'], rows: ['COPA'] }]);
    const stale = await db.query(
      `SELECT c.log_number FROM cases c
        WHERE c.agencies IS DISTINCT FROM COALESCE((SELECT array_agg(DISTINCT ca.agency ORDER BY ca.agency)
                                                      FROM case_agencies ca WHERE ca.case_id = c.id), '{}')`,
    );
    expect(stale).toEqual([]);
    // and the release as it was moves it back
    await run([CLEAR_COMPLAINTS]);
    expect(await agencies()).toEqual([{ cached: ['BIA'], rows: ['BIA'] }]);
  });

  it('moves the log-number counter past imported CMS numbers', async () => {
    const max = await db.query<{ m: number }>(
      `SELECT max(substr(log_number, 6)::int) AS m FROM cases WHERE log_number LIKE '2022-%'`,
    );
    const counter = await db.query<{ last_seq: number }>(
      `SELECT last_seq FROM log_number_counters WHERE year = 2022`,
    );
    expect(counter[0]!.last_seq).toBe(max[0]!.m);
  });

  it('computes the same statistics as an independent script over the CSV files', async () => {
    await expectStatsOfScript(db, SAMPLES);
  });

  it('indexes narratives for full-text search in English and Spanish', async () => {
    const rows = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM case_search WHERE search @@ (websearch_to_tsquery('english', 'arrested') || websearch_to_tsquery('spanish', 'arrested'))`,
    );
    expect(rows[0]!.n).toBeGreaterThan(0);
    // the search copy of migration 0035 follows every imported insert and update
    expect(await searchCopyMismatches(db)).toEqual([]);
  });
});

describe('import chicago: bad input', () => {
  const header = fs.readFileSync(CLEAR_COMPLAINTS, 'utf8').split('\n')[0]!;
  const lines = fs.readFileSync(CLEAR_COMPLAINTS, 'utf8').split('\n');
  const write = (name: string, content: string | Buffer): string => {
    const p = path.join(tmp, name);
    fs.writeFileSync(p, content);
    return p;
  };
  const freshDb = async (): Promise<void> => {
    await close();
    ({ db, close } = await testDb());
  };

  it('rejects only a row with an impossible date, naming file, line and column', async () => {
    await freshDb();
    const idx = header.split(',').indexOf('complaint_date');
    const bad = lines
      .map((l, i) =>
        i === 5
          ? l
              .split(',')
              .map((v, j) => (j === idx ? '2099-13-45' : v))
              .join(',')
          : l,
      )
      .join('\n');
    const result = await run([write('dates.csv', bad)]);
    const f = result.files[0]!;
    expect(f.rejected).toBe(1);
    expect(f.read).toBe(f.inserted + f.updated + f.unchanged + f.rejected);
    const report = fs.readFileSync(result.reportPath!, 'utf8');
    expect(report).toContain(
      'dates.csv,6,complaint_date,"""2099-13-45"" is not a valid date (YYYY-MM-DD)"',
    );
  });

  it('rejects only a row with a byte that is not UTF-8', async () => {
    await freshDb();
    const buf = Buffer.concat([
      Buffer.from(lines.slice(0, 3).join('\n') + '\n'),
      Buffer.from([0xff, 0xfe]),
      Buffer.from(lines.slice(3).join('\n')),
    ]);
    const result = await run([write('encoding.csv', buf)]);
    const f = result.files[0]!;
    expect(f.rejected).toBe(1);
    expect(fs.readFileSync(result.reportPath!, 'utf8')).toMatch(
      /encoding\.csv,4,\w+,contains a byte sequence that is not UTF-8/,
    );
    expect(await count('cases')).toBe(f.inserted > 0 ? await count('cases') : 0);
  });

  it('keeps what a truncated gzip holds and says the end is lost', async () => {
    await freshDb();
    const gz = zlib.gzipSync(fs.readFileSync(CLEAR_COMPLAINTS));
    const result = await run([
      write('truncated.csv.gz', gz.subarray(0, Math.floor(gz.length * 0.6))),
    ]);
    const f = result.files[0]!;
    expect(f.error).toBeUndefined();
    expect(f.inserted).toBeGreaterThan(50);
    expect(f.rejected).toBe(1);
    expect(fs.readFileSync(result.reportPath!, 'utf8')).toContain('gzip stream is truncated');
  });

  it('refuses a file whose quote never closes, names the line, and writes nothing of it', async () => {
    await freshDb();
    const broken = [...lines.slice(0, 10), lines[10]!.replace(',', ',"'), ...lines.slice(11)].join(
      '\n',
    );
    const result = await run([write('quote.csv', broken)]);
    expect(result.files[0]!.error).toMatch(/line 11/);
    expect(await count('cases')).toBe(0);
    expect(await count('import_runs')).toBe(0);
  });

  it('refuses empty, header-only and foreign files clearly', async () => {
    await freshDb();
    const result = await run([
      write('empty.csv', ''),
      write('header-only.csv', `${header}\n`),
      write('other.csv', 'id,name,value\n1,a,2\n'),
    ]);
    const byName = Object.fromEntries(result.files.map((f) => [f.file, f]));
    expect(byName['empty.csv']!.error).toMatch(/empty/);
    expect(byName['header-only.csv']!.error).toBeUndefined();
    expect(byName['header-only.csv']!.read).toBe(0);
    expect(byName['other.csv']!.error).toMatch(/not a file of the Chicago complaint family/);
    expect(byName['other.csv']!.rejected).toBe(1);
    expect(await count('cases')).toBe(0);
  });

  it('reports unknown columns without failing, and tolerates missing optional ones', async () => {
    await freshDb();
    const cols = header.split(',');
    const drop = cols.indexOf('narrative');
    const reshaped = lines
      .filter((l) => l.trim() !== '')
      .slice(0, 20)
      .map((l, i) => {
        const parts = parseLine(l);
        parts.splice(drop, 1);
        return [...parts, i === 0 ? 'new_column' : 'x']
          .map((v) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v))
          .join(',');
      })
      .join('\n');
    const result = await run([write('reshaped.csv', reshaped)]);
    const f = result.files[0]!;
    expect(f.error).toBeUndefined();
    expect(f.unknownColumns).toEqual(['new_column']);
    expect(f.inserted).toBeGreaterThan(0);
  });

  it('rejects child rows whose case is in no imported complaints file', async () => {
    await freshDb();
    const result = await run([
      path.join(SAMPLES, 'complaints-victims-cms_2019-2022_2022-09_p031093.csv'),
    ]);
    const f = result.files[0]!;
    expect(f.inserted).toBe(0);
    expect(f.rejected).toBeGreaterThan(0);
    expect(f.read).toBe(f.unchanged + f.rejected);
    expect(fs.readFileSync(result.reportPath!, 'utf8')).toContain(
      'not in any imported complaints file',
    );
  });
});

describe('import chicago: the first import of a kind', () => {
  it('writes by COPY, and falls back to the merge when its keys exist after all', async () => {
    // on a server, a first import of a kind COPYs its rows straight into the tables (ADR 0032);
    // rows whose keys another run wrote (here: runs that no longer say they wrote any) are merged
    // and counted as before (the embedded database merges every file; same counts there)
    const { db: fresh, close: closeFresh } = await testDb();
    try {
      const files = [
        path.join(SAMPLES, 'complaints-complaints-cms_2019-2022_2022-09_p031093.csv'),
        path.join(SAMPLES, 'complaints-victims-cms_2019-2022_2022-09_p031093.csv'),
      ];
      const reports = fs.mkdtempSync(path.join(os.tmpdir(), 'ovs-import-fresh-'));
      const first = await importForTest(fresh, files, reports);
      const counts = (r: ImportResult): number[][] =>
        r.files.map((f) => [f.read, f.inserted, f.updated, f.unchanged, f.rejected]);
      expect(counts(first)).toEqual([
        [200, 200, 0, 0, 0],
        [158, 111, 0, 47, 0],
      ]);
      await fresh.query(`UPDATE import_runs SET inserted = 0, updated = 0`);
      const again = await importForTest(fresh, files, reports, { force: true });
      expect(counts(again)).toEqual([
        [200, 0, 0, 200, 0],
        [158, 0, 0, 158, 0],
      ]);
      const n = await fresh.query<{ cases: number; parties: number; agencies: number }>(
        `SELECT (SELECT count(*) FROM cases)::int AS cases, (SELECT count(*) FROM parties)::int AS parties,
                (SELECT count(*) FROM case_agencies)::int AS agencies`,
      );
      expect(n).toEqual([{ cases: 151, parties: 111, agencies: 151 }]);
    } finally {
      await closeFresh();
    }
  });
});

/** Minimal CSV line split for the sample rows used above (no embedded newlines). */
function parseLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        cur += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      out.push(cur);
      cur = '';
    } else {
      cur += c;
    }
  }
  out.push(cur);
  return out;
}
