import LogisticRegression from 'ml-logistic-regression';
import { Matrix } from 'ml-matrix';
import type { LocalizedText } from '../profiles/profile.ts';
import { FEATURES, FEATURE_COUNT, type CategoryLabel } from './features.ts';

/**
 * The risk model (ADR 0036): logistic regression (mljs `ml-logistic-regression`) over the
 * features of `features.ts`, counts taken as log(1 + n) and every column standardized on the
 * training rows, with an intercept column. The settings below were chosen on the validation
 * years 2004–2006 (before the first evaluation year) and then frozen; see
 * docs/early-intervention.md.
 */
export interface ModelSettings {
  numSteps: number;
  learningRatePerRow: number;
  labelGap: number;
  trainingYears: number;
  negativeShare: number;
}

export const MODEL_SETTINGS: Readonly<ModelSettings> = {
  /** Gradient steps of the library's batch gradient descent. */
  numSteps: 200,
  /** Step size per training row (the library sums the gradient over rows). */
  learningRatePerRow: 1,
  /** Training years end this many years before the prediction year (labels need time to be known). */
  labelGap: 2,
  /** Training years used (most recent first). */
  trainingYears: 6,
  /** Share of negative training rows kept (all positives are kept). */
  negativeShare: 0.15,
};

const NOT_LOGGED = new Set(['recency']);

export interface TrainedModel {
  mean: number[];
  sd: number[];
  /** intercept first, then one weight per feature */
  weights: number[];
}

function transform(x: readonly number[]): number[] {
  return x.map((v, k) => (NOT_LOGGED.has(FEATURES[k]!.name) ? v : Math.log1p(v)));
}

function standardize(rows: number[][], mean: number[], sd: number[]): number[][] {
  return rows.map((r) => [1, ...r.map((v, k) => (v - mean[k]!) / sd[k]!)]);
}

/** Fits the model on raw feature rows and 0/1 labels. */
export function trainModel(
  rows: readonly (readonly number[])[],
  labels: readonly number[],
  settings: Pick<ModelSettings, 'numSteps' | 'learningRatePerRow'> = MODEL_SETTINGS,
): TrainedModel {
  const t = rows.map(transform);
  const n = Math.max(1, t.length);
  const mean = new Array<number>(FEATURE_COUNT).fill(0);
  const sd = new Array<number>(FEATURE_COUNT).fill(0);
  for (const r of t) {
    r.forEach((v, k) => (mean[k]! += v / n));
  }
  for (const r of t) {
    r.forEach((v, k) => (sd[k]! += (v - mean[k]!) ** 2 / n));
  }
  for (let k = 0; k < FEATURE_COUNT; k++) {
    sd[k] = Math.sqrt(sd[k]!) || 1;
  }
  const lr = new LogisticRegression({
    numSteps: settings.numSteps,
    learningRate: settings.learningRatePerRow / n,
  });
  const hasBoth = labels.some((y) => y === 1) && labels.some((y) => y === 0);
  if (!hasBoth) {
    return { mean, sd, weights: new Array<number>(FEATURE_COUNT + 1).fill(0) };
  }
  lr.train(new Matrix(standardize(t, mean, sd)), Matrix.columnVector([...labels]));
  return { mean, sd, weights: lr.classifiers[0]!.weights.to1DArray() };
}

/** Each feature's share of the score (weight × standardized value), intercept excluded. */
export function contributions(model: TrainedModel, x: readonly number[]): number[] {
  const z = standardize([transform(x)], model.mean, model.sd)[0]!;
  return z.slice(1).map((v, k) => v * model.weights[k + 1]!);
}

/** Risk score: the model's log-odds (ranking only needs the order). */
export function score(model: TrainedModel, x: readonly number[]): number {
  return model.weights[0]! + contributions(model, x).reduce((s, v) => s + v, 0);
}

/** The few features that raised a member's score most, in a supervisor's words. */
export function explain(
  model: TrainedModel,
  x: readonly number[],
  category?: CategoryLabel,
  top = 3,
): LocalizedText[] {
  return contributions(model, x)
    .map((c, k) => ({ c, k }))
    .filter((e) => e.c > 0 && x[e.k]! > 0)
    .sort((a, b) => b.c - a.c)
    .slice(0, top)
    .map((e) => FEATURES[e.k]!.say(round(x[e.k]!), category));
}

function round(v: number): number {
  return Math.round(v * 100) / 100;
}
