/**
 * `npm run redaction:cv`: grouped k-fold cross-validation of the learned tagger, the rules and
 * rules ∪ model (docs/redaction.md "Cross-validated quality"). Prints the table and writes it
 * into that section. REDACTION_CV_K and REDACTION_CV_EPOCHS override k and the epochs.
 */

import {
  DEFAULT_PARAMETERS,
  crossValidate,
  cvTable,
  learnedKinds,
  loadLabelledCorpus,
  prepare,
} from './redaction-learned.ts';

const k = Number(process.env.REDACTION_CV_K ?? 5);
const epochs = Number(process.env.REDACTION_CV_EPOCHS ?? DEFAULT_PARAMETERS.epochs);
const corpus = loadLabelledCorpus();
const prepared = prepare(corpus.items, learnedKinds(corpus.items));
const result = crossValidate(prepared, k, { ...DEFAULT_PARAMETERS, epochs }, (line) => console.log(line));
const table = cvTable(result);
console.log(table);
console.log(`median ${result.medianMs.toFixed(3)} ms per narrative (model alone); biases per fold ${result.biases.map((b) => b.join(' ')).join('; ')}`);
