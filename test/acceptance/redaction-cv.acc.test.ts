import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PARAMETERS,
  cvTable,
  runCrossValidation,
} from '../../scripts/redaction-learned.ts';
import type { KindScore } from '../redaction-score.ts';

// Grouped k-fold cross-validation of the learned tagger, the rules and rules ∪ model (ADR 0030,
// docs/redaction.md "Cross-validated quality"), on the real narratives of ../shared/data/chicago.
// By default a short run (k = 5, 3 epochs: a few minutes on two cores); REDACTION_CV_FULL=1 runs
// the documented one (20 epochs). Targets not reached are not asserted (docs/redaction.md reports
// them): the floors are the figures reached, so a change that loses recall or precision fails.
const FULL = process.env.REDACTION_CV_FULL === '1';

// [recall, precision] per kind and language. The short run's figures (3 epochs) and the full
// run's (docs/redaction.md), each rounded down to 0.01. English: the FOIA narratives; Spanish:
// the constructed set (few spans: its floors are loose where its intervals are wide).
type Floors = Record<
  'en' | 'es',
  Record<string, { model: [number, number]; combined: [number, number] }>
>;
const SHORT: Floors = {
  en: {
    person_name: { model: [0.85, 0.93], combined: [0.91, 0.87] },
    street_address: { model: [0.77, 0.96], combined: [0.98, 0.92] },
    phone: { model: [0.84, 0.89], combined: [0.99, 0.84] },
  },
  es: {
    person_name: { model: [0.81, 0.91], combined: [0.85, 0.69] },
    street_address: { model: [0.72, 0.95], combined: [0.84, 0.95] },
    phone: { model: [0.95, 0.99], combined: [0.98, 0.99] },
  },
};
// the full run must also keep the targets it meets (issue 17): English addresses and phones,
// rules ∪ model recall ≥ 0.98 with precision ≥ 0.85, names precision ≥ 0.85
const FULL_RUN: Floors = {
  en: {
    person_name: { model: [0.9, 0.93], combined: [0.94, 0.88] },
    street_address: { model: [0.86, 0.95], combined: [0.99, 0.9] },
    phone: { model: [0.86, 0.91], combined: [0.99, 0.87] },
  },
  es: {
    person_name: { model: [0.89, 0.91], combined: [0.92, 0.75] },
    street_address: { model: [0.88, 0.95], combined: [0.89, 0.95] },
    phone: { model: [0.98, 0.99], combined: [0.99, 0.99] },
  },
};
const FLOORS = FULL ? FULL_RUN : SHORT;

describe('cross-validated redaction quality', () => {
  it(
    'meets the recall and precision floors per kind and language, model alone and rules ∪ model',
    () => {
      const { result } = runCrossValidation(5, FULL ? DEFAULT_PARAMETERS.epochs : 3);
      for (const language of ['en', 'es'] as const) {
        console.log(`${language}:\n${cvTable(result.byLanguage[language])}`);
      }
      console.log(`median ${result.medianMs.toFixed(3)} ms per narrative (model alone)`);
      const of = (scores: KindScore[], kind: string): KindScore => {
        const s = scores.find((x) => x.kind === kind);
        if (s === undefined) throw new Error(`no ${kind}`);
        return s;
      };
      for (const language of ['en', 'es'] as const) {
        const scores = result.byLanguage[language];
        for (const [kind, floor] of Object.entries(FLOORS[language])) {
          const model = of(scores.model, kind);
          const combined = of(scores.combined, kind);
          const name = `${language} ${kind}`;
          expect(model.recall, `${name} model recall`).toBeGreaterThanOrEqual(floor.model[0]);
          expect(model.precision, `${name} model precision`).toBeGreaterThanOrEqual(floor.model[1]);
          expect(combined.recall, `${name} combined recall`).toBeGreaterThanOrEqual(
            floor.combined[0],
          );
          expect(combined.precision, `${name} combined precision`).toBeGreaterThanOrEqual(
            floor.combined[1],
          );
        }
      }
    },
    20 * 60_000,
  );
});
