import crypto from 'node:crypto';
import { AuditAction } from '../audit/audit.ts';
import { localDate } from '../../shared/dates.ts';
import {
  LetterValueMissingError,
  fillPlaceholders,
  penaltyWords,
  renderLetter,
  writtenDate,
  type DelayReason,
  type LetterKind,
  type LetterLanguagePack,
} from '../domain/letters.ts';
import { publicOutcome } from '../domain/publication.ts';
import { CONCLUDED } from '../domain/transition.ts';
import { ConflictError, UnprocessableError } from '../errors.ts';
import { encryptRecipient, letterRecipients } from '../letters/recipients.ts';
import { CaseAction } from '../policies/case.policy.ts';
import { listAllegations, listFindings } from '../repositories/allegations.repository.ts';
import { listCaseChildren, type CaseRow } from '../repositories/cases.repository.ts';
import { latestRoutingDecision } from '../repositories/routing.repository.ts';
import { listDeadlines } from '../repositories/deadlines.repository.ts';
import { insertLetters, type LetterInsert } from '../repositories/letters.repository.ts';
import type { Queryable } from '../db/client.ts';
import type { LocalizedText } from '../domain/profiles/profile.ts';
import { onCase, type CommandDeps } from './context.ts';
import { auditLetter } from './letter-access.ts';

/** What staff give beside the case's own facts. */
export interface DraftLettersInput {
  logNumber: string;
  kind: LetterKind;
  /** MCC 2-78-135 "the reasons" for a six-month notice, as coded choices. */
  reasons?: DelayReason[] | undefined;
  /** A request for information: the text in each language a recipient is written to. */
  requestedInformation?: Record<string, string> | undefined;
  /** A request for information: the day to answer by ('YYYY-MM-DD'). */
  respondBy?: string | undefined;
  /** Also a paper copy by post to each person emailed who has a postal address. */
  paperCopy?: boolean | undefined;
}

/**
 * The stage a letter of each kind fits: a letter says what happened, so it waits for it. The
 * status notice is owed while the investigation is open (MCC 2-78-135); the others describe a
 * closing, a referral or an outcome that must have happened.
 */
const KIND_STAGES: Record<LetterKind, (status: CaseRow['status']) => boolean> = {
  acknowledgement: () => true,
  six_month_notice: (s) => !CONCLUDED.has(s),
  referral: (s) => s === 'closed_referred',
  closure_no_finding: (s) => s === 'closed_no_finding',
  outcome: (s) => s === 'final',
  information_request: (s) => !CONCLUDED.has(s),
};

/** The clock a kind answers: sending it meets the clock (docs/domain.md "Letters close clocks"). */
const KIND_DEADLINE: Partial<Record<LetterKind, string>> = {
  acknowledgement: 'acknowledgement_letter',
  six_month_notice: 'six_month_notice',
};

/**
 * Writes a letter of `kind` to everyone it goes to into the outbox, each rendered in the
 * recipient's language and queued for approval — or recorded failed at once, with the reason,
 * when there is no way to reach the person (no address, anonymous with no follow page), so the
 * deadline it answers stays open and the dashboard says why.
 */
export async function draftLetters(
  deps: CommandDeps,
  input: DraftLettersInput,
): Promise<{ ids: string[] }> {
  return onCase(deps, input.logNumber, CaseAction.draftLetter, async (tx, { row }) => {
    if (!KIND_STAGES[input.kind](row.status)) {
      throw new ConflictError(
        'letter_not_for_stage',
        `A ${input.kind} letter does not fit a case in ${row.status}.`,
      );
    }
    // MCC 2-78-135 binds the Office (COPA): a case another agency leads owes no such notice
    if (
      input.kind === 'six_month_notice' &&
      !deps.profile.sixMonthNoticeAgencies.includes(row.lead_agency)
    ) {
      throw new ConflictError(
        'no_six_month_notice',
        `A ${row.lead_agency}-led case owes no six-month notice (${deps.profile.letters.sixMonthNotice.clause}).`,
      );
    }
    const clock = KIND_DEADLINE[input.kind];
    const deadline = clock
      ? (await listDeadlines(tx, row.id))
          .filter((d) => d.kind === clock && !d.met_at && !d.superseded_at)
          .sort((a, b) => (a.due_date < b.due_date ? -1 : 1))[0]
      : undefined;
    const recipients = await letterRecipients(tx, deps, row.id, input.kind, {
      paperCopy: input.paperCopy,
    });
    if (recipients.length === 0) {
      throw new UnprocessableError(
        'no_recipient',
        'Nobody on this case receives this letter: no complainant, and no intermediary whose consent covers it.',
      );
    }
    const now = deps.now();
    const facts = await caseFacts(tx, row);
    const rows: LetterInsert[] = [];
    for (const r of recipients) {
      const pack = deps.profile.letters.packs[r.language] as LetterLanguagePack;
      const id = crypto.randomUUID();
      const rendered = render(deps, pack, r.language, input, row, facts, now);
      rows.push({
        id,
        jurisdiction: deps.jurisdiction,
        case_id: row.id,
        kind: input.kind,
        language: r.language,
        channel: r.channel,
        recipient_kind: r.kind,
        party_id: r.partyId,
        member_id: r.memberId,
        official_code: r.officialCode,
        recipient_enc: encryptRecipient(deps, id, r.contact),
        subject: rendered.subject,
        body: rendered.body,
        deadline_id: deadline?.id ?? null,
        status: r.failure ? 'failed' : 'queued',
        failure_code: r.failure,
        failure_detail: null,
        failed_at: r.failure ? now : null,
        created_at: now,
        created_by: deps.actor.id,
      });
    }
    await insertLetters(tx, rows);
    for (const l of rows) {
      await auditLetter(
        tx,
        deps,
        now,
        l,
        l.status === 'failed' ? AuditAction.letter_failed : AuditAction.letter_drafted,
        {
          kind: l.kind,
          language: l.language,
          channel: l.channel,
          recipientKind: l.recipient_kind,
          deadlineId: l.deadline_id,
          status: l.status,
          ...(l.failure_code ? { failure: l.failure_code } : {}),
        },
      );
    }
    return { ids: rows.map((r) => r.id) };
  });
}

interface CaseFacts {
  routing: { agency: string; clause: string } | undefined;
  closureReason: string | null;
  allegations: Awaited<ReturnType<typeof listAllegations>>;
  findings: Awaited<ReturnType<typeof listFindings>>;
}

async function caseFacts(tx: Queryable, row: CaseRow): Promise<CaseFacts> {
  const [routing, children, allegations, findings] = await Promise.all([
    latestRoutingDecision(tx, row.id),
    listCaseChildren(tx, row.id),
    listAllegations(tx, row.id),
    listFindings(tx, row.id),
  ]);
  const closing = children.statusHistory.filter((h) => h.to_status === row.status).at(-1);
  return { routing, closureReason: closing?.reason ?? null, allegations, findings };
}

/** A localized label from the profile (categories are en/es; another language falls back). */
function label(text: Record<string, string>, language: string): string {
  return text[language] ?? text['en'] ?? '';
}

function render(
  deps: CommandDeps,
  pack: LetterLanguagePack,
  language: string,
  input: DraftLettersInput,
  row: CaseRow,
  facts: CaseFacts,
  now: Date,
): { subject: string; body: string } {
  const tz = deps.profile.timeZone;
  const today = localDate(now, tz);
  const agencyName = (code: string): string =>
    deps.profile.letters.agencies[code]?.[language] ?? code;
  const categoryLabel = (c: string): string => {
    const cat = (deps.profile.categories as Record<string, { label: LocalizedText } | undefined>)[
      c
    ];
    return cat ? label({ ...cat.label }, language) : c;
  };
  const values: Record<string, string> = {
    officeName: pack.officeName,
    officePhone: deps.profile.office.phone,
    officeAddress: deps.profile.office.address.join(', '),
    logNumber: row.log_number,
    letterDate: writtenDate(pack, today),
    receivedDate: writtenDate(pack, localDate(new Date(row.received_at), tz)),
    investigatingAgency: agencyName(row.lead_agency),
    generalNature: row.categories.map(categoryLabel).join(', '),
    reasons: (input.reasons ?? []).map((r) => pack.delayReasons[r]).join('; '),
    referredTo: facts.routing ? agencyName(facts.routing.agency) : '',
    clause: facts.routing?.clause ?? '',
    closureReason: facts.closureReason ? (pack.closureReasons[facts.closureReason] ?? '') : '',
    requestedInformation: input.requestedInformation?.[language] ?? '',
    respondBy: input.respondBy ? writtenDate(pack, input.respondBy) : '',
  };
  if (input.kind === 'outcome') {
    Object.assign(values, outcomeValues(pack, row, facts, today, categoryLabel));
  }
  try {
    return renderLetter(pack, input.kind, values);
  } catch (error) {
    if (error instanceof LetterValueMissingError) {
      throw new UnprocessableError(
        'letter_value_missing',
        `${error.message} (${language} ${input.kind} letter)`,
        [{ field: INPUT_FIELD[error.placeholder] ?? error.placeholder, message: 'required' }],
      );
    }
    throw error;
  }
}

/** Which request field supplies a placeholder staff give (the others come from the case). */
const INPUT_FIELD: Record<string, string> = {
  reasons: 'reasons',
  requestedInformation: `requestedInformation`,
  respondBy: 'respondBy',
};

/**
 * The findings, one line per allegation with a finding (the final one, else the recommended
 * one), and the discipline only where it may be disclosed: what `publicOutcome()` releases to
 * the public (concluded case, within 820 ILCS 40/8's four years), never a withheld penalty and
 * never "no action" (600/601). When unsure, not.
 */
function outcomeValues(
  pack: LetterLanguagePack,
  row: CaseRow,
  facts: CaseFacts,
  today: string,
  categoryLabel: (c: string) => string,
): { findings: string; discipline: string } {
  const lines: string[] = [];
  const penalties = new Set<string>();
  for (const a of facts.allegations) {
    const rows = facts.findings.filter((f) => f.allegation_id === a.id);
    const on = (stage: 'recommended' | 'final'): string | null =>
      rows.filter((f) => f.stage === stage).at(-1)?.decided_on ?? null;
    const outcome = publicOutcome(
      row.status,
      {
        recommendedFinding: a.recommended_finding,
        recommendedPenalty: a.recommended_penalty,
        recommendedOn: on('recommended'),
        finalFinding: a.final_finding,
        finalPenalty: a.final_penalty,
        finalOn: on('final'),
      },
      today,
    );
    const finding = outcome.finalFinding ?? outcome.recommendedFinding;
    if (finding) {
      lines.push(
        fillPlaceholders(pack.findingLine, {
          category: categoryLabel(a.category),
          finding: pack.findings[finding] ?? finding,
        }),
      );
    }
    if (outcome.penalty && !['600', '601'].includes(outcome.penalty)) {
      penalties.add(outcome.penalty);
    }
  }
  const discipline =
    penalties.size > 0
      ? fillPlaceholders(pack.disciplineLine, {
          penalty: [...penalties].map((p) => penaltyWords(pack, p)).join('; '),
        })
      : pack.disciplineWithheld;
  return { findings: lines.join('\n'), discipline };
}
