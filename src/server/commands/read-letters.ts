import { localDate, addCalendarDays, startOfLocalDay } from '../../shared/dates.ts';
import { writtenDate, type LetterLanguagePack } from '../domain/letters.ts';
import { ForbiddenError, NotFoundError } from '../errors.ts';
import { lettersPdf, type PrintedLetter } from '../letters/pdf.ts';
import { decryptRecipient, type RecipientContact } from '../letters/recipients.ts';
import { GlobalAction, requireGlobally } from '../policies/global-grants.ts';
import { caseScope, caseView, canOnCase, CaseAction } from '../policies/case.policy.ts';
import { findCase } from '../repositories/cases.repository.ts';
import {
  findLetter,
  listCaseLetters,
  listOutbox,
  printLettersApproved,
  type LetterWithCase,
} from '../repositories/letters.repository.ts';
import type { CommandDeps } from './context.ts';

/** A letter with its envelope, decrypted only for a viewer who may see identities. */
export interface LetterView {
  letter: LetterWithCase;
  recipient: RecipientContact | null;
  masked: boolean;
}

/** The case's letters, for the case team (the full view of the case). */
export async function readCaseLetters(deps: CommandDeps, logNumber: string): Promise<LetterView[]> {
  const found = await findCase(deps.db, deps.jurisdiction, logNumber);
  const view = found ? caseView(deps.actor, found.facts) : 'none';
  if (!found || view === 'none') {
    throw new NotFoundError(`Case ${logNumber}`, 'case_not_found');
  }
  // a public-fields view (public information) sees no letter: letters are case content
  if (view !== 'full') {
    throw new ForbiddenError('forbidden', 'The letters are case content.');
  }
  const identities = canOnCase(deps.actor, CaseAction.readIdentity, found.facts);
  return (await listCaseLetters(deps.db, found.row.id)).map((letter) => ({
    letter,
    recipient: identities ? decryptRecipient(deps, letter) : null,
    masked: !identities,
  }));
}

/** One letter after a command changed it, as its case team sees it. */
export async function readLetter(deps: CommandDeps, letterId: string): Promise<LetterView> {
  const ref = await findLetter(deps.db, deps.jurisdiction, letterId);
  const views = ref ? await readCaseLetters(deps, ref.log_number) : [];
  const view = views.find((v) => v.letter.id === letterId);
  if (!view) {
    throw new NotFoundError('Letter', 'letter_not_found');
  }
  return view;
}

/**
 * The outbox across the cases the viewer may read in full: failures first, then the queue, then
 * the latest sent. Recipients are not shown here (the case's letters tab shows them).
 */
export async function readOutbox(deps: CommandDeps): Promise<LetterView[]> {
  requireGlobally(
    deps.actor,
    GlobalAction.readOutbox,
    'Supervisors and chief administrators watch the outbox.',
  );
  const rows = await listOutbox(
    deps.db,
    deps.jurisdiction,
    caseScope(deps.actor, { content: true }),
    200,
  );
  return rows.map((letter) => ({ letter, recipient: null, masked: true }));
}

function printed(deps: CommandDeps, l: LetterWithCase): PrintedLetter {
  const pack = deps.profile.letters.packs[l.language] as LetterLanguagePack;
  const to = decryptRecipient(deps, l);
  return {
    letterhead: {
      officeName: pack.officeName,
      address: deps.profile.office.address,
      phone: deps.profile.office.phone,
    },
    date: writtenDate(pack, localDate(l.approved_at ?? l.created_at, deps.profile.timeZone)),
    recipient: [to?.name, ...(to?.address ?? [])].filter((x): x is string => !!x),
    subject: l.subject,
    body: l.body,
    reference: `${l.log_number} · ${l.id}`,
  };
}

/** One letter as a PDF, for those who send the case's letters (it carries the address). */
export async function letterPdf(deps: CommandDeps, letterId: string): Promise<Buffer> {
  const ref = await findLetter(deps.db, deps.jurisdiction, letterId);
  const found = ref ? await findCase(deps.db, deps.jurisdiction, ref.log_number) : undefined;
  if (!ref || !found || caseView(deps.actor, found.facts) === 'none') {
    throw new NotFoundError('Letter', 'letter_not_found');
  }
  if (!canOnCase(deps.actor, CaseAction.sendLetter, found.facts)) {
    throw new ForbiddenError('forbidden', 'Those who send the case’s letters print them.');
  }
  return lettersPdf([printed(deps, ref)]);
}

/**
 * The day's mail as one PDF: the print letters approved on `date` (the profile's local day) on
 * the cases the viewer may read in full, one after another in log-number order.
 */
export async function printBatchPdf(deps: CommandDeps, date: string): Promise<Buffer> {
  requireGlobally(
    deps.actor,
    GlobalAction.readOutbox,
    'Supervisors and chief administrators print the mail.',
  );
  const tz = deps.profile.timeZone;
  const rows = await printLettersApproved(
    deps.db,
    deps.jurisdiction,
    caseScope(deps.actor, { content: true }),
    startOfLocalDay(date, tz),
    startOfLocalDay(addCalendarDays(date, 1), tz),
  );
  return lettersPdf(rows.map((l) => printed(deps, l)));
}
