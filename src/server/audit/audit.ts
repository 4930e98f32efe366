import crypto from 'node:crypto';
import type { Queryable } from '../db/client.ts';
import type { Actor } from '../policies/actor.ts';
import type { AuditEventRow } from '../repositories/audit.repository.ts';

/** The typed catalog of audited actions: every write, and every read of restricted data. */
export const AuditAction = {
  case_filed: 'case.filed',
  case_read_restricted: 'case.read_restricted',
  case_transitioned: 'case.transitioned',
  case_rerouted: 'case.rerouted',
  /** Intake facts corrected after intake: each field's old and new value (issue 15). */
  case_facts_corrected: 'case.facts_corrected',
  party_added: 'party.added',
  party_identity_read: 'party.identity_read',
  assignment_added: 'assignment.added',
  agency_added: 'agency.added',
  allegation_added: 'allegation.added',
  /** A reported officer confirmed into an allegation or dismissed (issue 23 item 1). */
  reported_officer_resolved: 'reported_officer.resolved',
  finding_recorded: 'allegation.finding_recorded',
  activity_logged: 'activity.logged',
  statement_drafted: 'statement.drafted',
  /** A second person reviewed one language version of a statement (issue 22 item 2). */
  statement_reviewed: 'statement.reviewed',
  statement_published: 'statement.published',
  press_inquiry_logged: 'press_inquiry.logged',
  press_inquiry_answered: 'press_inquiry.answered',
  press_inquiry_answer_written: 'press_inquiry.answer_written',
  press_inquiry_answer_reviewed: 'press_inquiry.answer_reviewed',
  member_added: 'member.added',
  duty_status_recorded: 'duty_status.recorded',
  deadline_extended: 'deadline.extended',
  deadline_met: 'deadline.met',
  facility_added: 'facility.added',
  shelter_period_added: 'facility.shelter_period_added',
  daily_count_recorded: 'facility.daily_count_recorded',
  user_added: 'user.added',
  token_created: 'token.created',
  token_revoked: 'token.revoked',
  session_signed_in: 'session.signed_in',
  session_sign_in_failed: 'session.sign_in_failed',
  session_signed_out: 'session.signed_out',
  session_second_factor_pending: 'session.second_factor_pending',
  session_revoked: 'session.revoked',
  totp_enrolled: 'user.totp_enrolled',
  totp_provisioned: 'user.totp_provisioned',
  audit_verified: 'audit.verified',
  import_file: 'import.file',
  conflict_recorded: 'conflict.recorded',
  break_glass: 'case.break_glass',
  break_glass_reviewed: 'break_glass.reviewed',
  audit_read: 'audit.read',
  audit_checkpoint: 'audit.checkpoint',
  key_rotated: 'keys.rotated',
  subject_access_export: 'privacy.subject_access_export',
  retention_applied: 'privacy.retention_applied',
  legal_hold_changed: 'case.legal_hold_changed',
  complaint_information_added: 'complaint.information_added',
  attachment_read: 'attachment.read',
  /** The machine's proposed redaction of a narrative version, stored for review (issue 17). */
  narrative_proposed: 'narrative.proposed',
  /**
   * The review page was opened: public information otherwise sees public fields only, and the
   * page shows the unredacted narrative (ADR 0031), so every such read is recorded.
   */
  narrative_review_opened: 'narrative.review_opened',
  /** A reviewer kept, removed, added or withdrew a span (offsets and kind, never the text). */
  narrative_span_decided: 'narrative.span_decided',
  /** A reviewer approved the published text of a narrative version. */
  narrative_approved: 'narrative.approved',
  /** A letter was written into the outbox (queued, or failed: no way to reach the person). */
  letter_drafted: 'letter.drafted',
  /** A manager approved a letter for sending (issue 18 item 2). */
  letter_approved: 'letter.approved',
  /** A letter went out: the mail server accepted it, it was printed, or the portal shows it. */
  letter_sent: 'letter.sent',
  /** A letter could not go out: the server's answer, or why (never the recipient's address). */
  letter_failed: 'letter.failed',
  /** A failed letter was put back in the queue, its recipient looked up again. */
  letter_retried: 'letter.retried',
  /** An administrator added or changed an early-intervention rule (issue 19 item 3a). */
  eis_rule_saved: 'eis.rule_saved',
  /** A rule or the ranking raised an early-intervention alert (issue 19 item 4). */
  eis_alert_raised: 'eis.alert_raised',
  /** A step of an alert's review: from, to and the note (issue 19 item 4). */
  eis_alert_step: 'eis.alert_step',
  /** A policy recommendation to the department was recorded (issue 18 item 7, MCC §2-78-150). */
  policy_recommendation_created: 'policy_recommendation.created',
  /** The department's response to a recommendation was recorded. */
  policy_recommendation_response: 'policy_recommendation.response_recorded',
  /** A recommendation's implementation status changed. */
  policy_recommendation_status: 'policy_recommendation.status_changed',
} as const;
export type AuditAction = (typeof AuditAction)[keyof typeof AuditAction];

/** One audit event as a command describes it; the chain fields are added here. */
export interface AuditEvent {
  action: AuditAction;
  entityType: string;
  entityId: string;
  caseId?: string | null;
  reason?: string | null;
  /** Changed fields (never plaintext personal data: name the field, not its value). */
  changes?: Record<string, unknown>;
}

/** Who did it and from where, snapshotted into the row. */
export interface AuditContext {
  jurisdiction: string;
  actor: Actor | 'system';
  ip?: string | null;
  at: Date;
}

const GENESIS = '0'.repeat(64);

/** Creates the chain head for a jurisdiction if it has none (idempotent). */
export async function ensureAuditHead(db: Queryable, jurisdiction: string): Promise<void> {
  await db.query(
    `INSERT INTO audit_head (jurisdiction, last_seq, prev_hash, last_hash) VALUES ($1, 0, $2, $2)
     ON CONFLICT (jurisdiction) DO NOTHING`,
    [jurisdiction, GENESIS],
  );
}

interface CanonicalFields {
  jurisdiction: string;
  at: string;
  actorId: string | null;
  actorName: string;
  actorRoles: string[];
  actorAgency: string | null;
  ip: string | null;
  action: string;
  entityType: string;
  entityId: string;
  caseId: string | null;
  reason: string | null;
  changes: unknown;
}

/**
 * Appends one event in the caller's transaction: {@link recordAudits} of one event.
 */
export async function recordAudit(
  tx: Queryable,
  ctx: AuditContext,
  event: AuditEvent,
): Promise<number> {
  const [seq] = await recordAudits(tx, ctx, [event]);
  return seq!;
}

/**
 * Appends events, in order, in one statement: it locks the chain head (serializing appends),
 * hashes each event onto the one before it in SQL with the built-in sha256(), moves the head past
 * the last and inserts the rows, so a rolled-back command leaves no audit row and no gap. Returns
 * the events' sequence numbers.
 */
export function recordAudits(
  tx: Queryable,
  ctx: AuditContext,
  events: readonly AuditEvent[],
): Promise<number[]> {
  return appendEntries(
    tx,
    ctx.jurisdiction,
    events.map((event) => ({ ctx, event })),
  );
}

/** One event and who did it, where and when. */
interface Entry {
  ctx: AuditContext;
  event: AuditEvent;
}

function canonicalFields({ ctx, event }: Entry): CanonicalFields {
  return {
    jurisdiction: ctx.jurisdiction,
    at: ctx.at.toISOString(),
    actorId: ctx.actor === 'system' ? null : ctx.actor.id,
    actorName: ctx.actor === 'system' ? 'system' : ctx.actor.email,
    actorRoles: ctx.actor === 'system' ? [] : [...ctx.actor.roles],
    actorAgency: ctx.actor === 'system' ? null : ctx.actor.agency,
    ip: ctx.ip ?? null,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    caseId: event.caseId ?? null,
    reason: event.reason ?? null,
    changes: JSON.parse(JSON.stringify(event.changes ?? {})) as unknown,
  };
}

/** The statement of recordAudits, for entries of one jurisdiction (each with its own actor). */
async function appendEntries(
  db: Queryable,
  jurisdiction: string,
  entries: readonly Entry[],
): Promise<number[]> {
  if (entries.length === 0) {
    return [];
  }
  const rows = entries.map((entry) => {
    const fields = canonicalFields(entry);
    if (fields.jurisdiction !== jurisdiction) {
      throw new Error('One audit append is one jurisdiction’s chain.');
    }
    return { ...fields, canonical: canonicalJson(fields) };
  });
  // migration 0034: one statement, the chain advanced under the head's row lock in SQL
  const inserted = await db.query<{ seq: number }>(
    `SELECT seq::int AS seq FROM audit_append($1, $2::jsonb) AS seq`,
    [jurisdiction, JSON.stringify(rows)],
    { reusePlan: true },
  );
  if (inserted.length !== entries.length) {
    throw new Error(`Audit chain head missing for jurisdiction ${jurisdiction}; run migrate.`);
  }
  return inserted.map((r) => r.seq);
}

/** A caller of recordReadAudits waiting for its rows. */
interface Waiting {
  entries: Entry[];
  done: (seqs: number[]) => void;
  failed: (err: unknown) => void;
}

/** The queue of one database handle's read audits (recordReadAudits). */
const readAuditQueues = new WeakMap<Queryable, { waiting: Waiting[]; writing: boolean }>();

/** At most this many events in one grouped statement. */
const MOST_EVENTS_PER_APPEND = 500;

/**
 * Records the events of a read, outside any transaction, and resolves once they are committed
 * (ADR 0059). Every read of a case that shows an identity or a restricted case is audited, and
 * all appends serialize on the chain head: a read's events are therefore appended together with
 * those of the reads that arrived while the previous append was being written, in one statement
 * of its own transaction. A read's events stay consecutive in the chain and are committed before
 * its answer is sent; concurrent reads wait for one statement instead of queueing on the head's
 * lock one commit at a time.
 */
export function recordReadAudits(
  db: Queryable,
  ctx: AuditContext,
  events: readonly AuditEvent[],
): Promise<number[]> {
  if (events.length === 0) {
    return Promise.resolve([]);
  }
  let queue = readAuditQueues.get(db);
  if (!queue) {
    queue = { waiting: [], writing: false };
    readAuditQueues.set(db, queue);
  }
  const q = queue;
  return new Promise((done, failed) => {
    q.waiting.push({ entries: events.map((event) => ({ ctx, event })), done, failed });
    if (!q.writing) {
      q.writing = true;
      void writeWaiting(db, q).finally(() => {
        q.writing = false;
      });
    }
  });
}

/** Appends what waits, one statement per jurisdiction and group, until nothing waits. */
async function writeWaiting(db: Queryable, q: { waiting: Waiting[] }): Promise<void> {
  while (q.waiting.length > 0) {
    const group: Waiting[] = [];
    let events = 0;
    while (
      q.waiting.length > 0 &&
      (group.length === 0 || events + q.waiting[0]!.entries.length <= MOST_EVENTS_PER_APPEND)
    ) {
      const next = q.waiting.shift()!;
      group.push(next);
      events += next.entries.length;
    }
    const byJurisdiction = new Map<string, Waiting[]>();
    for (const w of group) {
      const jurisdiction = w.entries[0]!.ctx.jurisdiction;
      byJurisdiction.set(jurisdiction, [...(byJurisdiction.get(jurisdiction) ?? []), w]);
    }
    for (const [jurisdiction, callers] of byJurisdiction) {
      try {
        const seqs = await appendEntries(
          db,
          jurisdiction,
          callers.flatMap((w) => w.entries),
        );
        let at = 0;
        for (const w of callers) {
          w.done(seqs.slice(at, at + w.entries.length));
          at += w.entries.length;
        }
      } catch (err) {
        for (const w of callers) {
          w.failed(err);
        }
      }
    }
  }
}

/** JSON with object keys sorted at every depth: the same value always gives the same text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(sortKeys);
  }
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/** One broken link found by verification. */
export interface ChainProblem {
  seq: number;
  problem: 'hash_mismatch' | 'prev_hash_mismatch' | 'sequence_gap' | 'head_mismatch';
  detail: string;
}

export interface VerifyResult {
  ok: boolean;
  jurisdiction: string;
  checked: number;
  lastSeq: number;
  problems: ChainProblem[];
}

/** A stored audit row as the chain verification reads it (`changes` as parsed, unchecked). */
type AuditRow = Omit<AuditEventRow, 'changes'> & { jurisdiction: string; changes: unknown };

/**
 * Recomputes the whole chain from the rows' own columns. Detects an edited row (hash), a deleted
 * or inserted row (sequence and prev-hash links), a reordering (links), and a truncated tail
 * (the head no longer matches the last row).
 */
export async function verifyAuditChain(
  db: Queryable,
  jurisdiction: string,
  batchSize = 5000,
): Promise<VerifyResult> {
  const problems: ChainProblem[] = [];
  let expectedSeq = 1;
  let prevHash = GENESIS;
  let checked = 0;
  let after = 0;
  for (;;) {
    const rows = await db.query<AuditRow>(
      `SELECT jurisdiction, seq::int AS seq, at, actor_id, actor_name, actor_roles, actor_agency, ip, action,
              entity_type, entity_id, case_id, reason, changes, prev_hash, hash
         FROM audit_events WHERE jurisdiction = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
      [jurisdiction, after, batchSize],
    );
    for (const row of rows) {
      if (row.seq !== expectedSeq) {
        problems.push({
          seq: row.seq,
          problem: 'sequence_gap',
          detail: `expected seq ${expectedSeq}, found ${row.seq}`,
        });
      }
      if (row.prev_hash !== prevHash) {
        problems.push({
          seq: row.seq,
          problem: 'prev_hash_mismatch',
          detail: 'row does not link to the row before it',
        });
      }
      const canonical = canonicalJson({
        jurisdiction: row.jurisdiction,
        at: new Date(row.at).toISOString(),
        actorId: row.actor_id,
        actorName: row.actor_name,
        actorRoles: row.actor_roles,
        actorAgency: row.actor_agency,
        ip: row.ip,
        action: row.action,
        entityType: row.entity_type,
        entityId: row.entity_id,
        caseId: row.case_id,
        reason: row.reason,
        changes: row.changes,
      } satisfies CanonicalFields);
      const expected = crypto
        .createHash('sha256')
        .update(`${row.prev_hash}\n${row.seq}\n${canonical}`, 'utf8')
        .digest('hex');
      if (expected !== row.hash) {
        problems.push({
          seq: row.seq,
          problem: 'hash_mismatch',
          detail: 'row content does not match its hash',
        });
      }
      prevHash = row.hash;
      expectedSeq = row.seq + 1;
      after = row.seq;
      checked++;
    }
    if (rows.length < batchSize) {
      break;
    }
  }
  const head = await db.query<{ last_seq: number; last_hash: string }>(
    `SELECT last_seq::int AS last_seq, last_hash FROM audit_head WHERE jurisdiction = $1`,
    [jurisdiction],
  );
  const tip = head[0];
  if (tip && (tip.last_seq !== after || tip.last_hash !== prevHash)) {
    problems.push({
      seq: tip.last_seq,
      problem: 'head_mismatch',
      detail: `chain head is at seq ${tip.last_seq} but the log ends at ${after}`,
    });
  }
  return { ok: problems.length === 0, jurisdiction, checked, lastSeq: after, problems };
}
