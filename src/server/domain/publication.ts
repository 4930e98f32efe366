import { CATEGORIES, type CaseStatus, type Category } from '../../shared/enums.ts';
import type { PublicVisibility } from '../../shared/schemas/public.ts';
import { CONCLUDED } from './transition.ts';
import type { AgencyRoles, LocalizedText } from './profiles/profile.ts';

/*
 * What the public may see of a case (PRODUCT.md §4 Publication). Pure rules; the public
 * presenters apply them and the response schemas strip anything else.
 */

/** The facts publication depends on. */
export interface PublicationFacts {
  leadAgency: string;
  /** Every agency with a track on the case. */
  agencies: readonly string[];
  restricted: boolean;
}

/**
 * The oversight agency (COPA) publishes its cases; for a case only internal affairs (BIA) works, the portal shows the log number and the
 * status; a restricted case (sexual misconduct, domestic violence, a minor or shelter-resident
 * party) shows category and status only — besides what names no one, the agencies working it and
 * disclosed duty-status decisions (issue 22), and never a stage date or date received. The most
 * protective rule wins.
 */
export function publicVisibility(f: PublicationFacts, agencies: AgencyRoles): PublicVisibility {
  const oversight = f.leadAgency === agencies.oversight || f.agencies.includes(agencies.oversight);
  if (!oversight) {
    return 'status_only';
  }
  return f.restricted ? 'category_and_status' : 'full';
}

// the stage machine owns which stages are concluded (the stages for which COPA publishes its
// summary report, MCC 2-78-145; department review is not: its findings are recommendations before
// the Superintendent, MCC 2-78-130); re-exported for the publication rules' users
export { CONCLUDED };

/** Why a narrative is not published, as a stable code; null when it may be (redacted). */
export type NarrativeWithholding = 'open_investigation' | 'not_public' | 'no_narrative' | null;

/**
 * A narrative is published, redacted, only for a fully public case whose investigation is
 * concluded: before that it is investigative material whose release could interfere with the
 * investigation (Illinois FOIA, 5 ILCS 140/7(1)(d)).
 */
export function narrativeWithholding(
  visibility: PublicVisibility,
  status: CaseStatus,
  narrative: string,
): NarrativeWithholding {
  if (visibility !== 'full') {
    return 'not_public';
  }
  if (!CONCLUDED.has(status)) {
    return 'open_investigation';
  }
  return narrative.trim() === '' ? 'no_narrative' : null;
}

/** Every reason a case page gives for not showing a narrative, as a stable code. */
export type NarrativeWithheldReason =
  | Exclude<NarrativeWithholding, null>
  /** Redacted, the text still held a value the case knows as an identity (redaction/publish.ts). */
  | 'identity_check_failed'
  /** No person has approved this version of the narrative yet (narrative-review.ts). */
  | 'not_reviewed';

/** Why a narrative is not shown, in the public's words, English and Spanish, citing public law. */
export const NARRATIVE_WITHHELD_BASIS: Record<NarrativeWithheldReason, LocalizedText> = {
  open_investigation: {
    en: 'The narrative is not published while the investigation is open: it is investigative material whose release could interfere with the investigation (Illinois FOIA, 5 ILCS 140/7(1)(d))',
    es: 'El relato no se publica mientras la investigación está abierta: es material de investigación cuya divulgación podría interferir con ella (Ley de Libertad de Información de Illinois (FOIA), 5 ILCS 140/7(1)(d))',
  },
  not_public: {
    en: 'The narrative of this case is not published: narratives are published only for cases the Civilian Office of Police Accountability investigates, and never where publication could identify a person the law protects (Illinois FOIA, 5 ILCS 140/7(1)(c))',
    es: 'El relato de este caso no se publica: solo se publican relatos de casos que investiga la Oficina Civil de Rendición de Cuentas Policiales, y nunca cuando podrían identificar a una persona que la ley protege (Ley de Libertad de Información de Illinois (FOIA), 5 ILCS 140/7(1)(c))',
  },
  no_narrative: {
    en: 'This case has no narrative to publish',
    es: 'Este caso no tiene relato que publicar',
  },
  identity_check_failed: {
    en: 'The narrative is withheld: even redacted, it could still identify a person (Illinois FOIA, 5 ILCS 140/7(1)(c))',
    es: 'El relato se retiene: aun con las supresiones, podría identificar a una persona (Ley de Libertad de Información de Illinois (FOIA), 5 ILCS 140/7(1)(c))',
  },
  not_reviewed: {
    en: 'Narrative not yet reviewed for publication: the office publishes a narrative only after a person has checked that it identifies no one (Illinois FOIA, 5 ILCS 140/7(1)(c))',
    es: 'Relato aún no revisado para su publicación: la oficina publica un relato solo después de que una persona haya comprobado que no identifica a nadie (Ley de Libertad de Información de Illinois (FOIA), 5 ILCS 140/7(1)(c))',
  },
};

/** The basis cited when discipline is withheld, English and Spanish. */
export const DISCIPLINE_WITHHELD_BASIS: LocalizedText = {
  en: 'Discipline more than 4 years old is not released (Illinois Personnel Record Review Act, 820 ILCS 40/8)',
  es: 'Las sanciones disciplinarias de más de 4 años no se divulgan (Ley de Revisión de Expedientes de Personal de Illinois, 820 ILCS 40/8)',
};

/**
 * Illinois Personnel Record Review Act, 820 ILCS 40/8: before releasing a personnel record to a
 * third party, the employer deletes records of disciplinary action more than 4 years old. A
 * penalty is dated by the day it was decided (the decision date of the finding row that carries
 * it: docs/domain.md); one decided more than four years before `today` is withheld, one decided
 * exactly four years before is still released. Dates are 'YYYY-MM-DD'.
 */
export function disciplineReleasable(disciplineDate: string, today: string): boolean {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  // four calendar years back; 29 February falls back to 28 February
  const cutoffYear = y - 4;
  const cutoff =
    m === 2 && d === 29
      ? `${cutoffYear}-02-28`
      : `${cutoffYear}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return disciplineDate >= cutoff;
}

/** Penalties that are no discipline at all (violation noted, no action), not withheld. */
const NOT_DISCIPLINE = new Set(['600', '601']);

/**
 * The public penalty fields: the code, or null with the basis (English, Spanish) when withheld.
 * Discipline whose decision date is unknown (null) is withheld: it cannot be shown to be within
 * four years.
 */
export function publicPenalty(
  penalty: string | null,
  disciplineDate: string | null,
  today: string,
): { penalty: string | null; penaltyWithheld: string | null; penaltyWithheldEs: string | null } {
  if (penalty === null || NOT_DISCIPLINE.has(penalty)) {
    return { penalty, penaltyWithheld: null, penaltyWithheldEs: null };
  }
  if (disciplineDate !== null && disciplineReleasable(disciplineDate, today)) {
    return { penalty, penaltyWithheld: null, penaltyWithheldEs: null };
  }
  return {
    penalty: null,
    penaltyWithheld: DISCIPLINE_WITHHELD_BASIS.en,
    penaltyWithheldEs: DISCIPLINE_WITHHELD_BASIS.es,
  };
}

/**
 * Whether a case's findings and penalties may be published: only once it is concluded
 * ({@link CONCLUDED}). Before, a recommended finding is the investigating agency's proposal, not
 * an outcome, and a final finding recorded in department review is not yet in a final summary
 * report (MCC 2-78-145); releasing either could interfere with the pending proceeding (Illinois
 * FOIA, 5 ILCS 140/7(1)(d)). Every public output (case page, export, statistics) asks this.
 */
export function findingsPublished(status: CaseStatus): boolean {
  return CONCLUDED.has(status);
}

/** One allegation's current findings and penalties, with the day each was decided. */
export interface AllegationOutcome {
  recommendedFinding: string | null;
  recommendedPenalty: string | null;
  /** Decision date of the current recommended finding ('YYYY-MM-DD'), null when none. */
  recommendedOn: string | null;
  finalFinding: string | null;
  finalPenalty: string | null;
  /** Decision date of the current final finding ('YYYY-MM-DD'), null when none. */
  finalOn: string | null;
}

/** What the public sees of an allegation's outcome. */
export interface PublicOutcome {
  recommendedFinding: string | null;
  finalFinding: string | null;
  /** The penalty code (final, else recommended); null when none, withheld or not yet public. */
  penalty: string | null;
  /** The basis when discipline is withheld under 820 ILCS 40/8. */
  penaltyWithheld: string | null;
  /** The same basis in Spanish. */
  penaltyWithheldEs: string | null;
}

/**
 * The public outcome of an allegation, the one rule every public output applies: nothing before
 * the case is concluded ({@link findingsPublished}); then the findings, and the penalty (final,
 * else recommended) unless the Personnel Record Review Act withholds it, dated by the decision of
 * the finding that carries it ({@link publicPenalty}).
 */
export function publicOutcome(
  status: CaseStatus,
  a: AllegationOutcome,
  today: string,
): PublicOutcome {
  if (!findingsPublished(status)) {
    return {
      recommendedFinding: null,
      finalFinding: null,
      penalty: null,
      penaltyWithheld: null,
      penaltyWithheldEs: null,
    };
  }
  const fromFinal = a.finalPenalty !== null;
  return {
    recommendedFinding: a.recommendedFinding,
    finalFinding: a.finalFinding,
    ...publicPenalty(
      fromFinal ? a.finalPenalty : a.recommendedPenalty,
      fromFinal ? a.finalOn : a.recommendedOn,
      today,
    ),
  };
}

/**
 * A case's primary category for statistics: the first of its categories in the profile's order
 * (most serious first), or `unknown`. One per case, so the statistics grid partitions cases.
 */
export function primaryCategory(categories: readonly string[]): Category {
  const set = new Set(categories);
  return CATEGORIES.find((c) => set.has(c)) ?? 'unknown';
}

/** Buckets of days from receipt to closing, in order. */
export const DAYS_TO_CLOSE_BUCKETS = [
  '0-30',
  '31-90',
  '91-180',
  '181-365',
  '366-730',
  '731+',
] as const;

/** The bucket of a number of days to close. */
export function daysToCloseBucket(days: number): (typeof DAYS_TO_CLOSE_BUCKETS)[number] {
  if (days <= 30) {
    return '0-30';
  }
  if (days <= 90) {
    return '31-90';
  }
  if (days <= 180) {
    return '91-180';
  }
  if (days <= 365) {
    return '181-365';
  }
  if (days <= 730) {
    return '366-730';
  }
  return '731+';
}
