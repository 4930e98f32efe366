import type { Queryable } from '../db/client.ts';
import { rowByKey, rowsByKey } from './sql.ts';
import type { ProposedSpan, SpanDecision } from '../domain/narrative-review.ts';
import type { PublishedRedaction } from '../redaction/publish.ts';

/** One review of one version of a case's narrative (migration 0021). */
export interface NarrativeReviewRow {
  id: string;
  case_id: string;
  narrative_version: string;
  proposed: ProposedSpan[];
  proposed_at: Date;
  approved_text: string | null;
  approved_redactions: PublishedRedaction[] | null;
  approved_at: Date | null;
  approved_by: string | null;
  approved_by_email: string | null;
}

const SELECT_REVIEW = `
  SELECT r.id, r.case_id, r.narrative_version, r.proposed, r.proposed_at, r.approved_text,
         r.approved_redactions, r.approved_at, r.approved_by, u.email AS approved_by_email
    FROM narrative_reviews r LEFT JOIN users u ON u.id = r.approved_by`;

export const findNarrativeReview = rowByKey<NarrativeReviewRow, [caseId: string, version: string]>(
  `${SELECT_REVIEW}`,
  ['r.case_id', 'r.narrative_version'],
  'r',
);

export async function insertNarrativeReview(
  tx: Queryable,
  r: {
    id: string;
    jurisdiction: string;
    caseId: string;
    version: string;
    proposed: ProposedSpan[];
    at: Date;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO narrative_reviews (id, jurisdiction, case_id, narrative_version, proposed, proposed_at)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6)`,
    [r.id, r.jurisdiction, r.caseId, r.version, JSON.stringify(r.proposed), r.at],
  );
}

/** A stored decision, as the review page lists it. */
export interface SpanDecisionRow {
  id: string;
  decision: SpanDecision['decision'];
  proposal_index: number | null;
  start_offset: number | null;
  end_offset: number | null;
  kind: string | null;
  withdraws: string | null;
  decided_at: Date;
  decided_by_email: string;
}

/** A review's decisions, in the order they were taken. */
export const listSpanDecisions = rowsByKey<SpanDecisionRow, [reviewId: string]>(
  `SELECT d.id, d.decision, d.proposal_index, d.start_offset, d.end_offset, d.kind, d.withdraws,
          d.decided_at, u.email AS decided_by_email
     FROM narrative_span_decisions d JOIN users u ON u.id = d.decided_by`,
  ['d.review_id'],
  'd.seq',
);

export async function insertSpanDecision(
  tx: Queryable,
  d: {
    id: string;
    jurisdiction: string;
    reviewId: string;
    decision: SpanDecision['decision'];
    proposalIndex: number | null;
    start: number | null;
    end: number | null;
    kind: string | null;
    withdraws: string | null;
    at: Date;
    by: string;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO narrative_span_decisions
       (id, jurisdiction, review_id, decision, proposal_index, start_offset, end_offset, kind,
        withdraws, decided_at, decided_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      d.id,
      d.jurisdiction,
      d.reviewId,
      d.decision,
      d.proposalIndex,
      d.start,
      d.end,
      d.kind,
      d.withdraws,
      d.at,
      d.by,
    ],
  );
}

export async function approveNarrativeReview(
  tx: Queryable,
  reviewId: string,
  a: { text: string; redactions: PublishedRedaction[]; at: Date; by: string },
): Promise<void> {
  await tx.query(
    `UPDATE narrative_reviews
        SET approved_text = $2, approved_redactions = $3::jsonb, approved_at = $4, approved_by = $5
      WHERE id = $1`,
    [reviewId, a.text, JSON.stringify(a.redactions), a.at, a.by],
  );
}

/** What the portal needs to publish a narrative: whether imported, and this version's approval. */
export async function narrativePublication(
  db: Queryable,
  caseId: string,
  version: string,
): Promise<{
  imported: boolean;
  approved: { text: string; redactions: PublishedRedaction[] } | null;
}> {
  const rows = await db.query<{
    imported: boolean;
    approved_text: string | null;
    approved_redactions: PublishedRedaction[] | null;
  }>(
    `SELECT c.source_family IS NOT NULL AS imported, r.approved_text, r.approved_redactions
       FROM cases c
       LEFT JOIN narrative_reviews r
         ON r.case_id = c.id AND r.narrative_version = $2 AND r.approved_text IS NOT NULL
      WHERE c.id = $1`,
    [caseId, version],
  );
  const r = rows[0];
  return {
    imported: r?.imported ?? false,
    approved:
      r?.approved_text != null && r.approved_redactions
        ? { text: r.approved_text, redactions: r.approved_redactions }
        : null,
  };
}

/** One narrative waiting for review. */
export interface ReviewQueueRow {
  log_number: string;
  status: string;
  closed_on: string | null;
  received_at: Date;
  imported: boolean;
  /** A person approved an earlier version of the narrative (it changed since). */
  approved_before: boolean;
}

/**
 * The narratives waiting for a person, oldest first (concluded longest ago, then received
 * longest ago): concluded, fully public cases (COPA on the case, not restricted) with a
 * narrative whose current version no one has approved; imported ones only when the profile
 * holds imported history for review.
 */
export async function narrativeReviewQueue(
  db: Queryable,
  q: {
    jurisdiction: string;
    concluded: readonly string[];
    includeImported: boolean;
    /** The profile's oversight agency: only its cases are published (publicVisibility). */
    oversightAgency: string;
    limit: number;
    offset: number;
  },
): Promise<{ rows: ReviewQueueRow[]; total: number }> {
  const where = `
      FROM cases c
     WHERE c.jurisdiction = $1
       AND c.status = ANY($2::text[])
       AND (c.lead_agency = $4
            OR EXISTS (SELECT 1 FROM case_agencies ca WHERE ca.case_id = c.id AND ca.agency = $4))
       AND NOT c.restricted
       AND btrim(c.narrative) <> ''
       AND ($3::boolean OR c.source_family IS NULL)
       AND NOT EXISTS (
             SELECT 1 FROM narrative_reviews r
              WHERE r.case_id = c.id AND r.approved_text IS NOT NULL
                AND r.narrative_version = encode(sha256(convert_to(c.narrative, 'UTF8')), 'hex'))`;
  const params = [q.jurisdiction, q.concluded, q.includeImported, q.oversightAgency];
  const rows = await db.query<ReviewQueueRow>(
    `SELECT c.log_number, c.status, c.closed_on::text AS closed_on, c.received_at,
            c.source_family IS NOT NULL AS imported,
            EXISTS (SELECT 1 FROM narrative_reviews r
                     WHERE r.case_id = c.id AND r.approved_text IS NOT NULL) AS approved_before
       ${where}
      ORDER BY c.closed_on NULLS LAST, c.received_at, c.log_number
      LIMIT $5 OFFSET $6`,
    [...params, q.limit, q.offset],
  );
  const [count] = await db.query<{ n: number }>(`SELECT count(*)::int AS n ${where}`, params);
  return { rows, total: count?.n ?? 0 };
}
