/**
 * `npm run redaction:train`: trains the learned redaction tagger on every labelled narrative and
 * writes src/server/redaction/learned/model.json (ADR 0030). Reproducible: the same labels,
 * texts and parameters give the same file (a seeded shuffle, no clock). The decision biases are
 * chosen on an inner split of the training narratives, as in cross-validation.
 */

import fs from 'node:fs';
import { DEFAULT_MODEL_PATH } from '../src/server/redaction/learned/load-model.ts';
import {
  DEFAULT_PARAMETERS,
  chooseDecision,
  learnedKinds,
  loadLabelledCorpus,
  modelFile,
  prepare,
  trainOn,
} from './redaction-learned.ts';

const corpus = loadLabelledCorpus();
const prepared = prepare(corpus.items, learnedKinds(corpus.items));
const decision = chooseDecision(prepared, prepared.items, DEFAULT_PARAMETERS);
const trained = trainOn(prepared, prepared.items, DEFAULT_PARAMETERS);
const file = modelFile(corpus, trained, decision, DEFAULT_PARAMETERS);
fs.writeFileSync(DEFAULT_MODEL_PATH, `${JSON.stringify(file)}\n`);
console.log(
  `${DEFAULT_MODEL_PATH}: ${Object.keys(file.features).length} features, ${(fs.statSync(DEFAULT_MODEL_PATH).size / 1e6).toFixed(2)} MB, ` +
    `biases ${decision.bias.join(' ')}, confirmation threshold ${decision.confirmThreshold}, training data sha256 ${corpus.sha256}`,
);
