import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { en, type MessageKey } from './en.ts';
import { es } from './es.ts';
import { instantOfLocalDateTime, localDateTime } from '../../shared/dates.ts';

/** The interface languages (PRODUCT.md §6: English and Spanish for everything). */
export type Lang = 'en' | 'es';
const catalogs: Record<Lang, Record<MessageKey, string>> = { en, es };
const STORAGE_KEY = 'oversight.lang';
/** Dates and times are shown in the jurisdiction's zone, whatever the browser's. */
export const TIME_ZONE = 'America/Chicago';

/** Label prefixes of stable codes (`status.intake`, `category.bias`). */
export type LabelPrefix =
  | 'status'
  | 'redactionKind'
  | 'caseType'
  | 'channel'
  | 'notificationType'
  | 'category'
  | 'partyRole'
  | 'vulnerability'
  | 'contactChannel'
  | 'language'
  | 'finding'
  | 'dutyAction'
  | 'dutyStage'
  | 'track'
  | 'agencyRole'
  | 'assignmentRole'
  | 'activityKind'
  | 'deadlineKind'
  | 'deadlineAnchor'
  | 'reason'
  | 'flag'
  | 'restriction'
  | 'facility.kind'
  | 'sort'
  | 'reportedStatus'
  | 'reportedSource'
  | 'letterKind'
  | 'letterChannel'
  | 'letterStatus'
  | 'letterFailure'
  | 'letterRecipient'
  | 'delayReason'
  | 'alertStatus';

export interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  /** A message with `{name}` placeholders filled. */
  t: (key: MessageKey, vars?: Record<string, string | number>) => string;
  /** The label of a stable code; unknown (legacy) codes are shown as they are. */
  label: (prefix: LabelPrefix, code: string | null | undefined) => string;
  /** A server or client field message in the interface language. */
  fieldMessage: (message: string) => string;
  /**
   * A text the server writes in both languages (a routing explanation, a deadline's or a
   * redaction's basis: `basis` and `basisEs`), in the interface language.
   */
  bilingual: (en: string, es: string) => string;
  date: (value: string | null | undefined) => string;
  dateTime: (value: string | null | undefined) => string;
}

const I18nContext = createContext<I18n | null>(null);

function initialLang(): Lang {
  const stored = window.localStorage.getItem(STORAGE_KEY);
  if (stored === 'en' || stored === 'es') {
    return stored;
  }
  return navigator.language.toLowerCase().startsWith('es') ? 'es' : 'en';
}

/**
 * Server messages (zod and command messages, English) mapped to catalog keys. Unknown messages
 * show as sent in English and as a generic message in Spanish, never untranslated.
 */
const FIELD_MESSAGES: ReadonlyArray<[RegExp, MessageKey]> = [
  [/must not be in the future/, 'field.future'],
  [/when anonymous is true/, 'field.anonymousIdentity'],
  [/is not a photo/, 'field.fileType'],
  [/larger than \d+ MiB/, 'field.fileTooBig'],
  [/^is empty$/, 'field.fileEmpty'],
  [/must not be after receivedAt/, 'field.afterReceipt'],
  [/3-digit district/, 'field.district'],
  [/digit beat/, 'field.beat'],
  [/star number/, 'field.star'],
  [/give (a roster member, )?a name, a star or a description/, 'field.officerSomething'],
  [/give a name, a phone or an email/, 'field.witnessSomething'],
  [/required for a notification/, 'field.notificationRequired'],
  [/only for caseType notification/, 'field.notificationOnly'],
  [/exactly one of memberId/, 'field.oneMember'],
  [/required when stage is decided/, 'field.decidedBy'],
  [/penalty code/, 'field.penalty'],
  [/not a recognized field/, 'field.unknownField'],
  [/two-letter language/, 'field.language'],
  [/must be en \(English\) or es \(Spanish\)/, 'field.publicLanguage'],
  [/at least one finding/, 'field.oneFinding'],
  [/[Ii]nvalid email/, 'field.email'],
  [/[Ii]nvalid ISO datetime|datetime/, 'field.dateTime'],
  [/Too big|too long/i, 'field.tooLong'],
  [/Too small|expected .* received undefined|[Rr]equired/, 'field.required'],
];

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const setLang = useCallback((next: Lang) => {
    window.localStorage.setItem(STORAGE_KEY, next);
    setLangState(next);
  }, []);
  const value = useMemo<I18n>(() => {
    const catalog = catalogs[lang];
    const t = (key: MessageKey, vars?: Record<string, string | number>): string => {
      const text = catalog[key];
      return vars ? text.replace(/\{(\w+)\}/g, (m, name: string) => String(vars[name] ?? m)) : text;
    };
    const locale = lang === 'es' ? 'es-US' : 'en-US';
    const dateFormat = new Intl.DateTimeFormat(locale, {
      timeZone: TIME_ZONE,
      dateStyle: 'medium',
    });
    const dateTimeFormat = new Intl.DateTimeFormat(locale, {
      timeZone: TIME_ZONE,
      dateStyle: 'medium',
      timeStyle: 'short',
    });
    return {
      lang,
      setLang,
      t,
      label(prefix, code) {
        if (code === null || code === undefined || code === '') {
          return '—';
        }
        const key = `${prefix}.${code}`;
        return key in catalog ? catalog[key as MessageKey] : code;
      },
      fieldMessage(message) {
        const hit = FIELD_MESSAGES.find(([re]) => re.test(message));
        if (hit) {
          return t(hit[1]);
        }
        return lang === 'en' ? message : t('field.generic');
      },
      bilingual(en, es) {
        return lang === 'es' ? es : en;
      },
      date(value) {
        if (!value) {
          return '—';
        }
        // a calendar date is a day, not an instant: format it without shifting the zone
        const d = /^\d{4}-\d{2}-\d{2}$/.test(value)
          ? new Date(`${value}T12:00:00Z`)
          : new Date(value);
        return /^\d{4}-\d{2}-\d{2}$/.test(value)
          ? new Intl.DateTimeFormat(locale, { timeZone: 'UTC', dateStyle: 'medium' }).format(d)
          : dateFormat.format(d);
      },
      dateTime(value) {
        return value ? dateTimeFormat.format(new Date(value)) : '—';
      },
    };
  }, [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The interface language and its messages. */
export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) {
    throw new Error('useI18n outside I18nProvider');
  }
  return value;
}

/**
 * The instant of a Chicago wall-clock time typed in a `datetime-local` input (`2023-09-18T10:12`),
 * as ISO 8601 UTC (shared/dates.ts, the server's arithmetic). Anything else is sent as typed, for
 * the server to refuse with a field message.
 */
export function chicagoToIso(local: string): string {
  return instantOfLocalDateTime(local, TIME_ZONE)?.toISOString() ?? local;
}

/** Now as a Chicago `datetime-local` value, for default form values. */
export function nowChicagoLocal(): string {
  return isoToChicagoLocal(new Date().toISOString());
}

/** An instant as the Chicago `datetime-local` value that shows it (`2023-09-18T10:12`). */
export function isoToChicagoLocal(iso: string): string {
  return localDateTime(new Date(iso), TIME_ZONE);
}
