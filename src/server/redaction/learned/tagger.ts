/**
 * A linear-chain sequence tagger over BIO tags: first-order Viterbi decoding, trained as an
 * averaged structured perceptron (Collins 2002). ADR 0030 says why this model and not a CRF
 * library: it is the same linear-chain model a CRF is, trained by a simpler rule, and it fits
 * in this file with no native addon.
 */

import { seededRandom } from '../../../shared/seeded-random.ts';

function add(array: Float64Array, index: number, value: number): void {
  array[index] = (array[index] as number) + value;
}

/** Tag 0 is O (outside); kind k has B = 1 + 2k (begins a span) and I = 2 + 2k (continues it). */
export function tagCount(kinds: number): number {
  return 1 + 2 * kinds;
}

export function kindOfTag(tag: number): number {
  return tag === 0 ? -1 : (tag - 1) >> 1;
}

export function isInside(tag: number): boolean {
  return tag !== 0 && (tag - 1) % 2 === 1;
}

/** I-k may only follow B-k or I-k: a span always begins with its B tag. */
function allowedTransition(from: number, to: number): boolean {
  return !isInside(to) || (from !== -1 && from !== 0 && kindOfTag(from) === kindOfTag(to));
}

/**
 * The best tag sequence. `emit[i * T + t]` is token i's score for tag t, `trans[(p + 1) * T + t]`
 * the score of tag t after p (row 0: at the start). `allowed[i]`, when given, is a bit mask of
 * the tags token i may take (training on narratives labelled for some kinds only).
 */
export function viterbi(
  emit: Float64Array,
  trans: ArrayLike<number>,
  T: number,
  n: number,
  allowed?: Uint16Array,
): Uint8Array {
  const out = new Uint8Array(n);
  if (n === 0) return out;
  const score = new Float64Array(n * T);
  const back = new Uint8Array(n * T);
  for (let t = 0; t < T; t++) {
    const ok = allowedTransition(-1, t) && (allowed === undefined || ((allowed[0] ?? 0) >> t) & 1);
    score[t] = ok ? (emit[t] ?? 0) + (trans[t] ?? 0) : -Infinity;
  }
  for (let i = 1; i < n; i++) {
    const mask = allowed?.[i];
    for (let t = 0; t < T; t++) {
      if (mask !== undefined && ((mask >> t) & 1) === 0) {
        score[i * T + t] = -Infinity;
        continue;
      }
      let best = -Infinity;
      let arg = 0;
      for (let p = 0; p < T; p++) {
        if (!allowedTransition(p, t)) continue;
        const s = (score[(i - 1) * T + p] ?? -Infinity) + (trans[(p + 1) * T + t] ?? 0);
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      score[i * T + t] = best + (emit[i * T + t] ?? 0);
      back[i * T + t] = arg;
    }
  }
  let best = -Infinity;
  let arg = 0;
  for (let t = 0; t < T; t++) {
    const s = score[(n - 1) * T + t] ?? -Infinity;
    if (s > best) {
      best = s;
      arg = t;
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    out[i] = arg;
    arg = back[i * T + arg] ?? 0;
  }
  return out;
}

/**
 * Max-marginals: `out[i * T + t]` is the score of the best tag sequence that gives token i tag t
 * (a forward and a backward Viterbi pass). How much better the best sequence with a name at i
 * scores than the best with O there is how strongly the model holds token i to be a name.
 */
export function maxMarginals(
  emit: Float64Array,
  trans: ArrayLike<number>,
  T: number,
  n: number,
): Float64Array {
  const forward = new Float64Array(n * T).fill(-Infinity);
  const backward = new Float64Array(n * T).fill(-Infinity);
  if (n === 0) return forward;
  for (let t = 0; t < T; t++) {
    if (allowedTransition(-1, t)) forward[t] = (emit[t] ?? 0) + (trans[t] ?? 0);
  }
  for (let i = 1; i < n; i++) {
    for (let t = 0; t < T; t++) {
      let best = -Infinity;
      for (let p = 0; p < T; p++) {
        if (!allowedTransition(p, t)) continue;
        const s = (forward[(i - 1) * T + p] as number) + (trans[(p + 1) * T + t] ?? 0);
        if (s > best) best = s;
      }
      forward[i * T + t] = best + (emit[i * T + t] ?? 0);
    }
  }
  for (let t = 0; t < T; t++) backward[(n - 1) * T + t] = 0;
  for (let i = n - 2; i >= 0; i--) {
    for (let p = 0; p < T; p++) {
      let best = -Infinity;
      for (let t = 0; t < T; t++) {
        if (!allowedTransition(p, t)) continue;
        const s =
          (trans[(p + 1) * T + t] ?? 0) +
          (emit[(i + 1) * T + t] ?? 0) +
          (backward[(i + 1) * T + t] as number);
        if (s > best) best = s;
      }
      backward[i * T + p] = best;
    }
  }
  return forward.map((f, j) => f + (backward[j] as number));
}

/**
 * Emission scores: the sum of each token's feature weights, plus `bias[k]` on kind k's tags (the
 * decision threshold: a higher bias finds more of that kind at some cost in precision).
 */
export function emissions(
  feats: readonly ArrayLike<number>[],
  weights: ArrayLike<number>,
  T: number,
  bias: ArrayLike<number> = [],
): Float64Array {
  const emit = new Float64Array(feats.length * T);
  feats.forEach((ids, i) => {
    for (let j = 0; j < ids.length; j++) {
      const base = (ids[j] as number) * T;
      for (let t = 0; t < T; t++) add(emit, i * T + t, weights[base + t] as number);
    }
    for (let t = 1; t < T; t++) add(emit, i * T + t, bias[kindOfTag(t)] ?? 0);
  });
  return emit;
}

/** One training narrative: per token its feature ids and gold tag. */
export interface TrainingSequence {
  feats: Int32Array[];
  gold: Uint8Array;
  /** Tokens whose tag is unknown (a set labelled for some kinds only) may take these tags. */
  allowed?: Uint16Array;
}

export interface TrainingParameters {
  epochs: number;
  seed: number;
}

export interface TrainedWeights {
  weights: Float64Array;
  transitions: Float64Array;
}

/**
 * Averaged structured perceptron: decode each sequence with the current weights; where the
 * decoded tags differ from the gold ones, add the gold tags' features and subtract the decoded
 * ones'. The returned weights are the average over every step (the "lazy" sum trick: w − u/c),
 * which generalises far better than the last weights.
 */
export function trainPerceptron(
  data: readonly TrainingSequence[],
  nFeatures: number,
  T: number,
  params: TrainingParameters,
): TrainedWeights {
  const w = new Float64Array(nFeatures * T);
  const u = new Float64Array(nFeatures * T);
  const tw = new Float64Array((T + 1) * T);
  const tu = new Float64Array((T + 1) * T);
  const order = data.map((_, i) => i);
  const random = seededRandom(params.seed);
  let c = 1;
  for (let epoch = 0; epoch < params.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    for (const index of order) {
      const seq = data[index] as TrainingSequence;
      const n = seq.gold.length;
      const emit = emissions(seq.feats, w, T);
      const pred = viterbi(emit, tw, T, n);
      // partly labelled: the gold sequence is the best one that agrees with the labels
      const gold = seq.allowed ? viterbi(emit, tw, T, n, seq.allowed) : seq.gold;
      for (let k = 0; k < n; k++) {
        const g = gold[k] as number;
        const p = pred[k] as number;
        if (g !== p) {
          for (const f of seq.feats[k] as Int32Array) {
            add(w, f * T + g, 1);
            add(u, f * T + g, c);
            add(w, f * T + p, -1);
            add(u, f * T + p, -c);
          }
        }
        const gp = k === 0 ? 0 : (gold[k - 1] as number) + 1;
        const pp = k === 0 ? 0 : (pred[k - 1] as number) + 1;
        if (g !== p || gp !== pp) {
          add(tw, gp * T + g, 1);
          add(tu, gp * T + g, c);
          add(tw, pp * T + p, -1);
          add(tu, pp * T + p, -c);
        }
      }
      c++;
    }
  }
  for (let i = 0; i < w.length; i++) w[i] = (w[i] as number) - (u[i] as number) / c;
  for (let i = 0; i < tw.length; i++) tw[i] = (tw[i] as number) - (tu[i] as number) / c;
  return { weights: w, transitions: tw };
}
