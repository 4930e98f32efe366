import { FINDINGS } from '../../shared/enums.ts';
import {
  DELAY_REASONS,
  LETTER_KINDS,
  type DelayReason,
  type LetterChannel,
  type LetterFailure,
  type LetterKind,
} from '../../shared/letters.ts';
import { PENALTY_CODES } from './findings.ts';
import { NO_FINDING_REASONS } from './transition.ts';

/*
 * Letters and notices (issue 18 items 1–5; docs/domain.md "Letters"; ADR 0033). Pure: the
 * templates are data in the jurisdiction profile (one language pack per language), checked once
 * when loaded, and rendered from named values. A template that names a placeholder its kind does
 * not know, or lacks one its kind requires, is refused at load; a value missing at render time is
 * an error, never a blank in a letter.
 */

export {
  LETTER_CHANNELS,
  LETTER_FAILURES,
  LETTER_KINDS,
  LETTER_STATUSES,
  RECIPIENT_KINDS,
  DELAY_REASONS,
  type LetterChannel,
  type LetterFailure,
  type LetterKind,
  type LetterStatus,
  type RecipientKind,
  type DelayReason,
} from '../../shared/letters.ts';

/** Placeholders every letter may use: the office's letterhead facts, the case, the date. */
const COMMON = ['officeName', 'officePhone', 'officeAddress', 'logNumber', 'letterDate'] as const;

/**
 * The placeholders each kind knows (`allowed`) and must use (`required`): a letter that does
 * not say what the law asks it to say is as wrong as one with a blank.
 */
export const LETTER_PLACEHOLDERS: Readonly<
  Record<LetterKind, { allowed: readonly string[]; required: readonly string[] }>
> = {
  // MCC 2-78-120; COPA Rules: the complaint was received and registered under a log number
  acknowledgement: {
    allowed: [...COMMON, 'receivedDate', 'investigatingAgency'],
    required: ['logNumber', 'receivedDate', 'officePhone'],
  },
  // MCC 2-78-135: "the general nature of the complaint … and the reasons for the Office's
  // failure to complete the investigation within six months"
  six_month_notice: {
    allowed: [...COMMON, 'receivedDate', 'generalNature', 'reasons'],
    required: ['logNumber', 'receivedDate', 'generalNature', 'reasons'],
  },
  // MCC 2-78-120: the agency the matter went to and the clause that sent it there
  referral: {
    allowed: [...COMMON, 'receivedDate', 'referredTo', 'clause'],
    required: ['logNumber', 'referredTo', 'clause'],
  },
  closure_no_finding: {
    allowed: [...COMMON, 'receivedDate', 'closureReason'],
    required: ['logNumber', 'closureReason'],
  },
  outcome: {
    allowed: [...COMMON, 'receivedDate', 'findings', 'discipline'],
    required: ['logNumber', 'findings', 'discipline'],
  },
  information_request: {
    allowed: [...COMMON, 'requestedInformation', 'respondBy'],
    required: ['logNumber', 'requestedInformation', 'respondBy', 'officePhone'],
  },
};

/** One template: a subject line and a body of paragraphs (blank line between them). */
export interface LetterTemplate {
  subject: string;
  body: string;
}

/**
 * Everything a letter needs in one language: the templates and the phrases values are written
 * with (reasons, closure reasons, findings, discipline). A new language is one more pack.
 */
export interface LetterLanguagePack {
  /** The language's name in itself (shown to staff choosing a preview). */
  name: string;
  /** BCP 47 tag for dates (`Intl.DateTimeFormat`), e.g. `es-US`. */
  locale: string;
  /** The office's name in this language (the letterhead and `{officeName}`). */
  officeName: string;
  templates: Record<LetterKind, LetterTemplate>;
  /** Why a six-month notice is owed, by code (MCC 2-78-135 "the reasons"). */
  delayReasons: Record<DelayReason, string>;
  /** Closure reasons, by the stage reason code. */
  closureReasons: Record<string, string>;
  /** Findings, by code. */
  findings: Record<string, string>;
  /** One line per allegation: `{category}` and `{finding}`. */
  findingLine: string;
  /** The discipline sentence: `{penalty}` (the disclosed penalty). */
  disciplineLine: string;
  /** The sentence used when no discipline may be disclosed in the letter. */
  disciplineWithheld: string;
  /** Discipline, by CPD penalty code; `{days}` for a suspension. */
  penalties: Record<string, string>;
  suspension: string;
  /** The salutation and closing lines of every letter. */
  salutation: string;
  closing: string;
}

/** A problem found in a template set: which language, which kind, what is wrong. */
export class LetterTemplateError extends Error {}

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9]*)\}/g;

/** The placeholders a text names, in order of first use. */
export function placeholdersOf(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1] as string))];
}

/**
 * Checks a jurisdiction's language packs once, when the profile is loaded: every language has
 * every kind; no template names a placeholder its kind does not know; every required placeholder
 * appears; every phrase table covers its codes; no stray brace is left to print. Throws
 * {@link LetterTemplateError} listing every problem.
 */
export function validateLetterPacks(packs: Readonly<Record<string, LetterLanguagePack>>): void {
  const codes = {
    closureReasons: NO_FINDING_REASONS,
    findings: FINDINGS,
    penalties: Object.keys(PENALTY_CODES),
  };
  const problems: string[] = [];
  for (const [language, pack] of Object.entries(packs)) {
    for (const kind of LETTER_KINDS) {
      const template = (pack.templates as Partial<Record<LetterKind, LetterTemplate>>)[kind];
      if (!template) {
        problems.push(`${language}.${kind}: template missing`);
        continue;
      }
      const spec = LETTER_PLACEHOLDERS[kind];
      const text = `${template.subject}\n${template.body}`;
      const used = placeholdersOf(text);
      for (const name of used.filter((n) => !spec.allowed.includes(n))) {
        problems.push(`${language}.${kind}: unknown placeholder {${name}}`);
      }
      for (const name of spec.required.filter((n) => !used.includes(n))) {
        problems.push(`${language}.${kind}: missing placeholder {${name}}`);
      }
      if (/[{}]/.test(text.replace(PLACEHOLDER, ''))) {
        problems.push(`${language}.${kind}: unmatched brace`);
      }
    }
    if (!pack.officeName.trim()) {
      problems.push(`${language}.officeName: missing`);
    }
    const tables: Array<[string, Record<string, string>, readonly string[]]> = [
      ['delayReasons', pack.delayReasons, DELAY_REASONS],
      ['closureReasons', pack.closureReasons, codes.closureReasons],
      ['findings', pack.findings, codes.findings],
    ];
    for (const [name, table, keys] of tables) {
      for (const key of keys.filter((k) => !(table[k] ?? '').trim())) {
        problems.push(`${language}.${name}: no text for ${key}`);
      }
    }
    for (const code of codes.penalties.filter((c) => !/^0(0[1-9]|[12]\d|30)$/.test(c))) {
      if (!(pack.penalties[code] ?? '').trim()) {
        problems.push(`${language}.penalties: no text for ${code}`);
      }
    }
    for (const [name, text, needs] of [
      ['findingLine', pack.findingLine, ['category', 'finding']],
      ['disciplineLine', pack.disciplineLine, ['penalty']],
      ['suspension', pack.suspension, ['days']],
    ] as const) {
      const used = placeholdersOf(text);
      if (used.length !== needs.length || needs.some((n) => !used.includes(n))) {
        problems.push(`${language}.${name}: must use exactly {${needs.join('}, {')}}`);
      }
    }
  }
  if (problems.length > 0) {
    throw new LetterTemplateError(`Letter templates refused:\n  ${problems.join('\n  ')}`);
  }
}

/** Thrown when a letter would be rendered with a placeholder that has no value. */
export class LetterValueMissingError extends Error {
  constructor(readonly placeholder: string) {
    super(`The letter needs a value for {${placeholder}}.`);
  }
}

/** Fills `{name}` placeholders; a missing or empty value throws, it is never left blank. */
export function fillPlaceholders(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(PLACEHOLDER, (_m, name: string) => {
    const value = values[name];
    if (value === undefined || value.trim() === '') {
      throw new LetterValueMissingError(name);
    }
    return value;
  });
}

/** A rendered letter: what is stored in the outbox and sent. */
export interface RenderedLetter {
  subject: string;
  /** The whole text: salutation, body paragraphs, closing. */
  body: string;
}

/** Renders one kind in one language from its values. */
export function renderLetter(
  pack: LetterLanguagePack,
  kind: LetterKind,
  values: Readonly<Record<string, string>>,
): RenderedLetter {
  const template = pack.templates[kind];
  return {
    subject: fillPlaceholders(template.subject, values),
    body: [pack.salutation, fillPlaceholders(template.body, values), pack.closing].join('\n\n'),
  };
}

/** A local date ('YYYY-MM-DD') written out in the pack's language ("25 de septiembre de 2023"). */
export function writtenDate(pack: LetterLanguagePack, date: string): string {
  return new Intl.DateTimeFormat(pack.locale, { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${date}T12:00:00Z`),
  );
}

/** The words of a CPD penalty code in the pack's language. */
export function penaltyWords(pack: LetterLanguagePack, code: string): string {
  const days = /^0(0[1-9]|[12]\d|30)$/.test(code) ? Number(code) : null;
  return days !== null
    ? fillPlaceholders(pack.suspension, { days: String(days) })
    : (pack.penalties[code] ?? code);
}

/** The language a recipient is written to in: theirs when a pack exists, else the fallback. */
export function letterLanguage(
  packs: Readonly<Record<string, LetterLanguagePack>>,
  preferred: readonly (string | null | undefined)[],
  fallback: string,
): string {
  return preferred.find((l): l is string => !!l && Object.hasOwn(packs, l)) ?? fallback;
}

/**
 * Which letters an intermediary may receive for the person they act for, read from the consent
 * the person gave (the party's `consentScope`, free text at intake). Our reading, the ordinance
 * being silent: the consent must speak of passing on news or contact ("relay", "contact",
 * "news", "letters", "updates" or the Spanish "contacto", "noticias", "cartas", "avisos",
 * "comunicaciones"); then the procedural letters (acknowledgement, status notice, referral,
 * closure, request for information) may go to the intermediary. The outcome of an investigation
 * (findings, discipline) goes only when the consent names it ("outcome", "result", "findings" /
 * "resultado", "conclusiones"). When unsure, not: no consent, no letter.
 */
export function intermediaryMayReceive(consentScope: string | null, kind: LetterKind): boolean {
  const scope = (consentScope ?? '').toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
  const relays =
    /\b(relay|contact|news|letters?|updates?|correspondence|contacto|noticias|cartas?|avisos?|comunicacion(es)?)\b/.test(
      scope,
    );
  if (!relays) {
    return false;
  }
  if (kind === 'outcome') {
    return /\b(outcomes?|results?|findings?|resultados?|conclusion(es)?)\b/.test(scope);
  }
  return true;
}

/** A person the case holds, as far as choosing a letter's channel goes. */
export interface ChannelFacts {
  email?: string | null | undefined;
  address?: string | null | undefined;
  anonymous: boolean;
  /** The party asked that no letter go to a shelter or shared address (contactSafety). */
  noLettersToShelter: boolean;
  shelterResident: boolean;
  /** The person filed on the public form and can read the follow-my-complaint page. */
  holdsReceipt: boolean;
}

/**
 * How to reach a person: email when the case holds one; else paper to the postal address, unless
 * the person lives in a shelter and asked for no letters there (their safety first); else the
 * follow-my-complaint page when they filed there (an anonymous complainant or a shelter resident
 * sees the same notice after the passphrase); else nothing, with the reason.
 */
export function chooseChannel(
  p: ChannelFacts,
): { channel: LetterChannel } | { channel: null; failure: LetterFailure } {
  const given = (v: string | null | undefined): boolean => (v ?? '').trim() !== '';
  if (given(p.email)) {
    return { channel: 'email' };
  }
  if (given(p.address) && !(p.shelterResident && p.noLettersToShelter)) {
    return { channel: 'print' };
  }
  if (p.holdsReceipt) {
    return { channel: 'portal' };
  }
  return { channel: null, failure: p.anonymous ? 'anonymous' : 'no_address' };
}
