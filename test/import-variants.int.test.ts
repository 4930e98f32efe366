import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/server/db/client.ts';
import { inspectChicago } from '../src/server/importers/chicago/inspect.ts';
import { loadMapFile, MapFileError } from '../src/server/importers/chicago/recognize.ts';
import { csvRecords } from '../src/server/importers/csv-parse.ts';
import { caseStats } from '../src/server/repositories/stats.repository.ts';
import { importedRows } from './imported-rows.ts';
import { seeded, writeVariant } from './import-variants.ts';
import { TEST_JURISDICTION, testDb } from './test-db.ts';
import { importForTest } from './test-import.ts';

/**
 * Generalization: variants of the developer sample files (test/import-variants.ts) import to the
 * same cases, allegations, findings, members, parties and investigators as the files themselves,
 * compared row by row (everything but the verbatim source, whose column names differ). A few
 * variants per run with a fixed seed; IMPORT_VARIANTS=n and IMPORT_VARIANT_SEED=s run more.
 */
const SAMPLES = path.resolve(import.meta.dirname, '../../shared/data/chicago/sample');
const VARIANTS = Number(process.env.IMPORT_VARIANTS ?? 2);
const SEED = Number(process.env.IMPORT_VARIANT_SEED ?? 16);
const LONG = 10 * 60_000;

let tmp: string;
let original: Record<string, string[]>;

async function importInto(
  inputs: string[],
  opts: Parameters<typeof importForTest>[3] = {},
): Promise<{
  db: Db;
  close: () => Promise<void>;
  result: Awaited<ReturnType<typeof importForTest>>;
}> {
  const { db, close } = await testDb();
  const result = await importForTest(db, inputs, path.join(tmp, 'reports'), opts);
  return { db, close, result };
}

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ovs-variants-'));
  const { db, close } = await importInto([SAMPLES]);
  original = await importedRows(db, { verbatim: false });
  await close();
}, LONG);

afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('generated variants of the developer files', () => {
  for (let n = 0; n < VARIANTS; n++) {
    it(
      `variant ${n + 1} (seed ${SEED + n}) imports the same rows`,
      async () => {
        const dir = path.join(tmp, `variant-${n}`);
        const log = writeVariant(SAMPLES, dir, seeded(SEED + n));
        const { db, close, result } = await importInto([dir]);
        try {
          const what = JSON.stringify(log, null, 1);
          for (const f of result.files) {
            expect(f.error, `${f.file}: ${f.error}\n${what}`).toBeUndefined();
          }
          // the variant is really different: renamed, reshaped, misnamed files among them
          expect(log.some((l) => l.changes.some((c) => c.includes('→')))).toBe(true);
          const rows = await importedRows(db, { verbatim: false });
          for (const table of Object.keys(original)) {
            expect(rows[table], `${table}\n${what}`).toEqual(original[table]);
          }
          expect(original['cases']!.length).toBe(350);
        } finally {
          await close();
        }
      },
      LONG,
    );
  }
});

/** A sample file with columns removed and renamed, written as `name` into the temporary folder. */
function rewrite(
  file: string,
  name: string,
  change: { drop?: string[]; rename?: Record<string, string>; ids?: (id: string) => string },
): string {
  const [header, ...rows] = [...csvRecords(fs.readFileSync(path.join(SAMPLES, file), 'utf8'))].map(
    (r) => r.fields,
  );
  const keep = header!.map((h) => !(change.drop ?? []).includes(h));
  const id = header!.indexOf('cr_id');
  const quote = (v: string): string => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = [
    header!.filter((_, i) => keep[i]).map((h) => change.rename?.[h] ?? h),
    ...rows.map((r) =>
      r.map((v, i) => (i === id && change.ids ? change.ids(v) : v)).filter((_, i) => keep[i]),
    ),
  ].map((r) => r.map(quote).join(','));
  const out = path.join(tmp, name);
  fs.writeFileSync(out, `${lines.join('\n')}\n`);
  return out;
}

const CMS = 'cms_2019-2022_2022-09_p031093.csv';
const count = async (db: Db, table: string): Promise<number> =>
  (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n;

describe('refusals: a clear message naming the file and what to do, nothing written for it', () => {
  it('a victims file without its injury column is not imported as complainants', async () => {
    const victims = rewrite(`complaints-victims-${CMS}`, `complaints-victims-${CMS}`, {
      drop: ['injury_condition'],
    });
    const { db, close, result } = await importInto([
      path.join(SAMPLES, `complaints-complaints-${CMS}`),
      victims,
    ]);
    try {
      const f = result.files.find((x) => x.file.includes('victims'))!;
      expect(f.error).toMatch(/reads as complainants .* file name names victims.*--map/);
      expect(f.rejected).toBe(f.read);
      expect(await count(db, 'parties')).toBe(0);
    } finally {
      await close();
    }
  });

  it('a release whose ids join nothing', async () => {
    const { db, close, result } = await importInto([
      path.join(SAMPLES, `complaints-complaints-${CMS}`),
      rewrite(`complaints-victims-${CMS}`, 'victims-other-release.csv', {
        ids: (id) => id.replace(/^2/, '1'),
      }),
    ]);
    try {
      const f = result.files[1]!;
      expect(f.error).toMatch(/none of its \d+ rows names a case.*complaints file/);
      expect(f.read).toBe(f.inserted + f.updated + f.unchanged + f.rejected);
      expect(await count(db, 'parties')).toBe(0);
      const runs = await db.query<{ file_name: string }>(`SELECT file_name FROM import_runs`);
      expect(runs.map((r) => r.file_name)).not.toContain('victims-other-release.csv');
    } finally {
      await close();
    }
  });

  it('two files of the same kind for one release: the second is refused', async () => {
    const { db, close, result } = await importInto([
      path.join(SAMPLES, `complaints-complaints-${CMS}`),
      path.join(SAMPLES, `complaints-victims-${CMS}`),
      // the same release's victims once more, its gender column named sex
      rewrite(`complaints-victims-${CMS}`, `complaints-victims-${CMS}-copy.csv`, {
        rename: { gender: 'sex' },
      }),
    ]);
    try {
      const [first, second] = result.files.filter((x) => x.kind === 'victims');
      expect(first!.error).toBeUndefined();
      expect(second!.error).toMatch(/a second victims \(demographics\) file for the CMS release/);
      expect(await count(db, 'parties')).toBe(first!.inserted);
    } finally {
      await close();
    }
  });

  it('a mapping file naming an unknown kind or field is refused before anything is read', () => {
    const write = (content: unknown): string => {
      const p = path.join(tmp, `map-${Math.random().toString(36).slice(2)}.json`);
      fs.writeFileSync(p, JSON.stringify(content));
      return p;
    };
    expect(() => loadMapFile(write({ 'a.csv': { kind: 'officers' } }))).toThrow(
      /a\.csv: unknown kind "officers" \(known: complaints_cms/,
    );
    expect(() =>
      loadMapFile(write({ 'a.csv': { kind: 'victims', columns: { hurt: 'injury_level' } } })),
    ).toThrow(
      /a\.csv: column "hurt" is mapped to unknown field "injury_level" \(fields of victims: /,
    );
    expect(() => loadMapFile(write({ 'a.csv': { kinds: 'victims' } }))).toThrow(MapFileError);
  });

  it('--map makes a refused file import: an unknown id column mapped to cr_id', async () => {
    const file = rewrite(`complaints-victims-${CMS}`, 'victims-renamed.csv', {
      rename: { cr_id: 'complaint_reference' },
    });
    const complaints = path.join(SAMPLES, `complaints-complaints-${CMS}`);
    const refused = await importInto([complaints, file]);
    expect(refused.result.files[1]!.error).toMatch(/lacks cr_id/);
    await refused.close();
    const mapFile = path.join(tmp, 'map.json');
    fs.writeFileSync(
      mapFile,
      JSON.stringify({ 'victims-renamed.csv': { columns: { complaint_reference: 'cr_id' } } }),
    );
    const { db, close, result } = await importInto([complaints, file], {
      map: loadMapFile(mapFile),
    });
    try {
      expect(result.files[1]!.error).toBeUndefined();
      expect(result.files[1]!.kind).toBe('victims');
      expect(await count(db, 'parties')).toBeGreaterThan(0);
    } finally {
      await close();
    }
  });
});

describe('partial files', () => {
  it('a complaints file without status, case type, categories or narrative imports its cases; the accused file fills the categories', async () => {
    const partial = rewrite(`complaints-complaints-${CMS}`, 'complaints-partial.csv', {
      drop: [
        'current_status',
        'case_type',
        'allegation_category',
        'complaint_code',
        'final_finding_narrative',
      ],
    });
    const { db, close, result } = await importInto([
      partial,
      path.join(SAMPLES, `complaints-accused-${CMS}`),
    ]);
    try {
      const [complaints, accused] = result.files;
      expect(complaints!.error).toBeUndefined();
      expect(complaints!.rejected).toBe(0);
      // rows that differed only in their allegation code are now exact duplicates
      expect(complaints!.inserted + complaints!.unchanged).toBe(200);
      expect(complaints!.notes.join()).toMatch(
        /cases without a status \(stage from the closing date\)/,
      );
      expect(accused!.error).toBeUndefined();
      const cases = await db.query<{
        status: string;
        source_status: string | null;
        closed_on: string | null;
        narrative: string;
      }>(`SELECT status, source_status, closed_on::text AS closed_on, narrative FROM cases`);
      expect(cases).toHaveLength(151);
      for (const c of cases) {
        expect(c.source_status).toBeNull();
        expect(c.status).toBe(c.closed_on ? 'final' : 'investigation');
        expect(c.narrative).toBe('');
      }
      // the categories come from the allegations, and so does the restriction
      const sexual = await db.query<{ restricted: boolean; categories: string[] }>(
        `SELECT DISTINCT c.restricted, c.categories FROM cases c JOIN allegations a ON a.case_id = c.id
          WHERE a.category = 'sexual_misconduct'`,
      );
      expect(sexual.length).toBeGreaterThan(0);
      for (const c of sexual) {
        expect(c.restricted).toBe(true);
        expect(c.categories).toContain('sexual_misconduct');
      }
      const without = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM cases c
          WHERE cardinality(c.categories) = 0
            AND EXISTS (SELECT 1 FROM allegations a WHERE a.case_id = c.id)`,
      );
      expect(without[0]!.n).toBe(0);
    } finally {
      await close();
    }
  });
});

describe('releases', () => {
  it('a newer release writing ids in another shape updates the cases both hold, adds its new ones and deletes none', async () => {
    const file = `complaints-complaints-${CMS}`;
    const [header, ...rows] = [
      ...csvRecords(fs.readFileSync(path.join(SAMPLES, file), 'utf8')),
    ].map((r) => r.fields);
    const id = header!.indexOf('cr_id');
    const narrative = header!.indexOf('final_finding_narrative');
    const logs = [...new Set(rows.map((r) => r[id]!))];
    const [dropped, changed] = [logs[0]!, logs[1]!];
    const newer = rows
      .filter((r) => r[id] !== dropped)
      .map((r) => {
        const out = [...r];
        if (r[id] === changed) {
          out[narrative] = `${r[narrative]} (amended)`;
        }
        // the newer release drops the zero padding: 2020-0002188 → 2020-2188
        out[id] = r[id]!.replace(/-0+(?=\d)/, '-');
        return out;
      });
    const added = [...rows[0]!];
    added[id] = '2022-0999999';
    const quote = (v: string): string => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
    const newerFile = path.join(tmp, 'complaints-complaints-cms-newer.csv');
    fs.writeFileSync(
      newerFile,
      `${[header!, ...newer, added].map((r) => r.map(quote).join(',')).join('\n')}\n`,
    );
    const { db, close } = await importInto([path.join(SAMPLES, file)]);
    try {
      const before = await count(db, 'cases');
      const result = await importForTest(db, [newerFile], path.join(tmp, 'reports'));
      const f = result.files[0]!;
      expect(f.error).toBeUndefined();
      expect(f.rejected).toBe(0);
      expect(f.notes.join()).toMatch(/rows name their case in another shape .*joined by number/);
      // one new case, none duplicated, none deleted; the statistics count the union
      expect(await count(db, 'cases')).toBe(before + 1);
      expect((await caseStats(db, TEST_JURISDICTION, new Date(), 'America/Chicago')).total).toBe(
        before + 1,
      );
      const shapes = await db.query<{ log_number: string }>(
        `SELECT log_number FROM cases WHERE log_number !~ '^\\d{4}-\\d{7}$'`,
      );
      expect(shapes).toEqual([]);
      const kept = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM cases WHERE log_number = $1`,
        [dropped],
      );
      expect(kept[0]!.n).toBe(1);
      const amended = await db.query<{ narrative: string }>(
        `SELECT narrative FROM cases WHERE log_number = $1`,
        [changed],
      );
      expect(amended[0]!.narrative).toMatch(/\(amended\)$/);
      expect(f.updated).toBeGreaterThan(0);
      // the source history: which file added each case, which changed what
      const history = await db.query<{
        log_number: string;
        change: string;
        fields: string[];
        file_name: string;
      }>(
        `SELECT c.log_number, s.change, s.fields, r.file_name
           FROM case_source_changes s JOIN cases c ON c.id = s.case_id
           JOIN import_runs r ON r.id = s.import_run_id
          WHERE c.log_number = ANY($1) ORDER BY s.changed_at, r.file_name`,
        [[dropped, changed, '2022-0999999']],
      );
      const of = (log: string) => history.filter((h) => h.log_number === log);
      expect(of(dropped).map((h) => h.change)).toEqual(['added']);
      expect(of('2022-0999999')).toEqual([
        expect.objectContaining({
          change: 'added',
          file_name: 'complaints-complaints-cms-newer.csv',
        }),
      ]);
      const update = of(changed).find((h) => h.change === 'updated')!;
      expect(update.file_name).toBe('complaints-complaints-cms-newer.csv');
      expect(update.fields).toEqual(['narrative', 'source']);
    } finally {
      await close();
    }
  });
});

describe('a second import of unchanged files', () => {
  it('is recognised per file and not read again; --force reads it; a changed case file makes its children read again', async () => {
    const { db, close } = await importInto([SAMPLES]);
    try {
      const audit = async (): Promise<number> => count(db, 'audit_events');
      const events = await audit();
      const second = await importForTest(db, [SAMPLES], path.join(tmp, 'reports'));
      for (const f of second.files) {
        expect(f.skipped, f.file).toBe(true);
        expect(f.unchanged, f.file).toBe(f.read);
        expect(f.read, f.file).toBeGreaterThan(0);
      }
      // nothing was written, not even a run or an audit event
      expect(await audit()).toBe(events);
      const forced = await importForTest(db, [SAMPLES], path.join(tmp, 'reports'), { force: true });
      for (const f of forced.files) {
        expect(f.skipped, f.file).toBeUndefined();
        expect(f.inserted + f.updated, f.file).toBe(0);
      }
      // a complaints file that adds cases: the files hanging off cases are read again
      const more = rewrite(`complaints-complaints-${CMS}`, `complaints-complaints-${CMS}`, {
        ids: (id) => (id.endsWith('1') ? id.replace(/^2019/, '2018') : id),
      });
      const third = await importForTest(
        db,
        [more, path.join(SAMPLES, `complaints-victims-${CMS}`)],
        path.join(tmp, 'reports'),
      );
      expect(third.files[0]!.inserted).toBeGreaterThan(0);
      expect(third.files[1]!.skipped).toBeUndefined();
    } finally {
      await close();
    }
  });
});

describe('a status carried by another file of the release', () => {
  it('fills the cases a complaints file without statuses left unknown', async () => {
    const complaints = rewrite(`complaints-complaints-${CMS}`, 'complaints-no-status.csv', {
      drop: ['current_status'],
    });
    // the release's victims file carries each case's status instead
    const file = `complaints-complaints-${CMS}`;
    const [header, ...rows] = [
      ...csvRecords(fs.readFileSync(path.join(SAMPLES, file), 'utf8')),
    ].map((r) => r.fields);
    const statusOf = new Map(
      rows.map((r) => [r[header!.indexOf('cr_id')]!, r[header!.indexOf('current_status')]!]),
    );
    const [vh, ...vrows] = [
      ...csvRecords(fs.readFileSync(path.join(SAMPLES, `complaints-victims-${CMS}`), 'utf8')),
    ].map((r) => r.fields);
    const quote = (v: string): string => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
    const victims = path.join(tmp, `complaints-victims-${CMS}`);
    fs.writeFileSync(
      victims,
      `${[
        [...vh!, 'Case Status'],
        ...vrows.map((r) => [...r, statusOf.get(r[vh!.indexOf('cr_id')]!) ?? '']),
      ]
        .map((r) => r.map(quote).join(','))
        .join('\n')}\n`,
    );
    const { db, close, result } = await importInto([complaints, victims]);
    try {
      expect(result.files.map((f) => f.error)).toEqual([undefined, undefined]);
      expect(result.files[1]!.statusesFilled).toBeGreaterThan(100);
      const cases = await db.query<{ log_number: string; source_status: string | null }>(
        `SELECT log_number, source_status FROM cases`,
      );
      const victimsCases = new Set(vrows.map((r) => r[vh!.indexOf('cr_id')]!));
      for (const c of cases) {
        if (victimsCases.has(c.log_number)) {
          expect(c.source_status, c.log_number).toBe(statusOf.get(c.log_number));
        }
      }
      const history = await db.query<{ fields: string[] }>(
        `SELECT fields FROM case_source_changes WHERE change = 'updated'`,
      );
      expect(history.length).toBe(result.files[1]!.statusesFilled);
      expect(history[0]!.fields).toEqual(['status', 'source_status']);
    } finally {
      await close();
    }
  });
});

describe('inspect', () => {
  it('names the right kind for every developer sample file, writing nothing', () => {
    const reports = inspectChicago({ inputs: [SAMPLES], known: [] });
    expect(reports).toHaveLength(15);
    for (const r of reports) {
      expect(r.kind, `${r.file}: ${r.refusal}`).not.toBeNull();
      expect(r.file.includes(r.kind!.split('_')[0]!.replace('cpd', 'CPD'))).toBe(true);
      expect(r.unknown).toEqual([]);
      if (r.joined) {
        // every sample row joins a case of the complaints samples (README: Samples)
        expect(r.joined.none, r.file).toBe(0);
      }
    }
  });
});
