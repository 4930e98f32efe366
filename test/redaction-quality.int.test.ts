import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { redactNarrative } from '../src/server/domain/redaction.ts';
import { loadNarrativeSample, type SampleSet } from './redaction-corpus.ts';
import { scoreRedactions, scoreTable, type KindSpan } from './redaction-score.ts';

interface LabelledNarrative {
  set: SampleSet;
  file: string;
  crId: string;
  column: string;
  line: number;
  sha256: string;
  spans: KindSpan[];
}

const fixture = JSON.parse(
  fs.readFileSync(path.join(import.meta.dirname, 'fixtures/redaction-labels.json'), 'utf8'),
) as { narratives: LabelledNarrative[] };

// Reads the real narratives from ../shared/data/chicago (never copied into the repository),
// pairs them with the hand labels and measures the engine (docs/redaction.md).
describe('redaction quality on real narratives', () => {
  const sample = loadNarrativeSample();
  const key = (n: { file: string; line: number }): string => `${n.file}:${n.line}`;
  const texts = new Map(sample.map((n) => [key(n), n]));

  it('labels exactly the documented sample, and the sources have not changed', () => {
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

  const scoreSet = (set: SampleSet) =>
    scoreRedactions(
      fixture.narratives
        .filter((n) => n.set === set)
        .map((n) => {
          const text = texts.get(key(n))?.text ?? '';
          return { text, gold: n.spans, predicted: redactNarrative(text).redactions };
        }),
    );

  // PRODUCT.md / issue 5 target: recall >= 0.95 for names, phone numbers and street addresses.
  // The test set does not reach it for names (0.948) and addresses (0.765, 13 of 17; the four
  // misses are in two incoherent narratives), nor do the holdout sets for names (0.947, 0.944)
  // — docs/redaction.md. These floors are the measured figures: they stop the engine from
  // getting worse and are raised when it gets better.
  const TARGET = 0.95;
  const FLOORS = { person_name: 0.94, phone: 0.95, street_address: 0.75 } as const;

  it('keeps recall of names, phone numbers and street addresses at or above the measured floors', () => {
    const scores = scoreSet('test');
    console.log(`redaction, test set (200 narratives):\n${scoreTable(scores)}`);
    console.log(`redaction, dev set (60 narratives):\n${scoreTable(scoreSet('dev'))}`);
    console.log(`redaction, holdout set (80 narratives):\n${scoreTable(scoreSet('holdout'))}`);
    console.log(`redaction, holdout2 set (50 narratives):\n${scoreTable(scoreSet('holdout2'))}`);
    console.log(`redaction, holdout3 set (60 narratives):\n${scoreTable(scoreSet('holdout3'))}`);
    for (const kind of ['person_name', 'phone', 'street_address'] as const) {
      const score = scores.find((s) => s.kind === kind);
      const recall = score?.recall ?? 0;
      console.log(
        `${kind}: recall ${recall.toFixed(3)} — target ${TARGET} ${recall >= TARGET ? 'met' : 'NOT met'}`,
      );
      expect(score?.gold, `${kind} labels`).toBeGreaterThan(0);
      expect(recall, `${kind} recall`).toBeGreaterThanOrEqual(FLOORS[kind]);
    }
  });
});
