/**
 * Training and grouped k-fold cross-validation of the learned redaction tagger (ADR 0030,
 * docs/redaction.md "Cross-validated quality"), on the hand-labelled narratives of
 * test/fixtures/redaction-labels-*.json and the texts they point into (../shared/data/chicago).
 */

import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {
  REDACTION_KINDS,
  redactNarrative,
  type Redaction,
  type RedactionKind,
} from '../src/server/redaction/engine.ts';
import type { NameLexicon } from '../src/server/redaction/names.ts';
import {
  featuresOf,
  tokenize,
  type TaggerContext,
} from '../src/server/redaction/learned/features.ts';
import {
  LearnedTagger,
  MODEL_FORMAT,
  confirmedRules,
  type Reading,
  MODEL_VERSION,
  unionSpans,
  type LearnedModelFile,
} from '../src/server/redaction/learned/model.ts';
import {
  tagCount,
  trainPerceptron,
  type TrainingSequence,
} from '../src/server/redaction/learned/tagger.ts';
import { loadNarrativeSample, loadRecordNames, narrativeHash } from '../test/redaction-corpus.ts';
import { scoreRedactions, type KindScore, type KindSpan } from '../test/redaction-score.ts';

/** One labelled narrative with its text. */
export interface LabelledItem {
  text: string;
  sha256: string;
  spans: KindSpan[];
  /** The kinds its set labels; absent: every kind. */
  kinds?: readonly RedactionKind[];
  context: TaggerContext;
  /** English (the FOIA narratives) or Spanish (the constructed set, issue 17 item 4). */
  language: Language;
}

export type Language = 'en' | 'es';
export const LANGUAGES: readonly Language[] = ['en', 'es'];

export interface LabelledCorpus {
  items: LabelledItem[];
  /** sha256 over every label and every narrative text's hash, in a fixed order. */
  sha256: string;
  lexicon: NameLexicon;
}

const FIXTURES = path.resolve(import.meta.dirname, '../test/fixtures');

export function loadLabelledCorpus(): LabelledCorpus {
  const labelled = fs
    .readdirSync(FIXTURES)
    .filter((name) => /^redaction-labels(-[a-z0-9-]+)?\.json$/u.test(name))
    .sort()
    .flatMap((name) => {
      const file = JSON.parse(fs.readFileSync(path.join(FIXTURES, name), 'utf8')) as {
        kinds?: RedactionKind[];
        // a FOIA narrative points into the data files; a constructed one carries its text
        narratives: Array<{
          file?: string;
          line?: number;
          crId?: string;
          text?: string;
          language?: Language;
          sha256: string;
          spans: KindSpan[];
        }>;
      };
      return file.narratives.map((n) => ({ ...n, kinds: file.kinds }));
    });
  const texts = new Map(loadNarrativeSample().map((n) => [`${n.file}:${n.line}`, n]));
  const records = loadRecordNames(
    new Set(labelled.flatMap((n) => (n.crId === undefined ? [] : [n.crId]))),
  );
  const hash = crypto.createHash('sha256');
  const items = labelled.map((n): LabelledItem => {
    const text = n.text ?? texts.get(`${n.file}:${n.line}`)?.text;
    if (text === undefined || narrativeHash(text) !== n.sha256) {
      throw new Error(`${n.file} line ${n.line}: the narrative is missing or changed`);
    }
    hash.update(JSON.stringify([n.sha256, n.kinds ?? null, n.spans]));
    return {
      text,
      sha256: n.sha256,
      spans: n.spans,
      kinds: n.kinds,
      language: n.language ?? 'en',
      context: {
        nameLexicon: records.lexicon,
        recordNames: (n.crId === undefined ? undefined : records.byCase.get(n.crId)) ?? [],
      },
    };
  });
  return { items, sha256: hash.digest('hex'), lexicon: records.lexicon };
}

/** The kinds the tagger learns: every kind the labels hold, in the engine's order. */
export function learnedKinds(items: readonly LabelledItem[]): RedactionKind[] {
  const present = new Set(items.flatMap((n) => n.spans.map((s) => s.kind)));
  return REDACTION_KINDS.filter((k) => present.has(k));
}

/** A narrative's tokens as feature-string ids (interned over the corpus) and gold tags. */
interface Prepared {
  item: LabelledItem;
  feats: Int32Array[];
  gold: Uint8Array;
  allowed?: Uint16Array;
}

export interface PreparedCorpus {
  kinds: RedactionKind[];
  names: string[];
  items: Prepared[];
}

export function prepare(
  items: readonly LabelledItem[],
  kinds: readonly RedactionKind[],
): PreparedCorpus {
  const index = new Map<string, number>();
  const names: string[] = [];
  const prepared = items.map((item) => {
    const tokens = tokenize(item.text);
    const feats = featuresOf(item.text, tokens, item.context).map((fs) =>
      Int32Array.from(fs, (f) => {
        let id = index.get(f);
        if (id === undefined) {
          id = names.length;
          index.set(f, id);
          names.push(f);
        }
        return id;
      }),
    );
    const gold = new Uint8Array(tokens.length);
    const labelled = new Uint8Array(tokens.length);
    for (const span of [...item.spans].sort((a, b) => a.start - b.start)) {
      const k = kinds.indexOf(span.kind);
      let first = true;
      tokens.forEach((t, i) => {
        if (t.start < span.end && span.start < t.end && k >= 0 && labelled[i] === 0) {
          gold[i] = first ? 1 + 2 * k : 2 + 2 * k;
          labelled[i] = 1;
          first = false;
        }
      });
    }
    let allowed: Uint16Array | undefined;
    if (item.kinds !== undefined) {
      // labelled for some kinds only: an unlabelled token may be O or any kind not labelled
      let free = 1;
      kinds.forEach((kind, k) => {
        if (!item.kinds?.includes(kind)) free |= (1 << (1 + 2 * k)) | (1 << (2 + 2 * k));
      });
      allowed = Uint16Array.from(gold, (g, i) => (labelled[i] === 1 ? 1 << g : free));
    }
    return { item, feats, gold, allowed };
  });
  return { kinds: [...kinds], names, items: prepared };
}

export interface TrainParameters {
  epochs: number;
  seed: number;
  /** Features seen fewer times than this in the training narratives are dropped. */
  minCount: number;
  /** Weights smaller than this (absolute) are dropped from the model file. */
  prune: number;
}

export const DEFAULT_PARAMETERS: TrainParameters = {
  epochs: 20,
  seed: 17,
  minCount: 2,
  prune: 0.05,
};

export type TrainedModel = Pick<LearnedModelFile, 'kinds' | 'transitions' | 'features'>;

/** Trains on the given narratives; the model file's features are only those they hold. */
export function trainOn(
  corpus: PreparedCorpus,
  train: readonly Prepared[],
  params: TrainParameters,
): TrainedModel {
  const counts = new Uint32Array(corpus.names.length);
  for (const p of train)
    for (const ids of p.feats) for (const id of ids) counts[id] = (counts[id] ?? 0) + 1;
  const compact = new Int32Array(corpus.names.length).fill(-1);
  const kept: number[] = [];
  counts.forEach((c, id) => {
    if (c >= params.minCount) {
      compact[id] = kept.length;
      kept.push(id);
    }
  });
  const data: TrainingSequence[] = train.map((p) => ({
    feats: p.feats.map((ids) =>
      Int32Array.from([...ids].map((id) => compact[id] as number).filter((c) => c >= 0)),
    ),
    gold: p.gold,
    allowed: p.allowed,
  }));
  const T = tagCount(corpus.kinds.length);
  const trained = trainPerceptron(data, kept.length, T, params);
  const features: Record<string, number[]> = {};
  kept.forEach((id, c) => {
    const pairs: number[] = [];
    for (let t = 0; t < T; t++) {
      const w = trained.weights[c * T + t] as number;
      if (Math.abs(w) >= params.prune) pairs.push(t, Math.round(w * 1000) / 1000);
    }
    if (pairs.length > 0) features[corpus.names[id] as string] = pairs;
  });
  return {
    kinds: corpus.kinds,
    transitions: Array.from(trained.transitions, (w) => Math.round(w * 1000) / 1000),
    features,
  };
}

/** Fold of a narrative: by the hash of its text, so copies of one narrative share a fold. */
export function foldOf(sha256: string, k: number): number {
  return parseInt(sha256.slice(0, 8), 16) % k;
}

/** The kinds the targets name (issue 17): the threshold is chosen on these. */
export const TARGET_KINDS: readonly RedactionKind[] = ['person_name', 'street_address', 'phone'];

/** Candidate decision biases (added to a kind's tags' scores), smallest first. */
const BIASES = [0, 5, 10, 20, 30, 40, 60, 80, 120];

/** Candidate confirmation thresholds (ADR 0030), most permissive first; null: no confirmation. */
const CONFIRM_THRESHOLDS: ReadonlyArray<number | null> = [
  null,
  -200,
  -160,
  -120,
  -80,
  -60,
  -40,
  -20,
  0,
  20,
];

/**
 * The precision rules ∪ model must keep, per target kind, on the inner validation fold: the
 * issue's own floor (ADR 0030 says why this rule and not F2 or recall alone).
 */
export const PRECISION_FLOOR = 0.85;

function restrict<T extends { kind: RedactionKind }>(
  spans: readonly T[],
  kinds?: readonly RedactionKind[],
): T[] {
  return kinds === undefined ? [...spans] : spans.filter((s) => kinds.includes(s.kind));
}

/** The decisions a model file carries beside its weights, chosen on training narratives only. */
export interface Decision {
  bias: number[];
  confirmThreshold: number | null;
}

/** The rules' redactions of a narrative, as the portal runs them. */
function rulesOf(item: LabelledItem): Redaction[] {
  return redactNarrative(item.text, {
    nameLexicon: item.context.nameLexicon,
    recordNames: item.context.recordNames,
  }).redactions;
}

/** Rules ∪ model on one narrative, the rules' guesses confirmed by the model (model.ts). */
function combined(
  item: LabelledItem,
  rules: readonly Redaction[],
  reading: Reading,
  threshold: number | null,
): KindSpan[] {
  return restrict(
    unionSpans(confirmedRules(rules, reading, threshold), reading.spans, item.text),
    item.kinds,
  );
}

/**
 * The decisions, on the training narratives only: train on four fifths of their groups and, on
 * the last fifth, for each target kind score rules ∪ model under every decision bias — and for
 * names every confirmation threshold with it, and take the setting with the most recall among
 * those whose precision for the kind is PRECISION_FLOOR or more (ties: the smaller bias, the more
 * permissive threshold). A kind no setting holds at the floor keeps bias 0 (names: the strictest
 * threshold). Other kinds keep bias 0.
 */
export function chooseDecision(
  corpus: PreparedCorpus,
  train: readonly Prepared[],
  params: TrainParameters,
): Decision {
  const inner = train.filter((p) => foldOf(p.item.sha256.slice(8), 5) !== 0);
  const check = train.filter((p) => foldOf(p.item.sha256.slice(8), 5) === 0);
  const tagger = new LearnedTagger(trainOn(corpus, inner, params), []);
  const rules = check.map((p) => rulesOf(p.item));
  const bias = corpus.kinds.map(() => 0);
  let confirmThreshold = CONFIRM_THRESHOLDS.at(-1) ?? null;
  for (const kind of TARGET_KINDS.filter((k) => corpus.kinds.includes(k))) {
    const settings: Array<{
      bias: number;
      threshold: number | null;
      recall: number;
      precision: number;
    }> = [];
    const thresholds = kind === 'person_name' ? CONFIRM_THRESHOLDS : [null];
    for (const value of BIASES) {
      const readings = check.map((p) =>
        tagger.read(
          p.item.text,
          p.item.context,
          corpus.kinds.map((k) => (k === kind ? value : 0)),
        ),
      );
      for (const threshold of thresholds) {
        const score = scoreRedactions(
          check.map((p, i) => ({
            text: p.item.text,
            gold: p.item.spans,
            predicted: combined(p.item, rules[i] ?? [], readings[i] as Reading, threshold),
          })),
        ).find((x) => x.kind === kind);
        settings.push({
          bias: value,
          threshold,
          recall: score?.recall ?? 0,
          precision: score?.precision ?? 1,
        });
      }
    }
    const chosen = settings
      .filter((x) => x.precision >= PRECISION_FLOOR)
      .reduce<(typeof settings)[number] | undefined>(
        (a, b) => (a === undefined || b.recall > a.recall ? b : a),
        undefined,
      );
    if (chosen === undefined) continue;
    bias[corpus.kinds.indexOf(kind)] = chosen.bias;
    if (kind === 'person_name') confirmThreshold = chosen.threshold;
  }
  return { bias, confirmThreshold };
}

/** Wilson score interval (95 %) of successes out of n. */
export function wilson(successes: number, n: number): [number, number] {
  if (n === 0) return [0, 1];
  const z = 1.96;
  const p = successes / n;
  const centre = p + (z * z) / (2 * n);
  const half = z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  const denom = 1 + (z * z) / n;
  return [(centre - half) / denom, (centre + half) / denom];
}

/** Per kind, the model alone, the rules alone and rules ∪ model on the held-out folds. */
export interface CvScores {
  model: KindScore[];
  rules: KindScore[];
  combined: KindScore[];
  narratives: number;
}

export interface CvResult {
  k: number;
  params: TrainParameters;
  decisions: Decision[];
  /**
   * Per language: the English FOIA narratives and the constructed Spanish ones are never pooled
   * (docs/redaction.md "The Spanish constructed set").
   */
  byLanguage: Record<Language, CvScores>;
  narratives: number;
  /** Median milliseconds per narrative for the model alone (features + decoding). */
  medianMs: number;
}

type Scored = Array<{ text: string; gold: KindSpan[]; predicted: KindSpan[] }>;

function scoresOf(m: Scored, r: Scored, c: Scored): CvScores {
  return {
    model: scoreRedactions(m),
    rules: scoreRedactions(r),
    combined: scoreRedactions(c),
    narratives: m.length,
  };
}

/** Grouped k-fold cross-validation: model alone, rules alone and rules ∪ model on each held-out fold. */
export function crossValidate(
  corpus: PreparedCorpus,
  k: number,
  params: TrainParameters,
  log: (line: string) => void = () => {},
  folds: readonly number[] = Array.from({ length: k }, (_, i) => i),
): CvResult {
  // every held-out narrative once, scored at the end (a span count pools as a sum)
  const held = LANGUAGES.map(() => ({ m: [] as Scored, r: [] as Scored, c: [] as Scored }));
  const times: number[] = [];
  const decisions: Decision[] = [];
  for (const fold of folds) {
    const train = corpus.items.filter((p) => foldOf(p.item.sha256, k) !== fold);
    const test = corpus.items.filter((p) => foldOf(p.item.sha256, k) === fold);
    const decision = chooseDecision(corpus, train, params);
    decisions.push(decision);
    const tagger = new LearnedTagger(
      trainOn(corpus, train, params),
      decision.bias,
      decision.confirmThreshold,
    );
    for (const p of test) {
      const { text, context, kinds, language } = p.item;
      // the model's time: tokens, features and Viterbi (support is computed later, when asked)
      const started = performance.now();
      const reading = tagger.read(text, context);
      times.push(performance.now() - started);
      const rules = rulesOf(p.item);
      const into = held[LANGUAGES.indexOf(language)] as (typeof held)[number];
      into.m.push({ text, gold: p.item.spans, predicted: restrict(reading.spans, kinds) });
      into.r.push({ text, gold: p.item.spans, predicted: restrict(rules, kinds) });
      into.c.push({
        text,
        gold: p.item.spans,
        predicted: combined(p.item, rules, reading, decision.confirmThreshold),
      });
    }
    log(
      `fold ${fold + 1}/${k}: ${train.length} training, ${test.length} held out, biases ${decision.bias.join(' ')}, confirmation threshold ${decision.confirmThreshold}`,
    );
  }
  times.sort((a, b) => a - b);
  const byLanguage = Object.fromEntries(
    LANGUAGES.map((language, i) => {
      const h = held[i] as (typeof held)[number];
      return [language, scoresOf(h.m, h.r, h.c)];
    }),
  ) as Record<Language, CvScores>;
  return {
    k,
    params,
    decisions,
    byLanguage,
    narratives: held.reduce((n, h) => n + h.m.length, 0),
    medianMs: times[Math.floor(times.length / 2)] ?? 0,
  };
}

/** The CV table as Markdown: per kind, recall and precision with Wilson 95 % intervals. */
export function cvTable(result: CvScores): string {
  const cell = (s: number, n: number): string => {
    if (n === 0) return '—';
    const [lo, hi] = wilson(s, n);
    return `${(s / n).toFixed(3)} (${lo.toFixed(3)}–${hi.toFixed(3)}) ${s}/${n}`;
  };
  const lines = [
    '| kind | engine | recall (95 % CI) found/labelled | precision (95 % CI) correct/spans |',
    '|---|---|---|---|',
  ];
  for (const kind of REDACTION_KINDS) {
    for (const [engine, scores] of [
      ['model', result.model],
      ['rules', result.rules],
      ['rules ∪ model', result.combined],
    ] as const) {
      const s = scores.find((x) => x.kind === kind);
      if (s === undefined || (s.gold === 0 && s.predicted === 0)) continue;
      lines.push(
        `| ${kind} | ${engine} | ${cell(s.found, s.gold)} | ${cell(s.correct, s.predicted)} |`,
      );
    }
  }
  return lines.join('\n');
}

export function modelFile(
  corpus: LabelledCorpus,
  trained: TrainedModel,
  decision: Decision,
  params: TrainParameters,
): LearnedModelFile {
  return {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    languages: [...LANGUAGES],
    trainingData: {
      sha256: corpus.sha256,
      narratives: corpus.items.length,
      spans: corpus.items.reduce((n, i) => n + i.spans.length, 0),
    },
    parameters: {
      ...params,
      algorithm: 'averaged structured perceptron, first-order Viterbi, BIO tags',
    },
    kinds: trained.kinds,
    bias: decision.bias,
    confirmThreshold: decision.confirmThreshold,
    transitions: trained.transitions,
    features: trained.features,
  };
}

/** Loads the labelled corpus and cross-validates on it: what `redaction:cv` and the acceptance test run. */
export function runCrossValidation(
  k: number,
  epochs: number,
  log?: (line: string) => void,
): { result: CvResult; sha256: string } {
  const corpus = loadLabelledCorpus();
  const prepared = prepare(corpus.items, learnedKinds(corpus.items));
  return {
    result: crossValidate(prepared, k, { ...DEFAULT_PARAMETERS, epochs }, log),
    sha256: corpus.sha256,
  };
}
