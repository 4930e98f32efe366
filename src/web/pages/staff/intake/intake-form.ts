import type {
  CaseType,
  Category,
  Channel,
  NotificationType,
  PartyRole,
  Vulnerability,
} from '../../../../shared/enums.ts';
import type { IntakeBody } from '../../../api/client.ts';
import { chicagoToIso, nowChicagoLocal, type useI18n } from '../../../i18n/i18n.tsx';
import type { MessageKey } from '../../../i18n/en.ts';
import { partIfGiven } from '../../../components/form/body.ts';

/** What the intake wizard holds while it is typed, and the request body it makes. */

export const CONTACT_CHANNELS = [
  'phone',
  'email',
  'mail',
  'in_person',
  'through_intermediary',
  'none',
] as const;
export const LANGUAGES = ['en', 'es', 'pl', 'zh', 'ar'] as const;

export interface PartyForm {
  role: PartyRole;
  anonymous: boolean;
  name: string;
  phone: string;
  email: string;
  organization: string;
  consentScope: string;
  language: string;
  contactChannel: string;
  vulnerabilities: Vulnerability[];
  lettersToShelter: boolean;
  voicemailOk: boolean;
  throughIntermediaryOnly: boolean;
  safetyNotes: string;
}

/**
 * An officer the complainant names (docs/domain.md "Reported officers"): a roster member intake
 * identified, or the name, star and description as given. Stored as a reported officer; an
 * investigator confirms it into an allegation.
 */
export interface OfficerForm {
  memberId?: string;
  /** The roster's line for the member, shown to tell officers apart; not sent. */
  roster?: string;
  name: string;
  star: string;
  description: string;
}

export interface IntakeForm {
  caseType: CaseType;
  notificationType: NotificationType | '';
  channel: Channel;
  receivedAt: string;
  narrative: string;
  occurredAt: string;
  address: string;
  beat: string;
  district: string;
  facilityCode: string;
  categories: Category[];
  officersUnknown: boolean;
  seriousInjuryOrDeath: boolean;
  inCustody: boolean;
  parties: PartyForm[];
  officers: OfficerForm[];
  /** An officer not in the roster, being typed; kept when the step is left (never dropped). */
  draftOfficer: { name: string; star: string; description: string };
}

export const NO_DRAFT = { name: '', star: '', description: '' };

/**
 * The form with the officer being typed added to the officers: leaving the officers step with
 * words typed and "Add this officer" not pressed keeps them, for the review to show.
 */
export function withDraftOfficer(f: IntakeForm): IntakeForm {
  const d = f.draftOfficer;
  if ([d.name, d.star, d.description].every((v) => v.trim() === '')) {
    return f;
  }
  return { ...f, officers: [...f.officers, { ...d }], draftOfficer: NO_DRAFT };
}

export const STEPS: MessageKey[] = [
  'intake.step.case',
  'intake.step.incident',
  'intake.step.people',
  'intake.step.officers',
  'intake.step.review',
];

export function emptyParty(): PartyForm {
  return {
    role: 'complainant',
    anonymous: false,
    name: '',
    phone: '',
    email: '',
    organization: '',
    consentScope: '',
    language: '',
    contactChannel: '',
    vulnerabilities: [],
    lettersToShelter: false,
    voicemailOk: false,
    throughIntermediaryOnly: false,
    safetyNotes: '',
  };
}

export function initialForm(): IntakeForm {
  return {
    caseType: 'complaint',
    notificationType: '',
    channel: 'phone',
    receivedAt: nowChicagoLocal(),
    narrative: '',
    occurredAt: '',
    address: '',
    beat: '',
    district: '',
    facilityCode: '',
    categories: [],
    officersUnknown: false,
    seriousInjuryOrDeath: false,
    inCustody: false,
    parties: [],
    officers: [],
    draftOfficer: NO_DRAFT,
  };
}

const opt = (v: string): string | undefined => (v.trim() === '' ? undefined : v);

/** The request body the form describes (empty fields left out). */
export function bodyOf(f: IntakeForm): IntakeBody {
  return {
    caseType: f.caseType,
    channel: f.channel,
    receivedAt: f.receivedAt ? chicagoToIso(f.receivedAt) : '',
    narrative: f.narrative,
    ...partIfGiven('incident', {
      occurredAt: f.occurredAt ? chicagoToIso(f.occurredAt) : undefined,
      address: opt(f.address),
      beat: opt(f.beat),
      district: opt(f.district),
      facilityCode: opt(f.facilityCode),
    }),
    categories: f.categories,
    ...(f.caseType === 'notification' && f.notificationType
      ? { notificationType: f.notificationType }
      : {}),
    officersUnknown: f.officersUnknown,
    seriousInjuryOrDeath: f.seriousInjuryOrDeath,
    inCustody: f.inCustody,
    parties: f.parties.map((p) => {
      const safety = {
        ...(p.lettersToShelter ? { lettersToShelter: true } : {}),
        ...(p.voicemailOk ? { voicemailOk: true } : {}),
        ...(p.throughIntermediaryOnly ? { throughIntermediaryOnly: true } : {}),
        ...(p.safetyNotes.trim() ? { notes: p.safetyNotes } : {}),
      };
      return {
        role: p.role,
        anonymous: p.anonymous,
        ...(p.anonymous ? {} : { name: opt(p.name), phone: opt(p.phone), email: opt(p.email) }),
        organization: opt(p.organization),
        consentScope: opt(p.consentScope),
        language: opt(p.language),
        contactChannel: opt(p.contactChannel) as (typeof CONTACT_CHANNELS)[number] | undefined,
        vulnerabilities: p.vulnerabilities,
        ...(Object.keys(safety).length > 0 ? { contactSafety: safety } : {}),
      };
    }),
    reportedOfficers: f.officers.map((o) => ({
      ...(o.memberId ? { memberId: o.memberId } : {}),
      name: opt(o.name),
      star: opt(o.star),
      description: opt(o.description),
    })),
  };
}

/** Which wizard step holds a field path. */
export function stepOf(field: string): number {
  if (
    field.startsWith('incident') ||
    field.startsWith('categories') ||
    field === 'officersUnknown'
  ) {
    return 1;
  }
  if (field.startsWith('parties')) {
    return 2;
  }
  if (field.startsWith('reportedOfficers')) {
    return 3;
  }
  return 0;
}

/** How an officer the complainant named reads in lists and in the review summary. */
export function officerLine(t: ReturnType<typeof useI18n>['t'], o: OfficerForm): string {
  const given = [
    o.name.trim(),
    o.star.trim() ? t('intake.officer.star', { star: o.star.trim() }) : '',
    o.description.trim(),
  ].filter(Boolean);
  return o.roster
    ? [o.roster, ...given.map((g) => `“${g}”`)].join(' — ')
    : `${given.join(' · ')} (${t('intake.officer.notInRoster')})`;
}

/** What each step of the wizard is given: the form, a patcher and the field errors by path. */
export interface StepProps {
  form: IntakeForm;
  update: (patch: Partial<IntakeForm>) => void;
  fields: Record<string, string>;
}
