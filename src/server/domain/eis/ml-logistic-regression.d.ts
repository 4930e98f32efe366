// The package ships no types; this is the part of its API the ranking uses (lib/logreg.js, v2).
declare module 'ml-logistic-regression' {
  import type { Matrix } from 'ml-matrix';
  export default class LogisticRegression {
    constructor(options?: { numSteps?: number; learningRate?: number });
    /** One-vs-all: classifiers[0] scores "not class 0", i.e. P(y = 1) for labels 0/1. */
    classifiers: { weights: Matrix; testScores(x: Matrix): number[] }[];
    train(x: Matrix, y: Matrix): void;
    predict(x: Matrix): number[];
  }
}
