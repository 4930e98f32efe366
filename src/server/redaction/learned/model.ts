/**
 * The learned tagger as the product runs it (ADR 0030): the model file committed beside this
 * module (`model-en.json`, written by `npm run redaction:train`), loaded once from disk with no
 * network, and the combination the portal publishes — the rules' redactions ∪ the model's spans.
 */

import {
  redactNarrative,
  type Redaction,
  type RedactionKind,
  type RedactionOptions,
  type RedactionResult,
} from '../engine.ts';
import { CHICAGO_REDACTION } from '../../domain/profiles/chicago-redaction.ts';
import { featuresOf, tokenize, type TaggerContext } from './features.ts';
import { defaultTagger } from './load-model.ts';
import { emissions, isInside, kindOfTag, tagCount, viterbi } from './tagger.ts';

/** The recognizer id of spans only the learned tagger found (docs/redaction.md, ADR 0030). */
export const LEARNED_RECOGNIZER = 'learned-tagger';

export const MODEL_FORMAT = 'oversight-redaction-tagger';
export const MODEL_VERSION = 1;

/** The committed model file: everything needed to tag, and how it was made. */
export interface LearnedModelFile {
  format: typeof MODEL_FORMAT;
  version: number;
  language: 'en';
  /** What it was trained on: the hash of the labels and the narrative texts' hashes. */
  trainingData: { sha256: string; narratives: number; spans: number };
  parameters: Record<string, number | string>;
  kinds: RedactionKind[];
  /** Per kind, added to its tags' scores: the decision threshold, chosen on training folds only (ADR 0030). */
  bias: number[];
  /** (T + 1) × T scores of tag t after tag p, row 0 the start; T = 1 + 2 × kinds. */
  transitions: number[];
  /** Feature → its non-zero weights as [tag, weight, tag, weight, …]. */
  features: Record<string, number[]>;
}

/** A span the tagger found: UTF-16 offsets, end exclusive. */
export interface TaggedSpan {
  start: number;
  end: number;
  kind: RedactionKind;
}

/** A loaded model: feature index and dense weights, ready to tag. */
export class LearnedTagger {
  readonly kinds: readonly RedactionKind[];
  readonly bias: readonly number[];
  private readonly T: number;
  private readonly index = new Map<string, number>();
  private readonly weights: Float64Array;
  private readonly transitions: Float64Array;

  constructor(
    file: Pick<LearnedModelFile, 'kinds' | 'transitions' | 'features'> & { bias?: number[] },
    bias?: readonly number[],
  ) {
    this.kinds = file.kinds;
    this.bias = bias ?? file.bias ?? [];
    this.T = tagCount(file.kinds.length);
    const names = Object.keys(file.features);
    this.weights = new Float64Array(names.length * this.T);
    names.forEach((name, i) => {
      this.index.set(name, i);
      const pairs = file.features[name] ?? [];
      for (let j = 0; j + 1 < pairs.length; j += 2) {
        this.weights[i * this.T + (pairs[j] as number)] = pairs[j + 1] as number;
      }
    });
    this.transitions = Float64Array.from(file.transitions);
  }

  /** The spans of the text the model tags, with the decision biases `bias` (default: the model's). */
  tag(
    text: string,
    context: TaggerContext = {},
    bias: readonly number[] = this.bias,
  ): TaggedSpan[] {
    const tokens = tokenize(text);
    const feats = featuresOf(text, tokens, context).map((names) => {
      const ids: number[] = [];
      for (const name of names) {
        const id = this.index.get(name);
        if (id !== undefined) ids.push(id);
      }
      return ids;
    });
    const tags = viterbi(
      emissions(feats, this.weights, this.T, bias),
      this.transitions,
      this.T,
      tokens.length,
    );
    return spansOfTags(tags, tokens, this.kinds);
  }
}

/** Consecutive B/I tokens of one kind become one span from the first token's start to the last's end. */
export function spansOfTags(
  tags: ArrayLike<number>,
  tokens: ReadonlyArray<{ start: number; end: number }>,
  kinds: readonly RedactionKind[],
): TaggedSpan[] {
  const out: TaggedSpan[] = [];
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i] as number;
    if (tag === 0) continue;
    const kind = kinds[kindOfTag(tag)] as RedactionKind;
    const last = out.at(-1);
    if (isInside(tag) && last !== undefined && last.kind === kind && i > 0 && tags[i - 1] !== 0) {
      last.end = (tokens[i] as { end: number }).end;
    } else {
      out.push({
        start: (tokens[i] as { start: number }).start,
        end: (tokens[i] as { end: number }).end,
        kind,
      });
    }
  }
  return out;
}

// What the public reads in place of a span only the model found (redaction.ts writes the same
// for its own spans).
const MODEL_REPLACEMENT: Record<RedactionKind, string> = {
  person_name: '[name]',
  phone: '[phone]',
  email: '[email]',
  street_address: '[address]',
  date_of_birth: '[date of birth]',
  licence_plate: '[plate]',
  shelter_location: '[shelter location]',
};

/**
 * Rules ∪ model: every rule redaction as the rules made it (kind, label), and the parts of the
 * model's spans no rule covers, as the model's kind — so a character either engine redacts stays
 * redacted, and a part with no letter or digit left ("." after a name) is not a redaction.
 */
export function unionSpans(
  rules: readonly Redaction[],
  model: readonly TaggedSpan[],
  text: string,
): Array<TaggedSpan & { replacement: string }> {
  const out: Array<TaggedSpan & { replacement: string }> = rules.map((r) => ({
    start: r.start,
    end: r.end,
    kind: r.kind,
    replacement: r.replacement,
  }));
  const ordered = [...rules].sort((a, b) => a.start - b.start);
  for (const m of model) {
    let cursor = m.start;
    const pieces: Array<[number, number]> = [];
    for (const r of ordered) {
      if (r.end <= cursor || r.start >= m.end) continue;
      if (r.start > cursor) pieces.push([cursor, r.start]);
      cursor = Math.max(cursor, r.end);
    }
    if (cursor < m.end) pieces.push([cursor, m.end]);
    for (const [start, end] of pieces) {
      if (/[\p{L}\p{N}]/u.test(text.slice(start, end))) {
        out.push({ start, end, kind: m.kind, replacement: MODEL_REPLACEMENT[m.kind] });
      }
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Redaction as rules ∪ model: the machine's proposal the portal and the reviewer start from (publish.ts). */
export function redactNarrativeCombined(
  text: string,
  options: RedactionOptions = {},
  tagger: LearnedTagger = defaultTagger(),
): RedactionResult {
  const rules = redactNarrative(text, options).redactions;
  const model = tagger.tag(text, {
    nameLexicon: options.nameLexicon,
    recordNames: options.recordNames,
  });
  let result = '';
  let cursor = 0;
  const redactions: Redaction[] = [];
  // a rule's span keeps its recognizer; a piece only the model found is the tagger's
  const byRule = new Map(rules.map((r) => [`${r.start}:${r.end}`, r.recognizer]));
  for (const s of unionSpans(rules, model, text)) {
    result += text.slice(cursor, s.start) + s.replacement;
    cursor = s.end;
    redactions.push({
      ...s,
      recognizer: byRule.get(`${s.start}:${s.end}`) ?? LEARNED_RECOGNIZER,
      basis: CHICAGO_REDACTION.basis[s.kind].en,
      basisEs: CHICAGO_REDACTION.basis[s.kind].es,
    });
  }
  result += text.slice(cursor);
  return { text: result, redactions };
}
