import type { Agency, DutyStatusAction, DutyStatusStage, Role } from '../../shared/enums.ts';
import { localDate } from '../../shared/dates.ts';
import type { AgencyRoles, DutyStatusDisclosure } from './profiles/profile.ts';

/** Input of one duty-status ledger entry, as far as the rules care. */
export interface DutyStatusInput {
  action: DutyStatusAction;
  stage: DutyStatusStage;
  actorRoles: Role[];
  actorAgency: Agency;
  /** Name and title of who decided (e.g. 'Superintendent Larry Snelling'); stage 'decided' only. */
  decidedBy?: string;
  reason: string;
}

/** Stable codes of duty-status validation failures. */
export type DutyStatusErrorCode =
  'forbidden_role' | 'decided_by_required' | 'decided_by_not_allowed' | 'reason_required';

/** Outcome of validateDutyStatus. */
export type DutyStatusValidation =
  { ok: true } | { ok: false; code: DutyStatusErrorCode; message: string };

/**
 * Validates a duty-status ledger entry (PRODUCT.md §3 "Duty-status action"):
 * - a *recommendation* (e.g. to relieve a member of police powers) is the oversight agency's
 *   (COPA's in Chicago), made by its chief administrator; it names no decider, because nothing
 *   has been decided yet;
 * - a *decision* is the head of the department's (the Superintendent's); it is recorded by a chief
 *   administrator of the oversight agency or of internal affairs, or an internal-affairs
 *   supervisor, and must name who decided, since the recorder is not the decider;
 * - every entry states its reason.
 * Authorization is checked first, then the fields.
 */
export function validateDutyStatus(
  input: DutyStatusInput,
  agencies: AgencyRoles,
): DutyStatusValidation {
  const { oversight, internalAffairs } = agencies;
  const isChief = input.actorRoles.includes('chief_administrator');
  const decidedBy = input.decidedBy?.trim() ?? '';

  if (input.stage === 'recommended') {
    if (!isChief || input.actorAgency !== oversight) {
      return {
        ok: false,
        code: 'forbidden_role',
        message: `Only a ${oversight} chief administrator may recommend a duty-status action.`,
      };
    }
    if (decidedBy !== '') {
      return {
        ok: false,
        code: 'decided_by_not_allowed',
        message: 'A recommendation names no decider; record the decision as a separate entry.',
      };
    }
  } else {
    const chiefOfInvestigatingAgency =
      isChief && (input.actorAgency === oversight || input.actorAgency === internalAffairs);
    const iaSupervisor =
      input.actorRoles.includes('supervisor') && input.actorAgency === internalAffairs;
    if (!chiefOfInvestigatingAgency && !iaSupervisor) {
      return {
        ok: false,
        code: 'forbidden_role',
        message: `A duty-status decision is recorded by a chief administrator or a ${internalAffairs} supervisor.`,
      };
    }
    if (decidedBy === '') {
      return {
        ok: false,
        code: 'decided_by_required',
        message: 'Name who decided (for example, the Superintendent).',
      };
    }
  }

  if (input.reason.trim() === '') {
    return { ok: false, code: 'reason_required', message: 'A duty-status entry needs a reason.' };
  }
  return { ok: true };
}

/**
 * The action a ledger entry discloses, or undefined when it discloses none: only a *decided*
 * action of a kind the profile lists (docs/domain.md "Duty status on the public record"). The
 * case page and the public statistics both ask this, so they count the same actions.
 */
export function disclosedDutyAction(
  action: string,
  stage: DutyStatusStage,
  rule: DutyStatusDisclosure,
): DutyStatusAction | undefined {
  return stage === 'decided' ? rule.actions.find((a) => a === action) : undefined;
}

/** One ledger entry of a case as the public rule reads it: no name, star or unit leaves here. */
export interface CaseDutyEntry {
  memberId: string;
  action: string;
  stage: DutyStatusStage;
  effectiveAt: Date;
  /** How many roster members this member's unit has; 0 when the unit is unknown. */
  unitMembers: number;
}

/** One disclosed action: what, how many, when, and the deciding office. */
export interface PublicDutyAction {
  action: DutyStatusAction;
  members: number;
  effectiveDate: string;
  decidedBy: string;
  decidedByEs: string;
}

/** Why a decided, disclosed kind of action is not shown on a case's public page. */
export type DutyWithholding =
  /** One member whose unit is under the profile's N members on the roster, or unknown. */
  | 'small_unit'
  /** The case itself is not described publicly (status only). */
  | 'case_not_public';

/** A decided action of a disclosed kind that the public is not told of, and why (staff only). */
export interface WithheldDutyAction {
  action: DutyStatusAction;
  members: number;
  effectiveDate: string;
  reason: DutyWithholding;
}

/**
 * What the public is told of a case's duty status (issue 22 item 1; docs/domain.md "Duty status
 * on the public record"): decided actions of the kinds the profile discloses, grouped by action
 * and local effective date and counted by member; a recommendation is not an action and is never
 * shown. A group of one member whose unit has fewer than `minUnitMembers` members on the roster
 * (or no known unit) is withheld (absent, not an error): in a small unit, "one officer relieved"
 * points at the person. `withheld` lists those, for the staff's preview only.
 */
export function judgeDutyStatus(
  entries: CaseDutyEntry[],
  rule: DutyStatusDisclosure,
  timeZone: string,
): { shown: PublicDutyAction[]; withheld: WithheldDutyAction[] } {
  const groups = new Map<
    string,
    { action: DutyStatusAction; date: string; members: Map<string, number> }
  >();
  for (const e of entries) {
    const action = disclosedDutyAction(e.action, e.stage, rule);
    if (action === undefined) {
      continue;
    }
    const date = localDate(e.effectiveAt, timeZone);
    const key = `${date} ${action}`;
    const group = groups.get(key) ?? { action, date, members: new Map<string, number>() };
    group.members.set(e.memberId, e.unitMembers);
    groups.set(key, group);
  }
  const shown: PublicDutyAction[] = [];
  const withheld: WithheldDutyAction[] = [];
  for (const g of [...groups.values()].sort((a, b) => a.date.localeCompare(b.date))) {
    const narrows = g.members.size === 1 && [...g.members.values()][0]! < rule.minUnitMembers;
    if (narrows) {
      withheld.push({
        action: g.action,
        members: 1,
        effectiveDate: g.date,
        reason: 'small_unit',
      });
    } else {
      shown.push({
        action: g.action,
        members: g.members.size,
        effectiveDate: g.date,
        decidedBy: rule.decidingOffice.en,
        decidedByEs: rule.decidingOffice.es,
      });
    }
  }
  return { shown, withheld };
}

/** The actions the public is told of: {@link judgeDutyStatus}'s `shown`. */
export function publicDutyStatus(
  entries: CaseDutyEntry[],
  rule: DutyStatusDisclosure,
  timeZone: string,
): PublicDutyAction[] {
  return judgeDutyStatus(entries, rule, timeZone).shown;
}
