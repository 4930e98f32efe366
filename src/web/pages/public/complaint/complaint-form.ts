import { CATEGORIES } from '../../../../shared/enums.ts';
import type { Category } from '../../../../shared/enums.ts';
import type { ComplaintBody } from '../../../api/public-client.ts';
import type { FieldTargets } from '../../../components/problems.tsx';
import { chicagoToIso } from '../../../i18n/i18n.tsx';
import type { Lang, useI18n } from '../../../i18n/i18n.tsx';
import type { MessageKey } from '../../../i18n/en.ts';
import { partIfGiven } from '../../../components/form/body.ts';

/** What the form holds while it is typed (strings; empty means not given). */
export interface ComplaintForm {
  filedBy: 'self' | 'intermediary';
  anonymous: boolean;
  name: string;
  phone: string;
  email: string;
  orgName: string;
  orgPerson: string;
  consentScope: string;
  orgPhone: string;
  orgEmail: string;
  categories: Category[];
  narrative: string;
  occurredAt: string;
  address: string;
  district: string;
  language: Lang;
  /** Chosen files, already read as base64. */
  files: Array<{ name: string; size: number; data: string }>;
  /** Officers as the person knows them (stored as reported officers, never public). */
  officers: OfficerEntry[];
  /** Witnesses (parties with encrypted identities, never public). */
  witnesses: WitnessEntry[];
}

export interface OfficerEntry {
  name: string;
  star: string;
  description: string;
}
export interface WitnessEntry {
  name: string;
  phone: string;
  email: string;
}

/** The server's limits (domain/attachments.ts), checked here first so nobody waits for a refusal. */
export const MAX_FILES = 5;
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
export const ACCEPT =
  'image/jpeg,image/png,image/gif,image/webp,image/heic,application/pdf,video/mp4,video/quicktime,audio/mpeg,audio/mp4,.heic,.m4a,.mov';

/** A file's bytes as base64, in chunks (String.fromCharCode cannot take 5 MiB at once). */
export async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return window.btoa(binary);
}

const opt = (s: string): string | undefined => (s.trim() === '' ? undefined : s.trim());
const anyGiven = (...values: string[]): boolean => values.some((v) => v.trim() !== '');

/** The request body: only what was typed; contact details are dropped for an anonymous filing. */
export function toBody(f: ComplaintForm): ComplaintBody {
  return {
    language: f.language,
    narrative: f.narrative,
    files: f.files.map(({ name, data }) => ({ name, data })),
    categories: f.categories,
    anonymous: f.anonymous,
    filedBy: f.filedBy,
    ...partIfGiven('incident', {
      occurredAt: f.occurredAt ? chicagoToIso(f.occurredAt) : undefined,
      address: opt(f.address),
      district: opt(f.district),
    }),
    ...(!f.anonymous
      ? { contact: { name: opt(f.name), phone: opt(f.phone), email: opt(f.email) } }
      : {}),
    // an entry added and left blank gives nothing: it is not sent
    officers: f.officers
      .filter((o) => anyGiven(o.name, o.star, o.description))
      .map((o) => ({ name: opt(o.name), star: opt(o.star), description: opt(o.description) })),
    witnesses: f.witnesses
      .filter((w) => anyGiven(w.name, w.phone, w.email))
      .map((w) => ({ name: opt(w.name), phone: opt(w.phone), email: opt(w.email) })),
    ...(f.filedBy === 'intermediary'
      ? {
          intermediary: {
            organization: f.orgName,
            name: f.orgPerson,
            consentScope: f.consentScope,
            phone: opt(f.orgPhone),
            email: opt(f.orgEmail),
          },
        }
      : {}),
  };
}

export function initialForm(language: Lang): ComplaintForm {
  return {
    filedBy: 'self',
    anonymous: true,
    name: '',
    phone: '',
    email: '',
    orgName: '',
    orgPerson: '',
    consentScope: '',
    orgPhone: '',
    orgEmail: '',
    categories: [],
    narrative: '',
    occurredAt: '',
    address: '',
    district: '',
    language,
    files: [],
    officers: [],
    witnesses: [],
  };
}

/** The typed fields of the form that are one control each. */
export type Typed = Exclude<
  keyof ComplaintForm,
  'filedBy' | 'anonymous' | 'categories' | 'files' | 'officers' | 'witnesses'
>;

/** Each typed field's control id, the path of its errors in the request body, and its label. */
export const CONTROLS: Record<Typed, { id: string; path: string; label: MessageKey }> = {
  name: { id: 'contact-name', path: 'contact.name', label: 'pub.complaint.contact.name' },
  phone: { id: 'contact-phone', path: 'contact.phone', label: 'pub.complaint.contact.phone' },
  email: { id: 'contact-email', path: 'contact.email', label: 'pub.complaint.contact.email' },
  orgName: {
    id: 'intermediary-organization',
    path: 'intermediary.organization',
    label: 'pub.complaint.intermediary.organization',
  },
  orgPerson: {
    id: 'intermediary-name',
    path: 'intermediary.name',
    label: 'pub.complaint.intermediary.name',
  },
  consentScope: {
    id: 'intermediary-consent',
    path: 'intermediary.consentScope',
    label: 'pub.complaint.intermediary.consent',
  },
  orgPhone: {
    id: 'intermediary-phone',
    path: 'intermediary.phone',
    label: 'pub.complaint.intermediary.phone',
  },
  orgEmail: {
    id: 'intermediary-email',
    path: 'intermediary.email',
    label: 'pub.complaint.intermediary.email',
  },
  narrative: { id: 'narrative', path: 'narrative', label: 'pub.complaint.narrative' },
  occurredAt: {
    id: 'incident-when',
    path: 'incident.occurredAt',
    label: 'pub.complaint.incident.when',
  },
  address: {
    id: 'incident-where',
    path: 'incident.address',
    label: 'pub.complaint.incident.where',
  },
  district: {
    id: 'incident-district',
    path: 'incident.district',
    label: 'pub.complaint.incident.district',
  },
  language: { id: 'language', path: 'language', label: 'pub.complaint.language' },
};

/** Each error path → the control the error summary links to, with its label. */
export function targetsOf(t: ReturnType<typeof useI18n>['t']): FieldTargets {
  const targets: FieldTargets = {
    contact: { id: 'contact-name', label: t('pub.complaint.identity.legend') },
    intermediary: {
      id: 'intermediary-organization',
      label: t('pub.complaint.intermediary.legend'),
    },
    categories: { id: `category-${CATEGORIES[0]}`, label: t('pub.complaint.categories.legend') },
    files: { id: 'files', label: t('pub.complaint.files.label') },
  };
  for (const c of Object.values(CONTROLS)) {
    targets[c.path] = { id: c.id, label: t(c.label) };
  }
  return targets;
}
