import crypto from 'node:crypto';
import path from 'node:path';
import {
  nameLexiconOf,
  recordedFullName,
  type NameLexicon,
} from '../src/server/redaction/names.ts';
import { openCsvFile } from '../src/server/importers/read-csv.ts';

/** The Chicago data, kept outside the repository (`../shared/data/chicago`, see its README). */
export const CHICAGO_DATA = path.resolve(import.meta.dirname, '../../shared/data/chicago');

/** The narrative columns the labelled sample draws from (docs/redaction.md "The sample"). */
export const NARRATIVE_SOURCES = [
  {
    file: 'complaints-complaints-cms_2019-2022_2022-09_p031093.csv.gz',
    column: 'final_finding_narrative',
    test: 150,
    dev: 45,
    holdout: 60,
    holdout2: 40,
    holdout2Step: 3,
    holdout3: 45,
    holdout4: 60,
    holdout5: 60,
    dev2: 60,
    holdout6: 60,
    holdout7: 60,
    holdout8: 60,
    holdout9: 60,
    holdout10: 60,
    holdout11: 60,
    holdout12: 60,
    holdout13: 60,
    holdout14: 60,
    holdout15: 60,
    holdout16: 60,
    holdout17: 60,
    holdout18: 60,
    holdout19: 60,
    holdout20: 60,
    holdout21: 60,
    holdout22: 60,
    holdout23: 60,
    holdout24: 60,
    holdout25: 60,
    holdout26: 60,
    holdout27: 60,
    holdout28: 60,
    holdout29: 60,
    holdout30: 60,
    holdout31: 60,
    holdout32: 60,
    holdout33: 60,
    holdout34: 60,
    holdout35: 60,
  },
  {
    file: 'complaints-complaints-clear_2000-2022_2022-09.csv.gz',
    column: 'narrative',
    test: 50,
    dev: 15,
    holdout: 20,
    holdout2: 10,
    holdout2Step: 4,
    holdout3: 15,
    holdout4: 15,
    holdout5: 15,
    dev2: 15,
    holdout6: 15,
    holdout7: 15,
    holdout8: 15,
    holdout9: 15,
    holdout10: 15,
    holdout11: 15,
    holdout12: 15,
    holdout13: 15,
    holdout14: 15,
    holdout15: 15,
    holdout16: 15,
    holdout17: 15,
    holdout18: 15,
    holdout19: 15,
    holdout20: 15,
    holdout21: 15,
    holdout22: 15,
    holdout23: 15,
    holdout24: 15,
    holdout25: 15,
    holdout26: 15,
    holdout27: 15,
    holdout28: 15,
    holdout29: 15,
    holdout30: 15,
    holdout31: 15,
    holdout32: 15,
    holdout33: 15,
    holdout34: 15,
    holdout35: 15,
  },
] as const;

/**
 * `dev`: the engine was written against it. `test`: the 200 narratives of issue 5, measured
 * once before tuning and then tuned on too (docs/redaction.md). `holdout`: labelled after the
 * engine was frozen and measured once; a few fixes followed. `holdout2`: labelled after those
 * fixes, never used to change the engine. `holdout3`: labelled before the second round of engine
 * work, measured once before it and once after, never used to change the engine. `dev2`: labelled
 * by the third round of engine work and used to change it. `holdout4` and `holdout5`: labelled
 * by people who did not change the engine, before the third round, and never read by it.
 * `holdout6` and `holdout7`: labelled the same way after the third round, to measure the frozen
 * engine of that round with holdout4 and holdout5 (docs/redaction.md). `holdout8` and
 * `holdout9`: labelled the same way before the fourth round, never read by it. `holdout10` to
 * `holdout13`: labelled the same way before the fifth round (case and roster names), to measure
 * it once, never read by it. `holdout14` to `holdout17`: the same, before the sixth round. `holdout18` to `holdout21`:
 * the same, after the last change, to measure the final engine once. `holdout22` to `holdout29`
 * and `digits` (addresses and phones only): the same, before the seventh round, to measure it once.
 * `digits2`: the same, before the eighth round (addresses and phones). `holdout30` to `holdout35`:
 * the same, before the ninth round (names). `rest`: every other CMS narrative with a digit, before
 * the tenth round. `compared`: the CMS narratives with a digit among the 1,000 unlabelled ones the
 * rounds compared their changes on (only the spans where two engines differed were ever read),
 * before the eleventh round. `nodigit`: every CMS narrative without a digit in no other set, before
 * the twelfth round (names: addresses and phone numbers need digits). `clear`: CLEAR narratives
 * between the offsets of every other set, before the thirteenth round (names).
 */
export type SampleSet =
  | 'test'
  | 'dev'
  | 'holdout'
  | 'holdout2'
  | 'holdout3'
  | 'holdout4'
  | 'holdout5'
  | 'dev2'
  | 'holdout6'
  | 'holdout7'
  | 'holdout8'
  | 'holdout9'
  | 'holdout10'
  | 'holdout11'
  | 'holdout12'
  | 'holdout13'
  | 'holdout14'
  | 'holdout15'
  | 'holdout16'
  | 'holdout17'
  | 'holdout18'
  | 'holdout19'
  | 'holdout20'
  | 'holdout21'
  | 'holdout22'
  | 'holdout23'
  | 'holdout24'
  | 'holdout25'
  | 'holdout26'
  | 'holdout27'
  | 'holdout28'
  | 'holdout29'
  | 'holdout30'
  | 'holdout31'
  | 'holdout32'
  | 'holdout33'
  | 'holdout34'
  | 'holdout35'
  | 'digits'
  | 'digits2'
  | 'rest'
  | 'compared'
  | 'nodigit'
  | 'clear';

/**
 * The sets drawn every k narratives, each from its own offset in 32nds of k and its pass: pass 0
 * takes i = 0, 1, … (as many as the set has), pass 1 the same number after those.
 */
const EVERY_K: ReadonlyArray<readonly [EveryKSet, number, (0 | 1)?]> = [
  ['holdout4', 12],
  ['holdout5', 20],
  ['dev2', 28],
  ['holdout6', 14],
  ['holdout7', 26],
  ['holdout8', 30],
  ['holdout9', 1],
  ['holdout10', 3],
  ['holdout11', 5],
  ['holdout12', 7],
  ['holdout13', 9],
  ['holdout14', 11],
  ['holdout15', 13],
  ['holdout16', 15],
  ['holdout17', 17],
  ['holdout18', 19],
  ['holdout19', 21],
  ['holdout20', 23],
  ['holdout21', 25],
  ['holdout22', 1, 1],
  ['holdout23', 3, 1],
  ['holdout24', 5, 1],
  ['holdout25', 7, 1],
  ['holdout26', 9, 1],
  ['holdout27', 11, 1],
  ['holdout28', 13, 1],
  ['holdout29', 15, 1],
  // the ninth round's sets, between the offsets of the others (21, 43 and 63 in 64ths of k)
  ['holdout30', 10.5],
  ['holdout31', 21.5],
  ['holdout32', 31.5],
  ['holdout33', 10.5, 1],
  ['holdout34', 21.5, 1],
  ['holdout35', 31.5, 1],
];

type EveryKSet = Exclude<
  SampleSet,
  | 'test'
  | 'dev'
  | 'holdout'
  | 'holdout2'
  | 'holdout3'
  | 'digits'
  | 'digits2'
  | 'rest'
  | 'compared'
  | 'nodigit'
  | 'clear'
>;

/**
 * The digit sample, for street addresses and phone numbers only (both need digits, and they
 * are rare: about one CMS narrative in twenty has an address, and none of the 395 CLEAR ones
 * labelled before had any). From the CMS file, L[⌊ok/32⌋ + ik] for the odd o from 17 to 31 with
 * i = 60 … 119, and for every odd o with i = 120 … 149 — no narrative of any other set — keeping
 * those that contain a digit.
 */
function digitSamplePositions(k: number): number[] {
  const positions: number[] = [];
  for (let o = 1; o < 32; o += 2) {
    const offset = Math.floor((o * k) / 32);
    for (let i = o >= 17 ? 60 : 120; i < 150; i++) {
      positions.push(i * k + offset);
    }
  }
  return positions.sort((a, b) => a - b);
}

/**
 * The second digit sample (`digits2`), for the eighth round: from the CMS file, L[⌊ok/32⌋ + ik]
 * for o = 12, 14, 20, 26, 28 and 30 with i = 60 … 149 (those offsets' sets stop at 59), and for
 * o = 27, 29 and 31 with i = 0 … 59 (the first digit sample starts at 60), keeping those that
 * contain a digit.
 */
function secondDigitSamplePositions(k: number): number[] {
  const positions: number[] = [];
  for (const o of [12, 14, 20, 26, 28, 30]) {
    for (let i = 60; i < 150; i++) {
      positions.push(i * k + Math.floor((o * k) / 32));
    }
  }
  for (const o of [27, 29, 31]) {
    for (let i = 0; i < 60; i++) {
      positions.push(i * k + Math.floor((o * k) / 32));
    }
  }
  return positions.sort((a, b) => a - b);
}

/** One sampled narrative: where it is, and its text (held in memory only, never written). */
export interface SampledNarrative {
  set: SampleSet;
  file: string;
  column: string;
  crId: string;
  /** 1-based physical line the CSV record starts on. */
  line: number;
  sha256: string;
  text: string;
}

/** SHA-256 of the narrative's UTF-8 bytes: the fixture detects a changed source with it. */
export function narrativeHash(text: string): string {
  return crypto.createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * The documented, reproducible sample: per file, the first record of each `cr_id` whose
 * narrative is not blank, in file order (list L); with k = floor(|L| / test), the test set is
 * L[0], L[k], L[2k], … (`test` of them); with r = floor(test / dev) the dev set is L[⌊k/2⌋],
 * L[rk + ⌊k/2⌋], L[2rk + ⌊k/2⌋], … (`dev` of them); the holdout set is L[⌊k/4⌋],
 * L[2k + ⌊k/4⌋], L[4k + ⌊k/4⌋], … (`holdout` of them); the second holdout set is L[⌊3k/4⌋],
 * L[3k + ⌊3k/4⌋], … (CMS) and L[⌊3k/4⌋], L[4k + ⌊3k/4⌋], … (CLEAR); the third holdout set is
 * L[⌊k/8⌋], L[3k + ⌊k/8⌋], L[6k + ⌊k/8⌋], … (both files); holdout4, holdout5 and dev2 are
 * L[⌊3k/8⌋ + ik], L[⌊5k/8⌋ + ik] and L[⌊7k/8⌋ + ik] for i = 0, 1, 2, …; holdout6 and holdout7
 * are L[⌊7k/16⌋ + ik] and L[⌊13k/16⌋ + ik]; holdout8 and holdout9 are L[⌊15k/16⌋ + ik] and
 * L[⌊k/32⌋ + ik]; holdout10 to holdout13 are L[⌊3k/32⌋ + ik], L[⌊5k/32⌋ + ik], L[⌊7k/32⌋ + ik]
 * and L[⌊9k/32⌋ + ik]; holdout14 to holdout17 are L[⌊11k/32⌋ + ik], L[⌊13k/32⌋ + ik],
 * L[⌊15k/32⌋ + ik] and L[⌊17k/32⌋ + ik]; holdout18 to holdout21 at ⌊19k/32⌋, ⌊21k/32⌋,
 * ⌊23k/32⌋ and ⌊25k/32⌋: all spread over the same years, never shared (the offsets 0, ⌊k/32⌋, ⌊3k/32⌋, ⌊k/8⌋,
 * ⌊5k/32⌋, ⌊7k/32⌋, ⌊k/4⌋, ⌊9k/32⌋, ⌊11k/32⌋, ⌊13k/32⌋, ⌊15k/32⌋, ⌊17k/32⌋, ⌊3k/8⌋, ⌊7k/16⌋, ⌊k/2⌋, ⌊5k/8⌋, ⌊3k/4⌋, ⌊13k/16⌋, ⌊7k/8⌋ and ⌊15k/16⌋ differ for
 * k ≥ 32, and every step is a multiple of k); holdout22 to holdout29 are the second pass of the
 * offsets of holdout9 to holdout16 (i from 60 on in CMS, from 15 on in CLEAR); the digit sample is
 * described at `digitSamplePositions`.
 */
export function loadNarrativeSample(dataDir: string = CHICAGO_DATA): SampledNarrative[] {
  const out: SampledNarrative[] = [];
  for (const source of NARRATIVE_SOURCES) {
    const csv = openCsvFile(path.join(dataDir, source.file));
    if (!csv.ok) {
      throw new Error(`${source.file}: ${csv.reason}`);
    }
    const seen = new Set<string>();
    const list: Array<{ crId: string; line: number; text: string }> = [];
    for (const record of csv.records()) {
      const values = csv.valuesOf(record);
      const crId = values.cr_id ?? '';
      const text = values[source.column] ?? '';
      if (seen.has(crId) || text.trim() === '') {
        continue;
      }
      seen.add(crId);
      list.push({ crId, line: record.line, text });
    }
    const k = Math.floor(list.length / source.test);
    if (k < 32) {
      throw new Error(`${source.file}: too few narratives for the disjoint sets`);
    }
    const add = (set: SampleSet, item: (typeof list)[number]): void => {
      out.push({
        set,
        file: source.file,
        column: source.column,
        ...item,
        sha256: narrativeHash(item.text),
      });
    };
    const pick = (set: SampleSet, step: number, offset: number, count: number, first = 0): void => {
      for (let i = first; i < first + count; i++) {
        const item = list[i * step + offset];
        if (item === undefined) {
          throw new Error(`${source.file}: the sample needs more narratives than the file has`);
        }
        add(set, item);
      }
    };
    pick('test', k, 0, source.test);
    pick('dev', k * Math.floor(source.test / source.dev), Math.floor(k / 2), source.dev);
    pick('holdout', 2 * k, Math.floor(k / 4), source.holdout);
    pick('holdout2', source.holdout2Step * k, Math.floor((3 * k) / 4), source.holdout2);
    pick('holdout3', 3 * k, Math.floor(k / 8), source.holdout3);
    for (const [set, offset, pass = 0] of EVERY_K) {
      pick(set, k, Math.floor((offset * k) / 32), source[set], pass * source[set]);
    }
    if (source.column === 'narrative') {
      // the thirteenth round's sample: L[⌊nk/64⌋ + ik] for the odd n from 1 to 25 but 21 (no other
      // set's offset) and i = 0 … 49
      for (const n of [1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 23, 25]) {
        pick('clear', k, Math.floor((n * k) / 64), source.test);
      }
    }
    if (source.column === 'final_finding_narrative') {
      const samples = [
        ['digits', digitSamplePositions(k)],
        ['digits2', secondDigitSamplePositions(k)],
      ] as const;
      for (const [set, positions] of samples) {
        for (const position of positions) {
          const item = list[position];
          if (item !== undefined && /\d/u.test(item.text)) {
            add(set, item);
          }
        }
      }
      // the tenth round's sample: every CMS narrative with a digit that no other set holds, nor
      // the 1,000 unlabelled narratives the rounds compared their changes on (L[⌊nk/16⌋ + ik] for
      // n = 1, 3, 5, 9, 11)
      const taken = new Set(out.filter((n) => n.file === source.file).map((n) => n.line));
      const compared = new Set<number>();
      for (const n of [1, 3, 5, 9, 11]) {
        for (let i = 0; i < source.test; i++) {
          compared.add(Math.floor((n * k) / 16) + i * k);
        }
      }
      // the eleventh round's sample (`compared`): the CMS narratives with a digit among those
      // 1,000, whose misses no round ever read; the twelfth round's (`nodigit`): every CMS
      // narrative without a digit that no set holds
      const setOf = (item: (typeof list)[number], position: number): SampleSet | undefined => {
        if (taken.has(item.line)) {
          return undefined;
        }
        if (!/\d/u.test(item.text)) {
          return 'nodigit';
        }
        return compared.has(position) ? 'compared' : 'rest';
      };
      for (const set of ['rest', 'compared', 'nodigit'] as const) {
        list.forEach((item, position) => {
          if (setOf(item, position) === set) {
            add(set, item);
          }
        });
      }
    }
  }
  return out;
}

/**
 * The files that name department members and investigators per case: what the import keeps in
 * `members`, `case_members` and `case_investigators`.
 */
const RECORD_NAME_FILES = [
  'complaints-accused-clear_2000-2021_2021-07_profiles.csv.gz',
  'complaints-accused-cms_2019-2022_2022-09_p031093.csv.gz',
  'complaints-CPD-witnesses-clear_2000-2020_2021-07_p21060299.csv.gz',
  'complaints-CPD-witnesses-cms_2019-2022_2022-09_p031093.csv.gz',
  'complaints-investigators-clear_2000-2020_2020-07.csv.gz',
  'complaints-investigators-cms_2019-2022_2022-09_p031093.csv.gz',
] as const;

/**
 * What the portal gives the redaction for an imported case (read-public.ts), read from the files
 * the import reads: the roster's lexicon — identified members (a star or an employee number)
 * and every investigator — and each case's record names (its members and investigators).
 */
export function loadRecordNames(
  crIds: ReadonlySet<string>,
  dataDir: string = CHICAGO_DATA,
): { lexicon: NameLexicon; byCase: Map<string, string[]> } {
  const roster: Array<{ firstName: string; lastName: string; star: string }> = [];
  const byCase = new Map<string, string[]>();
  for (const file of RECORD_NAME_FILES) {
    const csv = openCsvFile(path.join(dataDir, file));
    if (!csv.ok) {
      throw new Error(`${file}: ${csv.reason}`);
    }
    const investigators = file.includes('investigators');
    for (const record of csv.records()) {
      const v = csv.valuesOf(record);
      const firstName = v.first_name?.trim() ?? '';
      const lastName = v.last_name?.trim() ?? '';
      if (investigators || v.star?.trim() || v.employee_number?.trim()) {
        roster.push({ firstName, lastName, star: v.star?.trim() ?? '' });
      }
      const crId = v.cr_id ?? '';
      const full = recordedFullName(firstName, lastName);
      if (full !== null && crIds.has(crId)) {
        byCase.set(crId, [...(byCase.get(crId) ?? []), full]);
      }
    }
  }
  return { lexicon: nameLexiconOf(roster), byCase };
}
