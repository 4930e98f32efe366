import type { Finding } from '../../shared/enums.ts';
import { localDate } from '../../shared/dates.ts';
import {
  decidedOnProblem,
  findingStageProblem,
  isLegacyFinding,
  isPenaltyCode,
  penaltyAllowedForFinding,
} from '../domain/findings.ts';
import { CaseAction } from '../policies/case.policy.ts';
import { canOnCase } from '../policies/case.policy.ts';
import { findAllegation } from '../repositories/allegations.repository.ts';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  UnprocessableError,
  type FieldError,
} from '../errors.ts';
import { createAudited, Created } from './audited.ts';
import { loadCaseForAction, type CommandDeps } from './context.ts';

export interface RecordFindingInput {
  logNumber: string;
  allegationId: string;
  recommendedFinding?: Finding | undefined;
  recommendedPenalty?: string | undefined;
  finalFinding?: Finding | undefined;
  finalPenalty?: string | undefined;
  /** The day it was decided ('YYYY-MM-DD'); default: today in the profile's time zone. */
  decidedOn?: string | undefined;
}

/** The two stages of a finding, in the order they are recorded. */
const STAGES = ['recommended', 'final'] as const;

/**
 * Records a recommended (investigating agency) and/or final finding and penalty on an allegation,
 * each as a history row with who recorded it and the day it was decided. Final findings are the
 * chief administrator's; each kind only in the case stages where it exists (FINDING_STAGES).
 */
export async function recordAllegationFinding(
  deps: CommandDeps,
  input: RecordFindingInput,
): Promise<void> {
  const errors: FieldError[] = [];
  for (const field of ['recommendedFinding', 'finalFinding'] as const) {
    const v = input[field];
    if (v && isLegacyFinding(v, deps.profile.findings)) {
      errors.push({
        field,
        message: `${v} is a legacy value kept for imported history; it cannot be recorded now`,
      });
    }
  }
  for (const field of ['recommendedPenalty', 'finalPenalty'] as const) {
    const v = input[field];
    if (v !== undefined && !isPenaltyCode(v)) {
      errors.push({ field, message: `${v} is not a penalty code of this jurisdiction` });
    }
  }
  if (errors.length > 0) {
    throw new UnprocessableError(
      'invalid_finding',
      'The finding or penalty is not in the vocabulary.',
      errors,
    );
  }
  await deps.db.transaction(async (tx) => {
    const wanted = STAGES.filter(
      (stage) =>
        input[`${stage}Finding` as const] !== undefined ||
        input[`${stage}Penalty` as const] !== undefined,
    );
    const wantsRecommended = wanted.includes('recommended');
    const wantsFinal = wanted.includes('final');
    const { row, facts } = await loadCaseForAction(
      tx,
      deps,
      input.logNumber,
      wantsFinal ? CaseAction.recordFinalFinding : CaseAction.recordRecommendedFinding,
    );
    if (wantsRecommended && !canOnCase(deps.actor, CaseAction.recordRecommendedFinding, facts)) {
      throw new ForbiddenError();
    }
    const allegation = await findAllegation(tx, row.id, input.allegationId);
    if (!allegation) {
      throw new NotFoundError('Allegation', 'allegation_not_found');
    }
    const now = deps.now();
    const tz = deps.profile.timeZone;
    const decidedOn = input.decidedOn ?? localDate(now, tz);
    // each stage holds what the request sets, else what the allegation already has
    const stages = wanted.map((stage) => ({
      stage,
      finding: input[`${stage}Finding` as const] ?? allegation[`${stage}_finding` as const],
      penalty: input[`${stage}Penalty` as const] ?? allegation[`${stage}_penalty` as const],
      field: `${stage}Penalty`,
    }));
    for (const s of stages) {
      const problem = findingStageProblem(s.stage, row.status);
      if (problem) {
        throw new ConflictError('finding_not_allowed_in_stage', problem, [
          { field: `${s.stage}Finding`, message: problem },
        ]);
      }
    }
    const dateProblem = decidedOnProblem(decidedOn, {
      today: localDate(now, tz),
      receivedOn: localDate(row.received_at, tz),
    });
    if (dateProblem) {
      throw new UnprocessableError(dateProblem.code, `decidedOn ${dateProblem.message}.`, [
        { field: 'decidedOn', message: dateProblem.message },
      ]);
    }
    for (const s of stages) {
      if (s.penalty && !penaltyAllowedForFinding(s.finding ?? 'not_sustained', s.penalty)) {
        throw new UnprocessableError(
          'penalty_requires_sustained',
          `Penalty ${s.penalty} needs a sustained finding.`,
          [{ field: s.field, message: 'a disciplinary penalty requires a sustained finding' }],
        );
      }
    }
    for (const s of stages) {
      await createAudited(
        tx,
        deps,
        now,
        Created.finding,
        {
          allegationId: allegation.id,
          stage: s.stage,
          finding: s.finding,
          penalty: s.penalty,
          agency: deps.actor.agency,
          decidedOn,
        },
        { caseId: row.id },
      );
    }
  });
}
