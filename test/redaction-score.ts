import { REDACTION_KINDS, type RedactionKind } from '../src/server/redaction/engine.ts';

/** A span of a narrative: UTF-16 offsets, end exclusive. */
export interface KindSpan {
  start: number;
  end: number;
  kind: RedactionKind;
}

/** One narrative scored: its text, the hand labels and what the engine redacted. */
export interface ScoredNarrative {
  text: string;
  gold: readonly KindSpan[];
  predicted: readonly KindSpan[];
}

/** Precision and recall of one kind over a set of narratives. */
export interface KindScore {
  kind: RedactionKind;
  /** Labelled spans, and how many of them the engine removed completely as this kind. */
  gold: number;
  found: number;
  /** Engine spans, and how many of them touch a labelled span of this kind. */
  predicted: number;
  correct: number;
  /** correct / predicted; null when the engine predicted nothing of this kind. */
  precision: number | null;
  /** found / gold; null when nothing of this kind is labelled. */
  recall: number | null;
  /** Labelled spans left fully removed by a redaction of any kind (a name taken as an address is still gone). */
  removedAnyKind: number;
}

/**
 * The matching rule (docs/redaction.md): a labelled span is *found* when every letter and digit
 * in it lies inside engine spans of the same kind — a half-redacted name is a miss; an engine
 * span is *correct* when it overlaps at least one labelled span of its kind by one character or
 * more — redacting "Officer" along with the name is not counted against it.
 */
export function scoreRedactions(items: readonly ScoredNarrative[]): KindScore[] {
  return REDACTION_KINDS.map((kind) => {
    let gold = 0;
    let found = 0;
    let predicted = 0;
    let correct = 0;
    let removedAnyKind = 0;
    for (const item of items) {
      const mine = item.predicted.filter((p) => p.kind === kind);
      for (const g of item.gold.filter((s) => s.kind === kind)) {
        gold++;
        if (covered(item.text, g, mine)) {
          found++;
        }
        if (covered(item.text, g, item.predicted)) {
          removedAnyKind++;
        }
      }
      for (const p of mine) {
        predicted++;
        if (item.gold.some((g) => g.kind === kind && p.start < g.end && g.start < p.end)) {
          correct++;
        }
      }
    }
    return withRates({ kind, gold, found, predicted, correct, removedAnyKind });
  });
}

/** A kind's counts with its precision and recall (also for scores pooled over folds). */
export function withRates(counts: Omit<KindScore, 'precision' | 'recall'>): KindScore {
  const { gold, found, predicted, correct } = counts;
  return {
    ...counts,
    precision: predicted === 0 ? null : correct / predicted,
    recall: gold === 0 ? null : found / gold,
  };
}

function covered(text: string, span: KindSpan, by: readonly KindSpan[]): boolean {
  for (let i = span.start; i < span.end; i++) {
    if (!/[\p{L}\p{N}]/u.test(text[i] ?? '')) {
      continue;
    }
    if (!by.some((p) => p.start <= i && i < p.end)) {
      return false;
    }
  }
  return true;
}

/** The score table as Markdown (docs/redaction.md and the integration test's output). */
export function scoreTable(scores: readonly KindScore[]): string {
  const pct = (x: number | null): string => (x === null ? '—' : x.toFixed(3));
  const lines = [
    '| kind | labelled | found | recall | engine spans | correct | precision | removed by any kind |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const s of scores) {
    lines.push(
      `| ${s.kind} | ${s.gold} | ${s.found} | ${pct(s.recall)} | ${s.predicted} | ${s.correct} | ${pct(s.precision)} | ${s.removedAnyKind} |`,
    );
  }
  return lines.join('\n');
}
