import type { Finding } from '../../../../shared/enums.ts';
import type { FindingImport } from '../entities.ts';

/** One stage's finding as a release row states it: mapped values and the texts they came from. */
export interface StatedFinding {
  finding: Finding | null;
  penalty: string | null;
  findingText: string | undefined;
  penaltyText: string | undefined;
}

/**
 * The dated history rows of an allegation's findings: a stage is recorded when the release
 * states something for it (a mapped finding or penalty, or a finding text outside the
 * vocabulary, kept verbatim), with the release's own words as its source value.
 */
export function findingsOf(stages: {
  recommended?: StatedFinding;
  final?: StatedFinding;
}): FindingImport[] {
  const out: FindingImport[] = [];
  for (const stage of ['recommended', 'final'] as const) {
    const s = stages[stage];
    if (!s) {
      continue;
    }
    if (s.finding || s.penalty || s.findingText) {
      out.push({
        stage,
        finding: s.finding,
        penalty: s.penalty,
        sourceValue: [s.findingText, s.penaltyText].filter(Boolean).join(' | ') || '(blank)',
      });
    }
  }
  return out;
}
