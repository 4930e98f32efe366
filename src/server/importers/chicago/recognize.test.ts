import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvRecords } from '../csv-parse.ts';
import { mapHeader, rowReader } from '../mapping.ts';
import { createCaseResolver } from './case-ids.ts';
import { CHICAGO_KINDS, type FileKind } from './kinds/index.ts';
import { recognizeChicago, type FileHead } from './recognize.ts';

/** The developer samples (../shared/data/chicago/sample): real headers, real first rows. */
const SAMPLES = path.resolve(import.meta.dirname, '../../../../../shared/data/chicago/sample');

/** The kind each sample is, as its README describes it. */
const EXPECTED: Record<string, FileKind> = {
  'complaints-complaints-cms_2019-2022_2022-09_p031093.csv': 'complaints_cms',
  'complaints-accused-cms_2019-2022_2022-09_p031093.csv': 'accused_cms',
  'complaints-complainants-cms_2019-2022_2022-09_p031093.csv': 'complainants',
  'complaints-victims-cms_2019-2022_2022-09_p031093.csv': 'victims',
  'complaints-investigators-cms_2019-2022_2022-09_p031093.csv': 'investigators',
  'complaints-CPD-witnesses-cms_2019-2022_2022-09_p031093.csv': 'cpd_witnesses',
  'complaints-civilian-witnesses-cms_2019-2022_2022-09_p031093.csv': 'civilian_witnesses',
  'complaints-complaints-clear_2000-2022_2022-09.csv': 'complaints_clear',
  'complaints-accused_2000-2018_2018-03.csv': 'accused_clear_findings',
  'complaints-accused-clear_2000-2021_2021-07_profiles.csv': 'accused_clear_profiles',
  'complaints-complainants-clear_2000-2020_2021-07_p21060299.csv': 'complainants',
  'complaints-victims-clear_2000-2019_2021-07_p21060299.csv': 'victims',
  'complaints-investigators-clear_2000-2020_2020-07.csv': 'investigators',
  'complaints-CPD-witnesses-clear_2000-2020_2021-07_p21060299.csv': 'cpd_witnesses',
  'complaints-civilian-witnesses-clear_2000-2020_2021-07_p21060299.csv': 'civilian_witnesses',
};

function head(file: string): FileHead {
  const [header, ...rows] = [...csvRecords(fs.readFileSync(path.join(SAMPLES, file), 'utf8'))]
    .slice(0, 60)
    .map((r) => r.fields);
  return { header: header!, rows };
}

/** A head with some columns removed (by canonical field of `kind`) or renamed. */
function reshaped(
  h: FileHead,
  kind: FileKind,
  change: { drop?: string[]; rename?: Record<string, string> },
): FileHead {
  const mapping = mapHeader(h.header, CHICAGO_KINDS[kind].declaration);
  const dropped = new Set((change.drop ?? []).map((f) => mapping.fieldIndex.get(f)));
  const keep = h.header.map((_, i) => !dropped.has(i));
  return {
    header: h.header.map((name) => change.rename?.[name] ?? name).filter((_, i) => keep[i]),
    rows: h.rows.map((r) => r.filter((_, i) => keep[i])),
  };
}

describe('recognition of the developer files', () => {
  it.each(Object.entries(EXPECTED))('%s is %s, every column mapped exactly', (file, kind) => {
    const r = recognizeChicago(head(file), file);
    expect(r.ok, r.ok ? '' : r.reason).toBe(true);
    if (!r.ok) {
      return;
    }
    expect(r.kind).toBe(kind);
    const mapping = r.scores.find((s) => s.kind === kind)!.mapping;
    expect(mapping.unknown).toEqual([]);
    expect(mapping.ambiguous).toEqual([]);
    expect(r.score).toBe(1);
    // the runner-up explains less, or only columns the chosen kind explains too
    expect(r.runnerUp === null || r.runnerUp.score < 1 || !r.runnerUp.eligible).toBe(true);
  });

  it('a misspelled file name or none at all changes nothing', () => {
    const file = 'complaints-accused-cms_2019-2022_2022-09_p031093.csv';
    for (const name of ['complaints-acused-cms_2019.csv', 'export-2024.csv']) {
      const r = recognizeChicago(head(file), name);
      expect(r.ok && r.kind).toBe('accused_cms');
    }
  });
});

describe('recognition cannot silently mis-classify', () => {
  // every kind's header with its distinguishing columns removed: refused, or (a partial file of
  // the same kind) imported as that kind — never as another kind
  it.each(Object.entries(EXPECTED))('%s without its distinguishing columns', (file, kind) => {
    const decl = CHICAGO_KINDS[kind].declaration;
    const distinguishing = Object.entries(decl.fields)
      .filter(([, f]) => f.distinguishing)
      .map(([name]) => name);
    const h = reshaped(head(file), kind, { drop: distinguishing });
    const r = recognizeChicago(h, file);
    if (r.ok) {
      expect(r.kind).toBe(kind);
      // only a kind whose required columns all remain may still import it
      expect(Object.entries(decl.fields).some(([, f]) => f.distinguishing && f.required)).toBe(
        false,
      );
    } else {
      expect(r.reason).toMatch(/--map/);
    }
  });

  it('a victims file without injuries reads as complainants, and its name refuses that', () => {
    const file = 'complaints-victims-cms_2019-2022_2022-09_p031093.csv';
    const r = recognizeChicago(
      reshaped(head(file), 'victims', { drop: ['injury_condition'] }),
      file,
    );
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toMatch(/reads as complainants .* file name names victims/);
  });

  it('a header of no kind is refused with the closest candidates and how to choose', () => {
    const r = recognizeChicago(
      { header: ['id', 'name', 'value'], rows: [['1', 'a', '2']] },
      'x.csv',
    );
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toMatch(/not a file of the Chicago complaint family.*closest.*--map/);
  });

  it('complaints ids decide the family: CMS-shaped ids never import as CLEAR', () => {
    const file = 'complaints-complaints-cms_2019-2022_2022-09_p031093.csv';
    const r = recognizeChicago(head(file), file, { kind: 'complaints_clear' });
    // a mapping file may force a kind; without it the ids set CLEAR aside
    expect(r.ok && r.kind).toBe('complaints_clear');
    const plain = recognizeChicago(head(file), file);
    const clear = plain.scores.find((s) => s.kind === 'complaints_clear')!;
    expect(clear.setAside).toMatch(/CMS-shaped/);
  });
});

describe('header matching on words', () => {
  const accused = CHICAGO_KINDS.accused_cms.declaration;

  it('ignores case, separators, word order and qualifier words', () => {
    const m = mapHeader(
      [
        'CR ID',
        'Category-Allegation',
        'FINAL FINDING',
        'recommendedFinding',
        'First Name',
        'last_name',
      ],
      accused,
    );
    expect(m.missingRequired).toEqual([]);
    expect(m.columns.map((c) => [c.field, c.level])).toEqual([
      ['cr_id', 'exact'],
      ['allegation_category', 'reordered'],
      ['final_finding', 'exact'],
      ['recommended_finding', 'exact'],
      ['first_name', 'exact'],
      ['last_name', 'exact'],
    ]);
  });

  it('breaks a declared tie (a bare penalty is the final one) and says so', () => {
    const m = mapHeader(['cr_id', 'penalty'], accused);
    const penalty = m.columns[1]!;
    expect(penalty.field).toBe('final_penalty');
    expect(penalty.level).toBe('tie');
    expect(penalty.note).toMatch(/bare penalty is the final one/);
    // beside a recommended penalty, only the final one is left for it
    const beside = mapHeader(['cr_id', 'recommended_penalty', 'penalty'], accused);
    expect(beside.columns[2]).toMatchObject({ field: 'final_penalty', level: 'qualifier' });
  });

  it('leaves two headers fitting one field unmapped as ambiguous, never guessing', () => {
    const m = mapHeader(['cr_id', 'log_no'], accused);
    expect(m.fieldIndex.has('cr_id')).toBe(false);
    expect(m.ambiguous[0]).toMatch(/cr_id and log_no all fit cr_id/);
  });

  it('reads a duplicated .1 column where the first copy is blank', () => {
    const m = mapHeader(['cr_id', 'final_finding', 'final_finding.1'], accused);
    expect(m.columns[2]).toMatchObject({ field: 'final_finding', level: 'duplicate' });
    const read = rowReader(m);
    expect(read(['2019-0000001', '', 'Sustained'])['final_finding']).toBe('Sustained');
    expect(read(['2019-0000001', 'Unfounded', 'Sustained'])['final_finding']).toBe('Unfounded');
  });

  it('maps a column the way a mapping file says, and ignores one it sets to null', () => {
    const m = mapHeader(['log', 'junk', 'cr_id'], accused, {
      columns: { log: 'cr_id', cr_id: null },
    });
    expect(m.fieldIndex.get('cr_id')).toBe(0);
    expect(m.unknown).toEqual(['junk']);
  });
});

describe('child ids joined by normalized id', () => {
  it('matches exactly, then by number (and year when both sides have one)', () => {
    const resolve = createCaseResolver(new Set(['258959', '2019-0000075', '2020-0000075']));
    expect(resolve('258959')).toEqual({ log: '258959', reshaped: false });
    expect(resolve('2000-0258959')).toEqual({ log: '258959', reshaped: true });
    expect(resolve('258959.0')).toEqual({ log: '258959', reshaped: true });
    expect(resolve('2019-75')).toEqual({ log: '2019-0000075', reshaped: true });
    // a plain 75 fits two years' cases: it joins none
    expect(resolve('75')).toBeNull();
    expect(resolve('2021-0000075')).toBeNull();
    expect(resolve('abc')).toBeNull();
  });
});
