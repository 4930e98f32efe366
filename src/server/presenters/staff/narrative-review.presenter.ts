import type { Presented } from '../presented.ts';
import type {
  NarrativeQueueOut,
  NarrativeReviewOut,
} from '../../../shared/schemas/narrative-review.ts';
import type { NarrativeReviewView } from '../../commands/narrative-review.ts';
import type { ReviewQueueRow } from '../../repositories/narrative-review.repository.ts';
import { isoRequired } from '../../repositories/sql.ts';

/** The review page of one narrative version. */
export function presentNarrativeReview(
  v: NarrativeReviewView,
): Presented<typeof NarrativeReviewOut> {
  return {
    logNumber: v.logNumber,
    version: v.version,
    narrative: v.narrative,
    proposed: v.proposed.map((s, index) => ({ index, ...s, removed: v.removed.includes(index) })),
    added: v.decisions
      .filter((d) => v.added.includes(d.id))
      .map((d) => ({ id: d.id, start: d.start_offset!, end: d.end_offset!, kind: d.kind! })),
    decisions: v.decisions.map((d) => ({
      id: d.id,
      decision: d.decision,
      proposalIndex: d.proposal_index,
      start: d.start_offset,
      end: d.end_offset,
      kind: d.kind,
      withdraws: d.withdraws,
      decidedAt: isoRequired(d.decided_at),
      decidedBy: d.decided_by_email,
    })),
    preview: v.preview,
    approved: v.approved && {
      text: v.approved.text,
      approvedAt: isoRequired(v.approved.at),
      approvedBy: v.approved.by,
    },
  };
}

/** The queue of narratives waiting for review. */
export function presentNarrativeQueue(
  r: { items: ReviewQueueRow[]; total: number },
  page: { page: number; pageSize: number },
): Presented<typeof NarrativeQueueOut> {
  return {
    items: r.items.map((i) => ({
      logNumber: i.log_number,
      status: i.status,
      closedOn: i.closed_on,
      receivedAt: isoRequired(i.received_at),
      imported: i.imported,
      approvedBefore: i.approved_before,
    })),
    total: r.total,
    ...page,
  };
}
