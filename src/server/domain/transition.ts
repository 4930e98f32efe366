import type { CaseStatus, Role, TransitionReason } from '../../shared/enums.ts';
import { localDate } from '../../shared/dates.ts';

/** One allowed stage change. */
export interface TransitionRule {
  /** States the case may be in. */
  from: CaseStatus[];
  /** State it moves to. */
  to: CaseStatus;
  /** Roles any one of which may make the change. */
  roles: Role[];
  /** When present, a reason is required and must be one of these. */
  reasons?: TransitionReason[];
  /** When present (and `reasons` is not), a reason is optional but must be one of these. */
  optionalReasons?: TransitionReason[];
}

/** Outcome of `transition()`. */
export type TransitionResult =
  | { ok: true; from: CaseStatus; to: CaseStatus; reason?: TransitionReason; at: string }
  | {
      ok: false;
      code: 'transition_not_allowed' | 'reason_required' | 'reason_not_allowed' | 'forbidden_role';
      message: string;
      allowedReasons?: TransitionReason[];
    };

/** Reasons that close a case without a finding (PRODUCT.md §3). */
export const NO_FINDING_REASONS: TransitionReason[] = [
  'no_allegation',
  'member_not_identified',
  'no_victim_or_witness_identified',
  'withdrawn',
  'duplicate',
];

/** Reasons that close a case by referring it elsewhere. */
export const REFERRAL_REASONS: TransitionReason[] = [
  'outside_jurisdiction',
  'referred_to_other_agency',
];

/**
 * Stages in which a case has ended: a final decision (after department review) or a closure.
 * Entering one closes the case; leaving one (only by reopening) opens it again. Publication
 * treats the same stages as concluded (5 ILCS 140/7(1)(d)).
 */
export const CONCLUDED: ReadonlySet<CaseStatus> = new Set<CaseStatus>([
  'final',
  'closed_no_finding',
  'closed_referred',
]);

/** True when a stage change ends the case (to final or a closure). */
export function isClosing(from: CaseStatus, to: CaseStatus): boolean {
  return !CONCLUDED.has(from) && CONCLUDED.has(to);
}

/** True when a stage change reopens an ended case (back to investigation, new material evidence). */
export function isReopening(from: CaseStatus, to: CaseStatus): boolean {
  return CONCLUDED.has(from) && !CONCLUDED.has(to);
}

/**
 * The case's closing date after a stage change made at `at`: a closing sets it to the local
 * date in the profile's time zone (a closing at 23:30 in Chicago on Dec 31 is closed Dec 31,
 * although it is Jan 1 in UTC), a reopening clears it, any other change keeps `current`. It is
 * the date the portal, the open-data export and the days-to-closure statistics show.
 */
export function closedOnAfter(
  from: CaseStatus,
  to: CaseStatus,
  at: Date,
  timeZone: string,
  current: string | null,
): string | null {
  if (isClosing(from, to)) {
    return localDate(at, timeZone);
  }
  if (isReopening(from, to)) {
    return null;
  }
  return current;
}

/**
 * The whole stage machine (PRODUCT.md §3). Each (from, to) pair appears at most once, so the
 * lookup is unambiguous. Roles not named anywhere here (analyst, auditor, admin,
 * public_information) can make no transition at all.
 */
export const TRANSITIONS: ReadonlyArray<TransitionRule> = [
  // Intake hands the registered case to the preliminary stage.
  { from: ['intake'], to: 'preliminary', roles: ['intake', 'supervisor', 'chief_administrator'] },
  // Opening a full investigation is a supervisory decision.
  {
    from: ['preliminary'],
    to: 'investigation',
    roles: ['supervisor', 'chief_administrator'],
    optionalReasons: ['preliminary_complete'],
  },
  // The investigator submits the file for review.
  {
    from: ['investigation'],
    to: 'review',
    roles: ['investigator', 'supervisor', 'chief_administrator'],
    optionalReasons: ['investigation_complete'],
  },
  // A reviewer who is not satisfied sends it back, and must say so.
  {
    from: ['review'],
    to: 'investigation',
    roles: ['supervisor', 'chief_administrator'],
    reasons: ['returned_for_further_investigation'],
  },
  // Approved recommendations go to the Department (MCC §2-78-130 clock starts there).
  {
    from: ['review'],
    to: 'department_review',
    roles: ['supervisor', 'chief_administrator'],
    optionalReasons: ['approved'],
  },
  // Final agency findings are the chief administrator's (PRODUCT.md §2).
  {
    from: ['department_review'],
    to: 'final',
    roles: ['chief_administrator'],
    optionalReasons: ['accepted'],
  },
  // Closing without a finding always records why (e.g. no victim or witness came forward).
  {
    from: ['intake', 'preliminary', 'investigation'],
    to: 'closed_no_finding',
    roles: ['supervisor', 'chief_administrator'],
    reasons: NO_FINDING_REASONS,
  },
  {
    from: ['intake', 'preliminary', 'investigation'],
    to: 'closed_referred',
    roles: ['supervisor', 'chief_administrator'],
    reasons: REFERRAL_REASONS,
  },
  // Reopening is the chief administrator's alone and needs new material evidence.
  {
    from: [...CONCLUDED],
    to: 'investigation',
    roles: ['chief_administrator'],
    reasons: ['new_material_evidence'],
  },
];

/** The rule for a (from, to) pair, if any. */
export function findTransition(from: CaseStatus, to: CaseStatus): TransitionRule | undefined {
  if (from === to) {
    return undefined;
  }
  return TRANSITIONS.find((t) => t.to === to && t.from.includes(from));
}

/**
 * Decides whether a case may move from its current status to `event.to`. Pure: the caller
 * writes the history row (at `now`) only when the result is ok. Checks run in a fixed order:
 * the pair exists, the actor's role may make it, then the reason.
 */
export function transition(
  current: { status: CaseStatus },
  event: { to: CaseStatus; reason?: TransitionReason; actor: { roles: Role[] } },
  now: Date,
): TransitionResult {
  const from = current.status;
  const { to, reason } = event;
  const rule = findTransition(from, to);
  if (!rule) {
    return {
      ok: false,
      code: 'transition_not_allowed',
      message:
        from === to
          ? `The case is already in ${from}.`
          : `A case cannot move from ${from} to ${to}.`,
    };
  }
  if (!event.actor.roles.some((r) => rule.roles.includes(r))) {
    return {
      ok: false,
      code: 'forbidden_role',
      message: `Moving a case from ${from} to ${to} requires one of these roles: ${rule.roles.join(', ')}.`,
    };
  }
  const allowed = rule.reasons ?? rule.optionalReasons;
  if (rule.reasons && reason === undefined) {
    return {
      ok: false,
      code: 'reason_required',
      message: `Moving a case from ${from} to ${to} requires a reason: one of ${rule.reasons.join(', ')}.`,
      allowedReasons: [...rule.reasons],
    };
  }
  if (reason !== undefined && !(allowed ?? []).includes(reason)) {
    return {
      ok: false,
      code: 'reason_not_allowed',
      message: allowed
        ? `"${reason}" is not a reason for moving a case from ${from} to ${to}; use one of ${allowed.join(', ')}.`
        : `Moving a case from ${from} to ${to} takes no reason.`,
      ...(allowed ? { allowedReasons: [...allowed] } : {}),
    };
  }
  return {
    ok: true,
    from,
    to,
    ...(reason !== undefined ? { reason } : {}),
    at: now.toISOString(),
  };
}

/**
 * The transitions an actor with `roles` may make from `status`, for the `abilities` of a case.
 * `reasons` lists the acceptable reasons; `reasonRequired` says whether one must be given.
 */
export function allowedTransitions(
  status: CaseStatus,
  roles: Role[],
): Array<{ to: CaseStatus; reasons?: TransitionReason[]; reasonRequired: boolean }> {
  return TRANSITIONS.filter(
    (t) => t.to !== status && t.from.includes(status) && roles.some((r) => t.roles.includes(r)),
  ).map((t) => {
    const reasons = t.reasons ?? t.optionalReasons;
    return {
      to: t.to,
      ...(reasons ? { reasons: [...reasons] } : {}),
      reasonRequired: t.reasons !== undefined,
    };
  });
}
