import type { CaseType, Category, NotificationType } from '../../shared/enums.ts';
import type { JurisdictionProfile, LocalizedText } from './profiles/profile.ts';

/*
 * Routing: which agency investigates a case, and the clause that decides it (PRODUCT.md §4).
 * The rules are the jurisdiction's (ADR 0045): `routeCase` asks the profile's router. A city
 * whose law routes on the allegation categories alone writes its rules as a table of data and
 * uses `tableRouter`; Chicago's ordinance turns on more facts and has its own router
 * (profiles/chicago-routing.ts).
 */

/**
 * A recorded joint determination of the oversight agency and internal affairs that internal
 * affairs investigates a case the law would give the oversight agency (Chicago: MCC
 * §2-78-120(b-5), sexual misconduct).
 */
export interface JointDetermination {
  /** The agency that takes the case: the profile's internal-affairs agency. */
  agency: string;
  /** ISO 8601 instant the determination was recorded. */
  recordedAt: string;
  /** Why both agencies agreed internal affairs should investigate. Required. */
  reason: string;
}

/** What intake knows when it routes a case. */
export interface RoutingInput {
  caseType: CaseType;
  /** Allegation categories known at intake (codes of the profile). */
  categories: Category[];
  /** For caseType 'notification': which of the profile's notification types. */
  notificationType?: NotificationType;
  /** A person died or sustained serious bodily injury in custody or from police action. */
  seriousInjuryOrDeath?: boolean;
  /** The person was detained or in police custody at the time. */
  inCustody?: boolean;
  /** Ranks of the accused members, as written in the roster (any spelling or case). */
  accusedRanks?: string[];
  /** A joint determination moving the case to internal affairs, if one was recorded. */
  jointDetermination?: JointDetermination;
  /** The oversight agency's head chose to take a case its law leaves to its discretion. */
  chiefAdministratorDiscretion?: boolean;
  /**
   * Whether a firearm discharge could potentially have struck a person. Only an explicit `false`
   * keeps such a discharge away from the oversight agency where its law asks.
   */
  couldStrikePerson?: boolean;
}

/** Which agency investigates, and the clause that decided it. */
export interface RoutingDecision {
  /** Code of the investigating agency (the profile's oversight or internal-affairs agency). */
  agency: string;
  /** The clause applied, as the profile cites it. */
  clause: string;
  /** Plain-language English explanation that names the clause. */
  explanation: string;
  /** The same explanation in Spanish. */
  explanationEs: string;
  /** Stable code of the profile's rule that decided. */
  rule: string;
  /** True when internal affairs keeps the case at headquarters because of an accused's rank. */
  keptByRank?: boolean;
  /** The joint determination that moved the case to internal affairs, when it did. */
  jointDetermination?: JointDetermination;
  /** Every oversight clause that applied, strongest first (empty when internal affairs leads). */
  oversightClauses: string[];
}

/** A jurisdiction's routing rules: the profile's `routing`. */
export type Router = (input: RoutingInput, profile: JurisdictionProfile) => RoutingDecision;

/**
 * Decides which agency investigates a case and cites the clause that decided it, by the active
 * profile's rules.
 *
 * @throws RangeError when a joint determination is passed without a reason.
 */
export function routeCase(input: RoutingInput, profile: JurisdictionProfile): RoutingDecision {
  return profile.routing(input, profile);
}

function normalizeRank(rank: string): string {
  return rank
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/ of police$/, '');
}

/**
 * True when a rank, in any spelling listed by the profile ('LIEUTENANT OF POLICE', 'Dep. Chief',
 * 'FIRST DEPUTY SUPT.'), is lieutenant or above. Exact match after normalization, so
 * 'PO AS DETECTIVE' or 'Deputy Director' never match by accident.
 */
export function isLieutenantOrAbove(rank: string, profile: JurisdictionProfile): boolean {
  const wanted = normalizeRank(rank);
  if (wanted === '') {
    return false;
  }
  return profile.lieutenantAndAboveRanks.some((r) => normalizeRank(r) === wanted);
}

/** One row of a routing table: the categories that give an agency the case, under a clause. */
export interface RoutingTableRule {
  /** Stable code of the rule, stored with the decision. */
  rule: string;
  /** The case has at least one of these categories. */
  categories: Category[];
  /** Code of the agency that investigates (the profile's oversight or internal-affairs agency). */
  agency: string;
  /** The clause cited. */
  clause: string;
  /** Why, as the end of a sentence "<agency> investigates this case because <why>." */
  why: LocalizedText;
}

/** A routing law written as data: rows in precedence order, then what happens to the rest. */
export interface RoutingTable {
  /** The sentence every explanation ends with: who registers complaints, under which clause. */
  intake: LocalizedText;
  /** Rows, strongest first: the first row whose categories the case has decides. */
  rules: RoutingTableRule[];
  /** The case no row reaches: who investigates it (or receives the referral), and why. */
  residual: Omit<RoutingTableRule, 'categories'>;
}

/**
 * The router of a profile whose law routes on categories alone (ADR 0045): the first row that
 * matches decides, later matching rows of the same agency are cited as also applying, and a case
 * no row reaches goes to the residual agency. The explanation names the agency, the reason and
 * the clause in both languages.
 */
export function tableRouter(table: RoutingTable): Router {
  return (input, profile) => {
    const categories = new Set(input.categories);
    const matched = table.rules.filter((r) => r.categories.some((c) => categories.has(c)));
    const decisive = matched[0] ?? { ...table.residual, categories: [] };
    const clauses = [
      ...new Set(matched.filter((r) => r.agency === decisive.agency).map((r) => r.clause)),
    ];
    const others = clauses.filter((c) => c !== decisive.clause);
    let en = `${decisive.agency} investigates this case because ${decisive.why.en}.`;
    let es = `${decisive.agency} investiga este caso porque ${decisive.why.es}.`;
    if (others.length > 0) {
      en += ` It also falls under ${others.join(', ')}, but ${decisive.clause} takes precedence.`;
      es += ` También le son aplicables ${others.join(', ')}, pero prevalece el ${decisive.clause}.`;
    }
    return {
      agency: decisive.agency,
      clause: decisive.clause,
      explanation: `${en} ${table.intake.en}`,
      explanationEs: `${es} ${table.intake.es}`,
      rule: decisive.rule,
      oversightClauses: decisive.agency === profile.agencyRoles.oversight ? clauses : [],
    };
  };
}
