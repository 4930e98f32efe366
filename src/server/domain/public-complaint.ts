import type { CaseIntakeRequest } from '../../shared/schemas/cases.ts';
import type { PartyInput } from '../../shared/schemas/parties.ts';
import type { PublicComplaintRequest, PublicLanguage } from '../../shared/schemas/public.ts';
import type { DeadlineKind, Vulnerability } from '../../shared/enums.ts';

/**
 * Turns the public complaint form into the one intake request every case goes through
 * (MCC §2-78-120(a): COPA registers every complaint, then routes it). Anonymous complaints are
 * valid and need no affidavit for complaints received on or after 2021-07-01
 * (50 ILCS 725/3.8(b)). No question about immigration status exists here or anywhere.
 */
export function toIntakeRequest(form: PublicComplaintRequest, receivedAt: Date): CaseIntakeRequest {
  const about = form.aboutPerson ?? {};
  const vulnerabilities: Vulnerability[] = [
    ...(about.minor ? (['minor'] as const) : []),
    ...(about.shelterResident ? (['shelter_resident'] as const) : []),
    ...(about.limitedEnglish ? (['limited_english'] as const) : []),
    ...(about.disability ? (['disability'] as const) : []),
  ];
  const contact = form.contact ?? {};
  const viaIntermediary = form.filedBy === 'intermediary';
  const person: PartyInput = {
    role: 'complainant',
    anonymous: form.anonymous,
    ...(form.anonymous ? {} : pick(contact, ['name', 'phone', 'email'])),
    language: form.language,
    ...(contact.preferredContact
      ? { contactChannel: contact.preferredContact }
      : viaIntermediary
        ? { contactChannel: 'through_intermediary' as const }
        : {}),
    contactSafety: {
      ...(contact.voicemailOk !== undefined ? { voicemailOk: contact.voicemailOk } : {}),
      ...(contact.lettersToShelter !== undefined
        ? { lettersToShelter: contact.lettersToShelter }
        : {}),
      ...(viaIntermediary
        ? { throughIntermediaryOnly: contact.preferredContact === undefined }
        : {}),
    },
    vulnerabilities,
  };
  const parties: PartyInput[] = [person];
  if (viaIntermediary && form.intermediary) {
    const i = form.intermediary;
    parties.push({
      role: 'intermediary',
      anonymous: false,
      name: i.name,
      organization: i.organization,
      consentScope: i.consentScope,
      ...(i.phone ? { phone: i.phone } : {}),
      ...(i.email ? { email: i.email } : {}),
      language: form.language,
      vulnerabilities: [],
    });
  }
  // witnesses are parties like any other: their identities are encrypted at rest, never public
  for (const w of form.witnesses) {
    parties.push({ role: 'witness', anonymous: false, ...w, vulnerabilities: [] });
  }
  const incident = form.incident ?? {};
  const hasIncident = Object.values(incident).some((v) => v !== undefined && v !== '');
  return {
    caseType: 'complaint',
    channel: viaIntermediary ? 'intermediary' : 'online',
    receivedAt: receivedAt.toISOString(),
    narrative: form.narrative,
    ...(hasIncident
      ? {
          incident: {
            ...(incident.occurredAt ? { occurredAt: incident.occurredAt } : {}),
            ...(incident.address ? { address: incident.address } : {}),
            ...(incident.district ? { district: incident.district } : {}),
          },
        }
      : {}),
    categories: form.categories,
    // the officers as the person named them are reported officers; who they are is for the
    // investigation to establish, so the officers stay unknown (docs/domain.md "Reported officers")
    officersUnknown: true,
    seriousInjuryOrDeath: false,
    inCustody: false,
    flags: [],
    parties,
    reportedOfficers: form.officers,
  };
}

function pick<T extends object, K extends keyof T>(o: T, keys: K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const k of keys) {
    if (o[k] !== undefined) {
      out[k] = o[k];
    }
  }
  return out;
}

/** What the acknowledgement must say (MCC 2-78-120; COPA Rules: in the complainant's language). */
export interface AcknowledgementInput {
  language: PublicLanguage;
  logNumber: string;
  /** Local calendar date of receipt. */
  receivedDate: string;
  /** The investigating agency's name in `language`, from the profile's `agencies`. */
  agencyName: string;
  confirmationNumber: string;
}

/**
 * The acknowledgement shown once after filing, in the chosen language: it says which agency
 * investigates, as the acknowledgement letter must (PRODUCT.md §4 clocks).
 */
export function acknowledgementText(a: AcknowledgementInput): string {
  const agency = a.agencyName;
  if (a.language === 'es') {
    return (
      `Recibimos su queja el ${a.receivedDate}. Su número de registro es ${a.logNumber}. ` +
      `La investiga ${agency}. ` +
      `Guarde su número de confirmación ${a.confirmationNumber} y su frase de acceso: ` +
      `solo se muestran esta vez y los necesita para seguir su queja o agregar información. ` +
      `Nunca le preguntaremos por su situación migratoria.`
    );
  }
  return (
    `We received your complaint on ${a.receivedDate}. Your log number is ${a.logNumber}. ` +
    `It is investigated by ${agency}. ` +
    `Keep your confirmation number ${a.confirmationNumber} and your passphrase: they are shown ` +
    `only this once, and you need them to follow your complaint or add information. ` +
    `We will never ask about your immigration status.`
  );
}

/** Clocks that are a letter to the complainant alone: shown only to one who can receive it. */
export const LETTER_CLOCKS: readonly DeadlineKind[] = ['acknowledgement_letter'];

/** Clocks a complainant is owed news about, in the order they matter to them. */
export const COMPLAINANT_CLOCKS: readonly DeadlineKind[] = [
  'acknowledgement_letter',
  'six_month_notice',
  'completion_benchmark',
  'superintendent_response',
  'video_release',
];

/**
 * The next open clock of interest to the complainant: the earliest unmet one of those kinds,
 * leaving out a letter's clock when the office cannot write to them (`receivesLetters`): a
 * deadline for a letter that can never arrive is a promise the page must not make.
 */
export function nextComplainantClock<
  T extends { kind: string; due_date: string; met_at: Date | null },
>(deadlines: readonly T[], lettersReachThem = true): T | null {
  const kinds = COMPLAINANT_CLOCKS.filter((k) => lettersReachThem || !LETTER_CLOCKS.includes(k));
  const open = deadlines
    .filter((d) => d.met_at === null && (kinds as readonly string[]).includes(d.kind))
    .sort((a, b) => a.due_date.localeCompare(b.due_date));
  return open[0] ?? null;
}
