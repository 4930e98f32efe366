/**
 * A deadline's basis in words: the stable code and the sentence in English and Spanish that say
 * what a clock counts, from what and under which law. Written from a fresh clock's facts
 * (`clocks.ts`) or from a stored row's codes, so the texts every page shows are never stored.
 */
import type { DeadlineBasisCode, DeadlineKind } from '../../shared/enums.ts';
import { addMonths } from '../../shared/dates.ts';
import type { DeadlineAnchorKind } from './clocks.ts';
import type { JurisdictionProfile, LocalizedText } from './profiles/profile.ts';

/** What a deadline's basis is written from: a fresh clock's facts or a stored row's codes. */
export interface DeadlineBasisFacts {
  kind: DeadlineKind;
  anchor: { kind: DeadlineAnchorKind; date: string };
  /** 1 unless the clock repeats (six-month notices, quarterly reports). */
  sequence: number;
  /**
   * A six-month notice's place in its run (1 = the first notice counted from its anchor); the
   * sequence continues across runs once a reopening starts a new one. Defaults to `sequence`.
   */
  position?: number;
  /** The legal source cited, as stored with the deadline. */
  clause: string;
  /** Extensions granted, oldest first, with the due date each moved it to. */
  extensions?: ReadonlyArray<{ byDays: number; unit: 'calendar' | 'business'; dueDate: string }>;
  /** The Superintendent's +30 days were requested when the clock was computed (MCC 2-78-130). */
  extensionRequested?: boolean;
}

/** A deadline's basis: its stable code and the sentence in English and Spanish. */
export interface DeadlineBasis extends LocalizedText {
  code: DeadlineBasisCode;
}

const UNITS = {
  day: { en: ['day', 'days'], es: ['día', 'días'] },
  business_day: { en: ['business day', 'business days'], es: ['día hábil', 'días hábiles'] },
  calendar_day: {
    en: ['calendar day', 'calendar days'],
    es: ['día calendario', 'días calendario'],
  },
  month: { en: ['month', 'months'], es: ['mes', 'meses'] },
} as const;

/** "5 business days" / "5 días hábiles". */
function count(n: number, unit: keyof typeof UNITS): LocalizedText {
  const pick = (forms: readonly [string, string]) => `${n} ${n === 1 ? forms[0] : forms[1]}`;
  return { en: pick(UNITS[unit].en), es: pick(UNITS[unit].es) };
}

/** What a clock counts from, in words: "receipt" / "la recepción". */
const ANCHOR_WORDS: Record<DeadlineAnchorKind, LocalizedText> = {
  received: { en: 'receipt', es: 'la recepción' },
  incident: { en: 'the incident', es: 'el incidente' },
  investigation_started: {
    en: 'the start of the investigation',
    es: 'el inicio de la investigación',
  },
  reopened: { en: 'the reopening', es: 'la reapertura' },
  recommendation: { en: 'the recommendation', es: 'la recomendación' },
  request: { en: 'the request', es: 'la solicitud' },
  calendar: { en: 'the set date', es: 'la fecha fijada' },
};

function ordinal(n: number): string {
  const mod100 = n % 100;
  if (mod100 >= 11 && mod100 <= 13) {
    return `${n}th`;
  }
  switch (n % 10) {
    case 1:
      return `${n}st`;
    case 2:
      return `${n}nd`;
    case 3:
      return `${n}rd`;
    default:
      return `${n}th`;
  }
}

/**
 * The basis of a deadline in English and Spanish, written from its codes and dates (kind, anchor,
 * repetition, clause, extensions) and the profile's clock lengths. The one place these sentences
 * are written: new clocks carry them, and a stored deadline is described again from its row, so
 * what a page shows never depends on the English text a row happens to store (issue 15 defect 8).
 * Each sentence ends with the clause: public law or the agency's published rules only.
 */
export function deadlineBasis(f: DeadlineBasisFacts, profile: JurisdictionProfile): DeadlineBasis {
  const sentence = basisSentence(f, profile);
  const extensions = f.extensions ?? [];
  const unit = (u: 'calendar' | 'business') => (u === 'calendar' ? 'calendar_day' : 'business_day');
  return {
    code: sentence.code,
    en:
      `${sentence.en} (${f.clause})` +
      extensions
        .map((e) => `; extended by ${count(e.byDays, unit(e.unit)).en} to ${e.dueDate}`)
        .join(''),
    es:
      `${sentence.es} (${f.clause})` +
      extensions
        .map((e) => `; prorrogado ${count(e.byDays, unit(e.unit)).es} hasta el ${e.dueDate}`)
        .join(''),
  };
}

function basisSentence(f: DeadlineBasisFacts, profile: JurisdictionProfile): DeadlineBasis {
  const clocks = profile.clocks;
  const date = f.anchor.date;
  // an anchor kind a newer release wrote and this one does not know still reads as words
  const from = ANCHOR_WORDS[f.anchor.kind] ?? { en: 'its start', es: 'su inicio' };
  switch (f.kind) {
    case 'acknowledgement_letter': {
      const n = count(clocks.acknowledgementBusinessDays, 'business_day');
      return {
        code: 'acknowledgement_letter',
        en: `Acknowledgement letter within ${n.en} of ${from.en} on ${date}, in the complainant's language, saying which agency investigates`,
        es: `Carta de acuse de recibo dentro de ${n.es} desde ${from.es} del ${date}, en el idioma del denunciante, que indique qué agencia investiga`,
      };
    }
    case 'completion_benchmark': {
      const n = count(clocks.completionBenchmarkDays, 'calendar_day');
      return {
        code: 'completion_benchmark',
        en: `Investigation completion benchmark of ${n.en} from ${from.en} on ${date}`,
        es: `Plazo de referencia de ${n.es} para concluir la investigación, contados desde ${from.es} del ${date}`,
      };
    }
    case 'six_month_notice': {
      const months = clocks.sixMonthNoticeMonths;
      const due = count(clocks.sixMonthNoticeDueDays, 'day');
      // each mark is counted from the start, not chained from the previous mark (sixMonthNotice)
      const position = f.position ?? f.sequence;
      const mark = addMonths(date, months * position);
      if (position <= 1) {
        const m = count(months, 'month');
        return {
          code: 'six_month_notice',
          en: `Notice to the Mayor, Superintendent, Public Safety Committee chair, complainant and accused within ${due.en} after the investigation passes ${m.en} (${months}-month mark ${mark}, counted from ${from.en} on ${date})`,
          es: `Aviso al alcalde, al Superintendente, a la presidencia del Comité de Seguridad Pública del Concejo Municipal, al denunciante y al acusado dentro de ${due.es} después de que la investigación cumpla ${m.es} (marca de ${months} meses: ${mark}, contada desde ${from.es} del ${date})`,
        };
      }
      return {
        code: 'six_month_notice_update',
        en: `${ordinal(position - 1)} update of the ${months}-month notice, within ${due.en} after the ${months * position}-month mark ${mark} (counted from ${from.en} on ${date})`,
        es: `${position - 1}.ª actualización del aviso de ${months} meses, dentro de ${due.es} después de la marca de ${months * position} meses, ${mark} (contada desde ${from.es} del ${date})`,
      };
    }
    case 'superintendent_response': {
      const n = count(clocks.superintendentResponseDays, 'day');
      const base: LocalizedText = {
        en: `Superintendent's response within ${n.en} of ${from.en} on ${date}`,
        es: `Respuesta del Superintendente dentro de ${n.es} desde ${from.es} del ${date}`,
      };
      if (!f.extensionRequested) {
        return { code: 'superintendent_response', ...base };
      }
      const more = count(clocks.superintendentExtensionDays, 'day');
      const max = clocks.superintendentMaxDays;
      return {
        code: 'superintendent_response_extended',
        en: `${base.en}, extended on request by ${more.en} (${max} at most)`,
        es: `${base.es}, prorrogada a solicitud por ${more.es} (${max} como máximo)`,
      };
    }
    case 'video_release': {
      const n = count(clocks.videoReleaseDays, 'calendar_day');
      if (f.anchor.kind === 'received') {
        return {
          code: 'video_release_incident_unknown',
          en: `Release of video, audio and specified police reports within ${n.en} of the incident; the incident date is unknown, so counted from receipt on ${date} until it is recorded`,
          es: `Publicación de video, audio y los informes policiales especificados dentro de ${n.es} desde el incidente; como se desconoce la fecha del incidente, se cuenta desde la recepción del ${date} hasta que se registre`,
        };
      }
      return {
        code: 'video_release',
        en: `Release of video, audio and specified police reports within ${n.en} of ${from.en} on ${date}`,
        es: `Publicación de video, audio y los informes policiales especificados dentro de ${n.es} desde ${from.es} del ${date}`,
      };
    }
    case 'material_request': {
      const n = count(clocks.materialRequestDays, 'day');
      return {
        code: 'material_request',
        en: `Response to the complainant's request for materials within ${n.en} of ${from.en} on ${date}`,
        es: `Respuesta a la solicitud de materiales del denunciante dentro de ${n.es} desde ${from.es} del ${date}`,
      };
    }
    case 'annual_report': {
      // the report due in February covers the year before
      const year = Number(date.slice(0, 4));
      return {
        code: 'annual_report',
        en: `Annual report for ${year - 1} due ${date}`,
        es: `Informe anual de ${year - 1}, que vence el ${date}`,
      };
    }
    case 'quarterly_report': {
      const year = date.slice(0, 4);
      return {
        code: 'quarterly_report',
        en: `Quarterly report for Q${f.sequence} ${year} due ${date}`,
        es: `Informe del ${f.sequence}.º trimestre de ${year}, que vence el ${date}`,
      };
    }
  }
}
