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
// the documented one (10 epochs). Targets not reached are not asserted (names: the combination's
// recall and precision; every kind: the model's recall ≥ 0.95): docs/redaction.md reports them.
const FULL = process.env.REDACTION_CV_FULL === '1';

// [recall, precision] per kind. The short run's figures (3 epochs) and the full run's (10 epochs,
// docs/redaction.md), each rounded down to 0.01; the full run must also keep the targets
// it met: rules ∪ model recall ≥ 0.98 with precision ≥ 0.85 for addresses and phones.
type Floors = Record<string, { model: [number, number]; combined: [number, number] }>;
const SHORT: Floors = {
  person_name: { model: [0.84, 0.91], combined: [0.96, 0.76] },
  street_address: { model: [0.85, 0.94], combined: [0.98, 0.9] },
  phone: { model: [0.85, 0.92], combined: [0.99, 0.84] },
};
const FULL_RUN: Floors = {
  person_name: { model: [0.89, 0.91], combined: [0.97, 0.76] },
  street_address: { model: [0.87, 0.95], combined: [0.99, 0.91] },
  phone: { model: [0.88, 0.94], combined: [0.99, 0.89] },
};
const FLOORS = FULL ? FULL_RUN : SHORT;

describe('cross-validated redaction quality', () => {
  it(
    'meets the recall and precision floors per kind, model alone and rules ∪ model',
    () => {
      const { result } = runCrossValidation(5, FULL ? DEFAULT_PARAMETERS.epochs : 3);
      console.log(cvTable(result));
      console.log(`median ${result.medianMs.toFixed(3)} ms per narrative (model alone)`);
      const of = (scores: KindScore[], kind: string): KindScore => {
        const s = scores.find((x) => x.kind === kind);
        if (s === undefined) throw new Error(`no ${kind}`);
        return s;
      };
      for (const [kind, floor] of Object.entries(FLOORS)) {
        const model = of(result.model, kind);
        const combined = of(result.combined, kind);
        expect(model.recall, `${kind} model recall`).toBeGreaterThanOrEqual(floor.model[0]);
        expect(model.precision, `${kind} model precision`).toBeGreaterThanOrEqual(floor.model[1]);
        expect(combined.recall, `${kind} combined recall`).toBeGreaterThanOrEqual(
          floor.combined[0],
        );
        expect(combined.precision, `${kind} combined precision`).toBeGreaterThanOrEqual(
          floor.combined[1],
        );
      }
    },
    15 * 60_000,
  );
});
