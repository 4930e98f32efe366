/**
 * The learned tagger as the product runs it (ADR 0030): the model file committed beside this
 * module (`model.json`, written by `npm run redaction:train`), loaded once from disk with no
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
import { usualReplacement } from '../kinds.ts';
import { MODEL_CONFIRMED } from '../registry.ts';
import { featuresOf, tokenize, type Token, type TaggerContext } from './features.ts';
import { defaultTagger } from './load-model.ts';
import { emissions, isInside, kindOfTag, maxMarginals, tagCount, viterbi } from './tagger.ts';

/** The recognizer id of spans only the learned tagger found (docs/redaction.md, ADR 0030). */
export const LEARNED_RECOGNIZER = 'learned-tagger';

export const MODEL_FORMAT = 'oversight-redaction-tagger';
export const MODEL_VERSION = 2;

/** The committed model file: everything needed to tag, and how it was made. */
export interface LearnedModelFile {
  format: typeof MODEL_FORMAT;
  version: number;
  /** The languages of the labelled narratives it was trained on. */
  languages: string[];
  /** What it was trained on: the hash of the labels and the narrative texts' hashes. */
  trainingData: { sha256: string; narratives: number; spans: number };
  parameters: Record<string, number | string>;
  kinds: RedactionKind[];
  /** Per kind, added to its tags' scores: the decision threshold, chosen on training folds only (ADR 0030). */
  bias: number[];
  /**
   * The least support (`Reading.support`) a span of a `confirmedByModel` recognizer needs to stand
   * in rules ∪ model, chosen on training folds only (ADR 0030); null: every such span stands.
   */
  confirmThreshold: number | null;
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

/** What the model makes of one text: the spans it tags, and its support for any other span. */
export interface Reading {
  spans: TaggedSpan[];
  /**
   * How firmly the model holds [start, end) to be of `kind`: over the span's tokens, the least
   * difference between the best-scoring tag sequence with the token in that kind and the best
   * with it outside every span (positive: the model would rather tag it; 0 without a token).
   */
  support(start: number, end: number, kind: RedactionKind): number;
}

/** A loaded model: feature index and dense weights, ready to tag. */
export class LearnedTagger {
  readonly kinds: readonly RedactionKind[];
  readonly bias: readonly number[];
  readonly confirmThreshold: number | null;
  private readonly T: number;
  private readonly index = new Map<string, number>();
  private readonly weights: Float64Array;
  private readonly transitions: Float64Array;

  constructor(
    file: Pick<LearnedModelFile, 'kinds' | 'transitions' | 'features'> &
      Partial<Pick<LearnedModelFile, 'bias' | 'confirmThreshold'>>,
    bias?: readonly number[],
    confirmThreshold?: number | null,
  ) {
    this.kinds = file.kinds;
    this.bias = bias ?? file.bias ?? [];
    this.confirmThreshold =
      confirmThreshold === undefined ? (file.confirmThreshold ?? null) : confirmThreshold;
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
    return this.read(text, context, bias).spans;
  }

  /** The spans the model tags and its support for others (max-marginals, computed when asked). */
  read(text: string, context: TaggerContext = {}, bias: readonly number[] = this.bias): Reading {
    const tokens = tokenize(text);
    const feats = featuresOf(text, tokens, context).map((names) => {
      const ids: number[] = [];
      for (const name of names) {
        const id = this.index.get(name);
        if (id !== undefined) ids.push(id);
      }
      return ids;
    });
    const emit = emissions(feats, this.weights, this.T, bias);
    const tags = viterbi(emit, this.transitions, this.T, tokens.length);
    let marginals: Float64Array | undefined;
    return {
      spans: spansOfTags(tags, tokens, this.kinds),
      support: (start, end, kind) => {
        marginals ??= maxMarginals(emit, this.transitions, this.T, tokens.length);
        return supportOf(marginals, tokens, this.T, this.kinds.indexOf(kind), start, end);
      },
    };
  }
}

function supportOf(
  marginals: Float64Array,
  tokens: readonly Token[],
  T: number,
  k: number,
  start: number,
  end: number,
): number {
  if (k < 0) return -Infinity;
  let least = Infinity;
  // the first token ending after `start` (tokens are in text order): a span costs its own length
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((tokens[mid] as Token).end <= start) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < tokens.length && (tokens[i] as Token).start < end; i++) {
    if (!/^[\p{L}\p{N}]/u.test((tokens[i] as Token).text)) continue;
    const inKind = Math.max(
      marginals[i * T + 1 + 2 * k] as number,
      marginals[i * T + 2 + 2 * k] as number,
    );
    least = Math.min(least, inKind - (marginals[i * T] as number));
  }
  return least === Infinity ? 0 : least;
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
        out.push({ start, end, kind: m.kind, replacement: usualReplacement(m.kind) });
      }
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * The rules' redactions the model lets stand: every span of a recognizer that is not
 * `confirmedByModel`, and those of one that is where the model's support reaches the threshold.
 */
export function confirmedRules(
  rules: readonly Redaction[],
  reading: Pick<Reading, 'support'>,
  threshold: number | null,
): Redaction[] {
  if (threshold === null) return [...rules];
  return rules.filter(
    (r) =>
      !MODEL_CONFIRMED.has(r.recognizer) || reading.support(r.start, r.end, r.kind) >= threshold,
  );
}

/** Redaction as rules ∪ model: the machine's proposal the portal and the reviewer start from (publish.ts). */
export function redactNarrativeCombined(
  text: string,
  options: RedactionOptions = {},
  tagger: LearnedTagger = defaultTagger(),
): RedactionResult {
  const reading = tagger.read(text, {
    nameLexicon: options.nameLexicon,
    recordNames: options.recordNames,
  });
  const rules = confirmedRules(
    redactNarrative(text, options).redactions,
    reading,
    tagger.confirmThreshold,
  );
  const model = reading.spans;
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
