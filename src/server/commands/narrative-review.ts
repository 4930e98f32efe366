import crypto from 'node:crypto';
import { AuditAction, recordAudit } from '../audit/audit.ts';
import {
  addedSpanProblem,
  isSpanKind,
  narrativeVersion,
  reviewedSpans,
  reviewState,
  withBasis,
  type ProposedSpan,
  type SpanDecision,
} from '../domain/narrative-review.ts';
import {
  applySpans,
  proposeSpans,
  stillIdentifies,
  type PublishedNarrative,
  type PublishedRedactionKind,
} from '../redaction/publish.ts';
import { narrativeWithholding, publicVisibility, CONCLUDED } from '../domain/publication.ts';
import { GlobalAction, requireGlobally } from '../policies/global-grants.ts';
import { CaseAction } from '../policies/case.policy.ts';
import type { CaseWithFacts } from '../repositories/cases.repository.ts';
import {
  approveNarrativeReview,
  findNarrativeReview,
  insertSpanDecision,
  listSpanDecisions,
  narrativeReviewQueue,
  type NarrativeReviewRow,
  type ReviewQueueRow,
  type SpanDecisionRow,
} from '../repositories/narrative-review.repository.ts';
import type { Queryable } from '../db/client.ts';
import { ConflictError, UnprocessableError } from '../errors.ts';
import { createAudited, Created } from './audited.ts';
import { auditContext, onCase, type CommandDeps } from './context.ts';
import { knownIdentities, readRosterLexicon } from './read-public.ts';

/*
 * A person approves what is published (issue 17 item 5; docs/domain.md "Narrative review").
 * Each command locks the case, so decisions on one narrative are taken one at a time, and names
 * the narrative version the reviewer saw: a decision about a text that has since changed is
 * refused rather than applied to another text.
 */

/** The review page: the narrative, the machine's spans, every decision and the result. */
export interface NarrativeReviewView {
  logNumber: string;
  version: string;
  /** The unredacted narrative the spans point into (the reviewer's to read). */
  narrative: string;
  proposed: ProposedSpan[];
  decisions: SpanDecisionRow[];
  /** Indexes of the machine spans the reviewer removed. */
  removed: number[];
  /** Ids of the added spans still standing (not withdrawn). */
  added: string[];
  /** The text as it would be published if approved now, and its redactions. */
  preview: PublishedNarrative;
  approved: { text: string; at: Date; by: string | null } | null;
}

/**
 * Opens the review of a case's narrative: the stored proposal for its current version, made
 * (and audited) the first time anyone opens it. Every opening is audited too: the page shows the
 * unredacted narrative to a role that otherwise sees public fields only.
 */
export async function openNarrativeReview(
  deps: CommandDeps,
  logNumber: string,
): Promise<NarrativeReviewView> {
  return onCase(deps, logNumber, CaseAction.reviewNarrative, async (tx, found) => {
    const review = await currentReview(tx, deps, found);
    await recordAudit(tx, auditContext(deps, deps.now()), {
      action: AuditAction.narrative_review_opened,
      entityType: 'narrative_review',
      entityId: review.id,
      caseId: found.row.id,
      changes: { version: review.narrative_version },
    });
    return view(tx, found, review);
  });
}

/** One decision on a span, as the API takes it. */
export type SpanDecisionInput =
  | { decision: 'keep' | 'remove'; proposalIndex: number }
  | { decision: 'add'; start: number; end: number; kind: string }
  | { decision: 'withdraw'; withdraws: string };

/** Records one decision on a span of the current version's proposal (audited). */
export async function decideNarrativeSpan(
  deps: CommandDeps,
  logNumber: string,
  version: string,
  input: SpanDecisionInput,
): Promise<NarrativeReviewView> {
  return onUnapprovedReview(deps, logNumber, version, async (tx, found, review) => {
    const narrative = found.row.narrative;
    if (input.decision === 'keep' || input.decision === 'remove') {
      if (input.proposalIndex >= review.proposed.length) {
        throw new UnprocessableError('unknown_span', 'No proposed span has that index.', [
          { field: 'proposalIndex', message: 'is not a proposed span' },
        ]);
      }
    } else if (input.decision === 'add') {
      if (!isSpanKind(input.kind)) {
        throw new UnprocessableError('unknown_kind', 'A span is added with a redaction kind.', [
          { field: 'kind', message: 'is not a redaction kind' },
        ]);
      }
      const problem = addedSpanProblem(narrative, input.start, input.end);
      if (problem) {
        throw new UnprocessableError('invalid_span', `The span is not valid: ${problem}.`, [
          { field: 'start', message: problem },
        ]);
      }
    } else if (input.decision === 'withdraw') {
      const decisions = await listSpanDecisions(tx, review.id);
      const added = decisions.find((d) => d.id === input.withdraws && d.decision === 'add');
      if (!added || decisions.some((d) => d.withdraws === input.withdraws)) {
        throw new UnprocessableError('unknown_span', 'No added span of this review has that id.', [
          { field: 'withdraws', message: 'is not an added span' },
        ]);
      }
    }
    const now = deps.now();
    const id = crypto.randomUUID();
    const shape = {
      proposalIndex: 'proposalIndex' in input ? input.proposalIndex : null,
      start: input.decision === 'add' ? input.start : null,
      end: input.decision === 'add' ? input.end : null,
      kind: input.decision === 'add' ? input.kind : null,
      withdraws: input.decision === 'withdraw' ? input.withdraws : null,
    };
    await insertSpanDecision(tx, {
      id,
      jurisdiction: deps.jurisdiction,
      reviewId: review.id,
      decision: input.decision,
      ...shape,
      at: now,
      by: deps.actor.id,
    });
    // offsets and kind say which span; the text itself stays out of the audit log
    await recordAudit(tx, auditContext(deps, now), {
      action: AuditAction.narrative_span_decided,
      entityType: 'narrative_review',
      entityId: review.id,
      caseId: found.row.id,
      changes: { decision: input.decision, ...shape, version },
    });
    return view(tx, found, review);
  });
}

/**
 * Approves the narrative version the reviewer saw: the text with the machine spans kept and
 * the spans added, stored as what the portal publishes (audited). Refused when that text still
 * holds an identity the case knows (a person removed the span that hid it): in doubt, not
 * published.
 */
export async function approveNarrative(
  deps: CommandDeps,
  logNumber: string,
  version: string,
): Promise<NarrativeReviewView> {
  return onUnapprovedReview(deps, logNumber, version, async (tx, found, review) => {
    const decisions = await listSpanDecisions(tx, review.id);
    const spans = reviewedSpans(review.proposed, decisions.map(toDecision));
    const published = applySpans(found.row.narrative, spans);
    const known = await knownIdentities({ db: tx, cipher: deps.cipher }, found.row.id);
    if (stillIdentifies(published.text, known)) {
      throw new UnprocessableError(
        'narrative_still_identifies',
        'The text would still show a name or contact detail this case holds for a person; redact it before approving.',
      );
    }
    const now = deps.now();
    await approveNarrativeReview(tx, review.id, {
      text: published.text,
      redactions: published.redactions,
      at: now,
      by: deps.actor.id,
    });
    await recordAudit(tx, auditContext(deps, now), {
      action: AuditAction.narrative_approved,
      entityType: 'narrative_review',
      entityId: review.id,
      caseId: found.row.id,
      changes: {
        version,
        proposed: review.proposed.length,
        published: published.redactions.length,
        decisions: decisions.length,
      },
    });
    const approved = await findNarrativeReview(tx, found.row.id, review.narrative_version);
    return view(tx, found, approved!);
  });
}

/** The queue of narratives waiting for a person, oldest first. */
export async function readNarrativeQueue(
  deps: CommandDeps,
  page: { page: number; pageSize: number },
): Promise<{ items: ReviewQueueRow[]; total: number }> {
  requireGlobally(
    deps.actor,
    GlobalAction.readNarrativeQueue,
    'Only public-information officers and chief administrators review narratives.',
  );
  const { rows, total } = await narrativeReviewQueue(deps.db, {
    jurisdiction: deps.jurisdiction,
    concluded: [...CONCLUDED],
    includeImported: deps.profile.importedNarratives === 'hold_for_review',
    oversightAgency: deps.profile.agencyRoles.oversight,
    limit: page.pageSize,
    offset: (page.page - 1) * page.pageSize,
  });
  return { items: rows, total };
}

/**
 * The frame of a decision on the review of `version`: the case locked and the review authorized
 * (`onCase`), and the review that must be the current one and not yet approved: an approved text
 * is final for its version (a changed narrative is a new version).
 */
function onUnapprovedReview<T>(
  deps: CommandDeps,
  logNumber: string,
  version: string,
  body: (tx: Queryable, found: CaseWithFacts, review: NarrativeReviewRow) => Promise<T>,
): Promise<T> {
  return onCase(deps, logNumber, CaseAction.reviewNarrative, async (tx, found) => {
    const review = await currentReview(tx, deps, found, version);
    if (review.approved_text !== null) {
      throw new ConflictError(
        'narrative_already_approved',
        'This version of the narrative is already approved; its text and spans no longer change.',
      );
    }
    return body(tx, found, review);
  });
}

/**
 * The review of the case's current narrative version, made now if none exists. A narrative that
 * is not to be published (open, not public, empty) has nothing to review; a version other than
 * the current one is a conflict (the narrative changed since the reviewer read it).
 */
async function currentReview(
  tx: Queryable,
  deps: CommandDeps,
  found: CaseWithFacts,
  expectedVersion?: string,
): Promise<NarrativeReviewRow> {
  const { row, facts } = found;
  const withheld = narrativeWithholding(
    publicVisibility(
      { leadAgency: facts.leadAgency, agencies: facts.agencies, restricted: facts.restricted },
      deps.profile.agencyRoles,
    ),
    row.status,
    row.narrative,
  );
  if (withheld !== null) {
    throw new ConflictError(
      'narrative_not_publishable',
      `This narrative is not published (${withheld}), so there is nothing to review.`,
    );
  }
  const version = narrativeVersion(row.narrative);
  if (expectedVersion !== undefined && expectedVersion !== version) {
    throw new ConflictError(
      'narrative_changed',
      'The narrative changed since this review was opened; open the review again.',
    );
  }
  const existing = await findNarrativeReview(tx, row.id, version);
  if (existing) {
    return existing;
  }
  const known = await knownIdentities({ db: tx, cipher: deps.cipher }, row.id);
  const proposed = withBasis(
    proposeSpans(row.narrative, {
      ...known,
      nameLexicon: await readRosterLexicon(tx, deps.jurisdiction),
    }),
  );
  await createAudited(tx, deps, deps.now(), Created.narrativeReview, {
    caseId: row.id,
    version,
    proposed,
  });
  return (await findNarrativeReview(tx, row.id, version))!;
}

function toDecision(d: SpanDecisionRow): SpanDecision {
  if (d.decision === 'keep' || d.decision === 'remove') {
    return { id: d.id, decision: d.decision, proposalIndex: d.proposal_index! };
  }
  if (d.decision === 'add') {
    return {
      id: d.id,
      decision: 'add',
      start: d.start_offset!,
      end: d.end_offset!,
      kind: d.kind as PublishedRedactionKind,
    };
  }
  return { id: d.id, decision: 'withdraw', withdraws: d.withdraws! };
}

async function view(
  tx: Queryable,
  found: CaseWithFacts,
  review: NarrativeReviewRow,
): Promise<NarrativeReviewView> {
  const decisions = await listSpanDecisions(tx, review.id);
  const narrative = found.row.narrative;
  const state = reviewState(decisions.map(toDecision));
  return {
    logNumber: found.row.log_number,
    version: review.narrative_version,
    narrative,
    proposed: review.proposed,
    decisions,
    removed: [...state.removed],
    added: [...state.added.keys()],
    preview: applySpans(narrative, reviewedSpans(review.proposed, decisions.map(toDecision))),
    approved:
      review.approved_text !== null && review.approved_at !== null
        ? { text: review.approved_text, at: review.approved_at, by: review.approved_by_email }
        : null,
  };
}
