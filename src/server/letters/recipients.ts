import type { Queryable } from '../db/client.ts';
import type { CommandDeps } from '../commands/context.ts';
import { decryptIdentity } from '../security/party-identity.ts';
import {
  chooseChannel,
  intermediaryMayReceive,
  letterLanguage,
  type LetterChannel,
  type LetterFailure,
  type LetterKind,
  type RecipientKind,
} from '../domain/letters.ts';
import { listAllegations } from '../repositories/allegations.repository.ts';
import { caseHasReceipt } from '../repositories/letters.repository.ts';
import { listParties, type PartyRow } from '../repositories/parties.repository.ts';
import { LETTER_RECIPIENT } from '../security/encrypted-fields.ts';

/*
 * Who a letter goes to and how (issue 18 items 1, 3, 4; docs/domain.md "Letters"). The case's
 * identities are decrypted here only to address letters; what leaves is the encrypted envelope
 * of the letter row (`recipient_enc`), never plaintext.
 */

/** How the letter is addressed: what goes in the envelope window or the To: line. */
export interface RecipientContact {
  name?: string | undefined;
  email?: string | undefined;
  /** Postal address, one line per entry. */
  address?: string[] | undefined;
}

/** A recipient with the language and channel chosen for them (or why there is none). */
export interface Recipient {
  kind: RecipientKind;
  partyId: string | null;
  memberId: string | null;
  officialCode: string | null;
  language: string;
  channel: LetterChannel | null;
  failure: LetterFailure | null;
  contact: RecipientContact | null;
}

interface Identity {
  name?: string;
  email?: string;
  address?: string;
}

function identityOf(deps: Pick<CommandDeps, 'cipher'>, p: PartyRow): Identity {
  return decryptIdentity<Identity>(deps.cipher, p);
}

/**
 * A complainant or an intermediary: email, else paper, else the follow page (when the case was
 * filed there), else nothing with the reason. An intermediary is written to in their own
 * language, else in the language of the person they act for: the letter is that person's news.
 */
export function partyRecipient(
  deps: Pick<CommandDeps, 'cipher' | 'profile'>,
  p: PartyRow,
  ctx: {
    holdsReceipt: boolean;
    personLanguages: readonly (string | null)[];
    /** Leave the email aside: the paper copy of an emailed letter (`paperCopy`). */
    paperOnly?: boolean;
  },
): Recipient {
  const id = identityOf(deps, p);
  const letters = deps.profile.letters;
  const kind: RecipientKind = p.role === 'intermediary' ? 'intermediary' : 'complainant';
  const language = letterLanguage(
    letters.packs,
    kind === 'intermediary' ? [p.language, ...ctx.personLanguages] : [p.language],
    letters.officialLanguage,
  );
  const chosen = chooseChannel({
    email: ctx.paperOnly ? undefined : id.email,
    address: id.address,
    anonymous: p.anonymous,
    noLettersToShelter: p.contact_safety['lettersToShelter'] === false,
    shelterResident: p.vulnerabilities.includes('shelter_resident'),
    holdsReceipt: ctx.holdsReceipt,
  });
  const contact: RecipientContact | null =
    chosen.channel === 'email'
      ? { name: id.name, email: id.email }
      : chosen.channel === 'print'
        ? { name: id.name, address: (id.address ?? '').split(/\n|;\s*/).filter(Boolean) }
        : null;
  return {
    kind,
    partyId: p.id,
    memberId: null,
    officialCode: null,
    language,
    channel: chosen.channel,
    failure: chosen.channel === null ? chosen.failure : null,
    contact,
  };
}

/** The languages of the people an intermediary acts for: the complainants and victims. */
export function personLanguagesOf(parties: readonly PartyRow[]): Array<string | null> {
  return parties
    .filter((p) => p.role === 'complainant' || p.role === 'victim')
    .map((p) => p.language);
}

/**
 * Everyone a letter of `kind` goes to. Every kind goes to each complainant and to an
 * intermediary whose consent covers it (`intermediaryMayReceive`). The six-month notice also goes
 * to each accused member (in care of the department) and to the officials the profile lists,
 * as MCC 2-78-135 names them.
 */
export async function letterRecipients(
  tx: Queryable,
  deps: Pick<CommandDeps, 'cipher' | 'profile'>,
  caseId: string,
  kind: LetterKind,
  opts: { paperCopy?: boolean | undefined } = {},
): Promise<Recipient[]> {
  const parties = await listParties(tx, caseId);
  const holdsReceipt = await caseHasReceipt(tx, caseId);
  const personLanguages = personLanguagesOf(parties);
  const complainants = parties
    .filter((p) => p.role === 'complainant')
    .map((p) => partyRecipient(deps, p, { holdsReceipt, personLanguages }));
  const intermediaries = parties
    .filter((p) => p.role === 'intermediary' && intermediaryMayReceive(p.consent_scope, kind))
    .map((p) => partyRecipient(deps, p, { holdsReceipt: false, personLanguages }));
  // an intermediary is one more way to reach the person: one with no address is left out when
  // the case has a complainant (whose letter goes out, or fails saying why), and stands as the
  // failed letter only when there is no complainant party at all (a third party's report)
  const out: Recipient[] = [
    ...complainants,
    ...(complainants.length > 0
      ? intermediaries.filter((r) => r.channel !== null)
      : intermediaries),
  ];
  if (opts.paperCopy) {
    // a paper copy by post beside the email, where the case holds an address the person may
    // receive letters at (COPA writes by email and by mail; each copy is its own letter)
    for (const p of parties) {
      const emailed = out.find((r) => r.partyId === p.id && r.channel === 'email');
      const copy = emailed
        ? partyRecipient(deps, p, { holdsReceipt: false, personLanguages, paperOnly: true })
        : null;
      if (copy?.channel === 'print') {
        out.push(copy);
      }
    }
  }
  const notice = deps.profile.letters.sixMonthNotice;
  if (kind === 'six_month_notice') {
    if (notice.accused) {
      out.push(...(await accusedRecipients(tx, deps, caseId)));
    }
    out.push(...notice.officials.map((o) => officialRecipient(deps, o.code)));
  }
  return out;
}

/** Each accused member once, written to in care of the department (MCC 2-78-135). */
async function accusedRecipients(
  tx: Queryable,
  deps: Pick<CommandDeps, 'profile'>,
  caseId: string,
): Promise<Recipient[]> {
  const seen = new Set<string>();
  const out: Recipient[] = [];
  for (const a of await listAllegations(tx, caseId)) {
    if (!a.member_id || seen.has(a.member_id)) {
      continue;
    }
    seen.add(a.member_id);
    out.push(accusedRecipient(deps, a));
  }
  return out;
}

/** One accused member, in care of the department. */
export function accusedRecipient(
  deps: Pick<CommandDeps, 'profile'>,
  a: {
    member_id: string | null;
    member_rank: string | null;
    member_first_name: string | null;
    member_last_name: string | null;
    member_star: string | null;
  },
): Recipient {
  const letters = deps.profile.letters;
  const name = [a.member_rank, a.member_first_name, a.member_last_name].filter(Boolean).join(' ');
  return {
    kind: 'accused',
    partyId: null,
    memberId: a.member_id,
    officialCode: null,
    language: letters.officialLanguage,
    channel: 'print',
    failure: null,
    contact: {
      name: a.member_star ? `${name}, star ${a.member_star}` : name,
      address: letters.sixMonthNotice.accusedCareOf,
    },
  };
}

/** An official the profile lists, at their published office. */
export function officialRecipient(deps: Pick<CommandDeps, 'profile'>, code: string): Recipient {
  const letters = deps.profile.letters;
  const o = letters.sixMonthNotice.officials.find((x) => x.code === code);
  return {
    kind: 'official',
    partyId: null,
    memberId: null,
    officialCode: code,
    language: letters.officialLanguage,
    channel: o ? 'print' : null,
    failure: o ? null : 'no_address',
    contact: o ? { name: o.name, address: o.address } : null,
  };
}

/** The recipient's envelope, encrypted and bound to the letter row. */
export function encryptRecipient(
  deps: Pick<CommandDeps, 'cipher'>,
  letterId: string,
  contact: RecipientContact | null,
): string | null {
  return contact
    ? deps.cipher.encrypt(JSON.stringify(contact), LETTER_RECIPIENT.context(letterId))
    : null;
}

/** The envelope of a letter row, decrypted (to send or to print it). */
export function decryptRecipient(
  deps: Pick<CommandDeps, 'cipher'>,
  letter: { id: string; recipient_enc: string | null },
): RecipientContact | null {
  return letter.recipient_enc
    ? (JSON.parse(
        deps.cipher.decrypt(letter.recipient_enc, LETTER_RECIPIENT.context(letter.id)),
      ) as RecipientContact)
    : null;
}
