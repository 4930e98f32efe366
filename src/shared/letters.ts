/*
 * Letters (issue 18; docs/domain.md "Letters"): the stable codes the server, its schemas and the
 * staff pages share; and whether the office can write to a complainant, one rule for the server
 * (the receipt and the follow page's clocks, domain/public-complaint.ts) and the form (which
 * language question to ask before anything is sent). Pure, no imports.
 */

/** A party as far as letters go: its role and the contact details the case holds for it. */
export interface LetterContact {
  role: string;
  email?: string | null | undefined;
  address?: string | null | undefined;
}

/**
 * Whether the office can write to the complainant: the case holds an email or a postal address
 * for the complainant, or for the intermediary who filed for them (consented to receive news for
 * them). A phone number is not enough: a letter is written (MCC 2-78-120 and COPA's Rules call for
 * an acknowledgement *letter*), and an anonymous complaint (50 ILCS 725/3.8(b)) holds no address.
 * Where this is false nobody may promise a letter: news is on the follow-my-complaint page.
 */
export function receivesLetters(parties: readonly LetterContact[]): boolean {
  const given = (v: string | null | undefined): boolean => (v ?? '').trim() !== '';
  return parties.some(
    (p) =>
      (p.role === 'complainant' || p.role === 'intermediary') &&
      (given(p.email) || given(p.address)),
  );
}

/** The kinds of letter the office sends. */
export const LETTER_KINDS = [
  'acknowledgement',
  'six_month_notice',
  'referral',
  'closure_no_finding',
  'outcome',
  'information_request',
] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

/** How a letter travels: by email, on paper, or on the follow-my-complaint page. */
export const LETTER_CHANNELS = ['email', 'print', 'portal'] as const;
export type LetterChannel = (typeof LETTER_CHANNELS)[number];

/** The outbox states: queued → sent, or queued → failed → (retried) queued → sent. */
export const LETTER_STATUSES = ['queued', 'sent', 'failed'] as const;
export type LetterStatus = (typeof LETTER_STATUSES)[number];

/** Who a letter goes to. */
export const RECIPIENT_KINDS = ['complainant', 'intermediary', 'accused', 'official'] as const;
export type RecipientKind = (typeof RECIPIENT_KINDS)[number];

/**
 * Why a letter could not go out (the dashboard says it beside the open deadline):
 * `no_address` the person has no email or postal address the office may use; `anonymous` the
 * person gave none by right (50 ILCS 725/3.8(b)) and holds no follow-my-complaint receipt;
 * `refused` the mail server refused the message; `timeout` it did not answer in time;
 * `mail_not_configured` no mail server is configured.
 */
export const LETTER_FAILURES = [
  'no_address',
  'anonymous',
  'refused',
  'timeout',
  'mail_not_configured',
] as const;
export type LetterFailure = (typeof LETTER_FAILURES)[number];

/** Reasons an investigation runs past six months, as coded choices (written in every language). */
export const DELAY_REASONS = [
  'evidence_being_gathered',
  'witnesses_not_yet_interviewed',
  'awaiting_records',
  'parallel_criminal_proceeding',
  'complex_investigation',
] as const;
export type DelayReason = (typeof DELAY_REASONS)[number];
