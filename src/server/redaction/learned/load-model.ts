/**
 * Reads the committed model (`model.json`, English and Spanish, written by
 * `npm run redaction:train`) once, at start or on first use, with no network. The one file of the
 * redaction module that reads the disk: the model is data the module ships (eslint.config.js
 * names this file as the exception).
 */
import fs from 'node:fs';
import path from 'node:path';
import { REDACTION_KINDS } from '../engine.ts';
import { LearnedTagger, MODEL_FORMAT, MODEL_VERSION, type LearnedModelFile } from './model.ts';

export const DEFAULT_MODEL_PATH = path.join(import.meta.dirname, 'model.json');

let loaded: LearnedTagger | undefined;

/** The committed model, read from disk once (at start or on first use). */
export function defaultTagger(): LearnedTagger {
  if (loaded === undefined) {
    const file = JSON.parse(fs.readFileSync(DEFAULT_MODEL_PATH, 'utf8')) as LearnedModelFile;
    if (file.format !== MODEL_FORMAT || file.version !== MODEL_VERSION) {
      throw new Error(`${DEFAULT_MODEL_PATH}: not a version ${MODEL_VERSION} redaction model`);
    }
    if (file.kinds.some((k) => !REDACTION_KINDS.includes(k))) {
      throw new Error(`${DEFAULT_MODEL_PATH}: unknown kinds`);
    }
    loaded = new LearnedTagger(file);
  }
  return loaded;
}
