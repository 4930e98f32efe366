import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { redactNarrative } from '../../src/server/redaction/engine.ts';
import { loadNarrativeSample, loadRecordNames, type SampleSet } from '../redaction-corpus.ts';
import { scoreRedactions, scoreTable, type KindSpan } from '../redaction-score.ts';

interface LabelledNarrative {
  set: SampleSet;
  file: string;
  crId: string;
  column: string;
  line: number;
  sha256: string;
  spans: KindSpan[];
  /** the kinds labelled in this narrative's set; absent: every kind */
  kinds?: readonly string[];
}

// `redaction-labels.json` holds the first five sets; each later set has its own file
// (`redaction-labels-<set>.json`), written by whoever labelled it.
const FIXTURES = path.join(import.meta.dirname, '../fixtures');
const fixture = {
  narratives: fs
    .readdirSync(FIXTURES)
    .filter((name) => /^redaction-labels(-[a-z0-9]+)?\.json$/.test(name))
    .sort()
    .flatMap((name) => {
      const file = JSON.parse(fs.readFileSync(path.join(FIXTURES, name), 'utf8')) as {
        kinds?: string[];
        narratives: LabelledNarrative[];
      };
      // the digit sample labels street addresses and phone numbers only
      return file.narratives.map((n) => (file.kinds ? { ...n, kinds: file.kinds } : n));
    }),
};

// Reads the real narratives from ../shared/data/chicago (never copied into the repository),
// pairs them with the hand labels and measures the engine (docs/redaction.md).
describe('redaction quality on real narratives', () => {
  const sample = loadNarrativeSample();
  const key = (n: { file: string; line: number }): string => `${n.file}:${n.line}`;
  const texts = new Map(sample.map((n) => [key(n), n]));

  it('labels exactly the documented sample, and the sources have not changed', () => {
    expect(new Set(fixture.narratives.map(key)).size).toBe(fixture.narratives.length);
    expect(fixture.narratives.length).toBe(sample.length);
    for (const labelled of fixture.narratives) {
      const source = texts.get(key(labelled));
      expect(source, `${labelled.file} line ${labelled.line}`).toBeDefined();
      expect(source?.crId).toBe(labelled.crId);
      expect(source?.set).toBe(labelled.set);
      expect(source?.sha256, `narrative of ${labelled.crId} changed`).toBe(labelled.sha256);
      for (const span of labelled.spans) {
        expect(span.end).toBeGreaterThan(span.start);
        expect(span.end).toBeLessThanOrEqual(source?.text.length ?? 0);
      }
    }
  });

  // As the portal runs it on an imported case: with the case's record names and the roster's
  // lexicon (read-public.ts), from the same files the import reads.
  const records = loadRecordNames(new Set(fixture.narratives.map((n) => n.crId)));
  const scoreSet = (sets: readonly SampleSet[], asPortal = false) =>
    scoreRedactions(
      fixture.narratives
        .filter((n) => sets.includes(n.set))
        .map((n) => {
          const text = texts.get(key(n))?.text ?? '';
          const options = asPortal
            ? { nameLexicon: records.lexicon, recordNames: records.byCase.get(n.crId) ?? [] }
            : {};
          const predicted = redactNarrative(text, options).redactions.filter(
            (r) => n.kinds === undefined || n.kinds.includes(r.kind),
          );
          return { text, gold: n.spans, predicted };
        }),
    );
  const ROUND7: readonly SampleSet[] = [
    'holdout22',
    'holdout23',
    'holdout24',
    'holdout25',
    'holdout26',
    'holdout27',
    'holdout28',
    'holdout29',
  ];
  const ROUND9: readonly SampleSet[] = [
    'holdout30',
    'holdout31',
    'holdout32',
    'holdout33',
    'holdout34',
    'holdout35',
  ];
  const SETS: ReadonlyArray<readonly [string, readonly SampleSet[]]> = [
    ['test', ['test']],
    ['dev', ['dev']],
    ['holdout', ['holdout']],
    ['holdout2', ['holdout2']],
    ['holdout3', ['holdout3']],
    ['dev2', ['dev2']],
    ['holdout4', ['holdout4']],
    ['holdout5', ['holdout5']],
    ['holdout6', ['holdout6']],
    ['holdout7', ['holdout7']],
    ['holdout8', ['holdout8']],
    ['holdout9', ['holdout9']],
    ['holdout10', ['holdout10']],
    ['holdout11', ['holdout11']],
    ['holdout12', ['holdout12']],
    ['holdout13', ['holdout13']],
    ['holdout10-13 pooled', ['holdout10', 'holdout11', 'holdout12', 'holdout13']],
    ['holdout14', ['holdout14']],
    ['holdout15', ['holdout15']],
    ['holdout16', ['holdout16']],
    ['holdout17', ['holdout17']],
    ['holdout14-17 pooled', ['holdout14', 'holdout15', 'holdout16', 'holdout17']],
    ['holdout18', ['holdout18']],
    ['holdout19', ['holdout19']],
    ['holdout20', ['holdout20']],
    ['holdout21', ['holdout21']],
    ['holdout18-21 pooled', ['holdout18', 'holdout19', 'holdout20', 'holdout21']],
    ['holdout22', ['holdout22']],
    ['holdout23', ['holdout23']],
    ['holdout24', ['holdout24']],
    ['holdout25', ['holdout25']],
    ['holdout26', ['holdout26']],
    ['holdout27', ['holdout27']],
    ['holdout28', ['holdout28']],
    ['holdout29', ['holdout29']],
    ['holdout22-29 pooled', ROUND7],
    ['digits (addresses and phones only)', ['digits']],
    ['holdout22-29 and digits pooled (addresses and phones)', [...ROUND7, 'digits']],
    ['digits2 (addresses and phones only)', ['digits2']],
    ['holdout30', ['holdout30']],
    ['holdout31', ['holdout31']],
    ['holdout32', ['holdout32']],
    ['holdout33', ['holdout33']],
    ['holdout34', ['holdout34']],
    ['holdout35', ['holdout35']],
    ['holdout30-35 pooled', ROUND9],
    ['rest (CMS narratives with a digit)', ['rest']],
    ['compared (CMS narratives with a digit among the 1,000 compared on)', ['compared']],
    ['nodigit (CMS narratives without a digit)', ['nodigit']],
    ['clear (CLEAR narratives from unused offsets)', ['clear']],
  ];

  // PRODUCT.md / issue 5 target: recall >= 0.95 for names, phone numbers and street addresses.
  // The test set (tuned on) now meets it: names 0.983 (169/172), phones 4/4, addresses 17/17.
  // The sets never used to change the engine say less: the third holdout set had names at 0.933
  // (28/30) before the third round, whose rules were then written from the misses of every set
  // labelled so far (dev2 included); holdout4 and holdout5, labelled by others and never read by
  // that round, measure it, with holdout6 and holdout7 labelled after it: names 0.884 pooled
  // (236/267), below the target. The fourth round read their misses (0.974 on them after it,
  // a tuned figure); holdout8 and holdout9, labelled by others, measure it: names 0.894
  // (93/104), as with the round 3 engine — below the target (docs/redaction.md). The fifth
  // round added the names the records hold (ADR 0020): holdout10-13, measured once, 0.926
  // (339/366) as the portal runs it; the sixth, knowledge-driven rules: holdout14-17, 0.932
  // (220/236). Both below the target. The final engine, frozen before holdout18-21 were
  // labelled: 0.969 (247/255) on them; 0.941 (806/857) over the 900 narratives each measured
  // before it was read.
  // Rounds 7-10 measured four more never-read samples, each once (docs/redaction.md): the final
  // engine on `rest` has names 0.943 (525/557), addresses 0.918 (45/49), phones 18/18; over the
  // 2,206 narratives, each by its round, names 0.953, addresses 0.904, phones 0.928. Rounds 11-13
  // measured `compared` (names 0.933, addresses 0.920, phones 14/15), `nodigit` (names 0.938) and
  // `clear` (names 0.975); over rounds 7-13, names 0.947 (2,241/2,366), addresses 0.909, phones
  // 0.929.
  // The floors are the measured test-set figures: they stop the engine from getting worse.
  const TARGET = 0.95;
  const FLOORS = { person_name: 0.98, phone: 1, street_address: 1 } as const;

  it('keeps recall of names, phone numbers and street addresses at or above the measured floors', () => {
    for (const [name, sets] of SETS) {
      const count = fixture.narratives.filter((n) => sets.includes(n.set)).length;
      console.log(
        `redaction, ${name} (${count} narratives), engine alone:\n${scoreTable(scoreSet(sets))}`,
      );
      console.log(
        `redaction, ${name} (${count} narratives), as the portal runs it:\n${scoreTable(scoreSet(sets, true))}`,
      );
    }
    const scores = scoreSet(['test']);
    const portal = scoreSet(['test'], true);
    for (const kind of ['person_name', 'phone', 'street_address'] as const) {
      // the record names and the roster only add redactions: never fewer found than alone
      expect(portal.find((s) => s.kind === kind)?.found ?? 0).toBeGreaterThanOrEqual(
        scores.find((s) => s.kind === kind)?.found ?? 0,
      );
    }
    for (const kind of ['person_name', 'phone', 'street_address'] as const) {
      const score = scores.find((s) => s.kind === kind);
      const recall = score?.recall ?? 0;
      console.log(
        `${kind}: recall ${recall.toFixed(3)} — target ${TARGET} ${recall >= TARGET ? 'met' : 'NOT met'}`,
      );
      expect(score?.gold, `${kind} labels`).toBeGreaterThan(0);
      expect(recall, `${kind} recall`).toBeGreaterThanOrEqual(FLOORS[kind]);
      // met on the test set for all three kinds: asserted, so a regression below it fails
      expect(recall, `${kind} recall against the target`).toBeGreaterThanOrEqual(TARGET);
    }
  });
});
