import crypto from 'node:crypto';
import type { ImportedNarrativePublication, LocalizedText } from './profiles/profile.ts';
import {
  GENERIC_REPLACEMENT,
  mergeSpans,
  PUBLISHED_REDACTION_BASIS,
  type NarrativeSpan,
  type PublishedRedactionKind,
} from '../redaction/publish.ts';

/*
 * A person approves what is published (issue 17 item 5; docs/domain.md "Narrative review"):
 * the machine proposes spans, a public-information officer keeps or removes each and adds the
 * ones it missed, and the approved text is what the portal serves. Pure rules; the commands
 * store and audit.
 */

/**
 * The version of a narrative an approval is for: the SHA-256 of its text. Any change to the
 * narrative is a new version, for which the old approval no longer applies.
 */
export function narrativeVersion(narrative: string): string {
  return crypto.createHash('sha256').update(narrative, 'utf8').digest('hex');
}

/** A machine span as stored in a proposal: with its basis, as the reviewer reads it. */
export interface ProposedSpan extends NarrativeSpan {
  basis: string;
  basisEs: string;
}

/** The machine's spans with the basis of each kind. */
export function withBasis(spans: readonly NarrativeSpan[]): ProposedSpan[] {
  return spans.map((s) => ({
    ...s,
    basis: PUBLISHED_REDACTION_BASIS[s.kind].en,
    basisEs: PUBLISHED_REDACTION_BASIS[s.kind].es,
  }));
}

/** One decision a reviewer took on a span, in the order taken. */
export type SpanDecision =
  | { id: string; decision: 'keep' | 'remove'; proposalIndex: number }
  | { id: string; decision: 'add'; start: number; end: number; kind: PublishedRedactionKind }
  | { id: string; decision: 'withdraw'; withdraws: string };

/** Where a review stands: the machine spans removed, and the added spans not withdrawn. */
export interface ReviewState {
  removed: ReadonlySet<number>;
  added: ReadonlyMap<string, NarrativeSpan>;
}

/** Replays the decisions in the order taken: the latest on a span is the one that counts. */
export function reviewState(decisions: readonly SpanDecision[]): ReviewState {
  const removed = new Set<number>();
  const added = new Map<string, NarrativeSpan>();
  for (const d of decisions) {
    if (d.decision === 'keep') {
      removed.delete(d.proposalIndex);
    } else if (d.decision === 'remove') {
      removed.add(d.proposalIndex);
    } else if (d.decision === 'add') {
      added.set(d.id, {
        start: d.start,
        end: d.end,
        kind: d.kind,
        replacement: GENERIC_REPLACEMENT,
      });
    } else if (d.decision === 'withdraw') {
      added.delete(d.withdraws);
    }
  }
  return { removed, added };
}

/**
 * The spans a review ends with: each machine span unless the latest decision on it removed it,
 * plus each span the reviewer added and did not withdraw (replaced with `[redacted]`), merged.
 */
export function reviewedSpans(
  proposed: readonly NarrativeSpan[],
  decisions: readonly SpanDecision[],
): NarrativeSpan[] {
  const { removed, added } = reviewState(decisions);
  return mergeSpans([...proposed.filter((_, i) => !removed.has(i)), ...added.values()]);
}

/** Whether a kind is one a span may be added with (each has its basis). */
export function isSpanKind(kind: string): kind is PublishedRedactionKind {
  return Object.hasOwn(PUBLISHED_REDACTION_BASIS, kind);
}

/**
 * Why an added span cannot be taken, or null: it must lie inside the narrative, be non-empty and
 * not cut a character in two (a UTF-16 surrogate pair).
 */
export function addedSpanProblem(narrative: string, start: number, end: number): string | null {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > narrative.length) {
    return 'the span must lie inside the narrative';
  }
  if (end <= start) {
    return 'the span must not be empty';
  }
  const low = (i: number) => {
    const c = narrative.charCodeAt(i);
    return c >= 0xdc00 && c <= 0xdfff;
  };
  if ((start > 0 && low(start)) || (end < narrative.length && low(end))) {
    return 'the span must not cut a character in two';
  }
  return null;
}

/** Where the portal takes a publishable narrative from. */
export type NarrativeSource = 'approved' | 'machine' | 'held';

/**
 * The one rule for which text of a publishable narrative the portal serves: the approved text
 * when a person approved this version; otherwise nothing for a case the office took in (it is
 * published only after review); for imported history, what the profile chooses
 * (docs/domain.md "Narrative review": 5 ILCS 140/7(1)(c)).
 */
export function narrativeSource(f: {
  imported: boolean;
  approved: boolean;
  importedNarratives: ImportedNarrativePublication;
}): NarrativeSource {
  if (f.approved) {
    return 'approved';
  }
  return f.imported && f.importedNarratives === 'machine_redacted' ? 'machine' : 'held';
}

/** How a published narrative was redacted, as the portal marks it. */
export type NarrativeReviewMark = 'office_reviewed' | 'machine_redacted';

/** The portal's words for each mark, English and Spanish. */
export const NARRATIVE_REVIEW_NOTE: Record<NarrativeReviewMark, LocalizedText> = {
  office_reviewed: {
    en: 'Redacted and reviewed by the office before publication',
    es: 'Suprimido y revisado por la oficina antes de su publicación',
  },
  machine_redacted: {
    en: 'Redacted by machine, not reviewed by a person',
    es: 'Suprimido por máquina, sin revisión de una persona',
  },
};
