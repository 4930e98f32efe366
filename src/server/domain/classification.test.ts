import { describe, expect, it } from 'vitest';
import type { Category } from '../../shared/enums.ts';
import {
  classifyCase,
  pendingRerouting,
  reevaluateCase,
  type CaseFacts,
  type CaseRoutingState,
} from './classification.ts';
import { chicagoProfile } from './profiles/chicago.ts';
import { routeCase } from './routing.ts';

const facts = (over: Partial<CaseFacts> = {}): CaseFacts => ({
  caseType: 'complaint',
  categories: [],
  ...over,
});
const classify = (over: Partial<CaseFacts>) => classifyCase(facts(over), chicagoProfile);

const bia: CaseRoutingState = { leadAgency: 'BIA', restricted: false, restrictionReasons: [] };
const copa: CaseRoutingState = { leadAgency: 'COPA', restricted: false, restrictionReasons: [] };
const joint = {
  agency: 'BIA' as const,
  recordedAt: '2023-10-02T15:00:00.000Z',
  reason: 'Joint COPA and BIA determination of 2023-10-02',
};

/** Re-evaluates `state` after adding `added` (and optionally a rank) to `base`. */
function add(
  state: CaseRoutingState,
  base: Partial<CaseFacts>,
  added: Category,
  rank?: string,
): ReturnType<typeof reevaluateCase> {
  const before = facts(base);
  const after = {
    ...before,
    categories: [...before.categories, added],
    accusedRanks: rank ? [...(before.accusedRanks ?? []), rank] : before.accusedRanks,
  };
  return reevaluateCase(state, before, after, chicagoProfile);
}

describe('classifyCase: the one classification of intake, the preview and re-routing', () => {
  it('gives routeCase’s decision and restrictionFor’s answer over the same facts', () => {
    const c = classify({ categories: ['sexual_misconduct'], vulnerabilities: ['minor'] });
    expect(c.routing).toEqual(
      routeCase({ caseType: 'complaint', categories: ['sexual_misconduct'] }, chicagoProfile),
    );
    expect(c.routing).toMatchObject({ agency: 'COPA', clause: 'MCC 2-78-120(b-5)' });
    expect(c.restricted).toBe(true);
    expect(c.restrictionReasons).toEqual(['sexual_misconduct', 'minor_party']);
  });

  it('treats an unrecorded injury fact as unknown, and an explicit false as no injury', () => {
    const custody = {
      caseType: 'notification' as const,
      notificationType: 'death_in_custody' as const,
    };
    // (d): unknown means COPA, since whether the injury was serious is for the investigation
    expect(classify({ ...custody, seriousInjuryOrDeath: null }).routing.agency).toBe('COPA');
    expect(classify({ ...custody }).routing.agency).toBe('COPA');
    expect(classify({ ...custody, seriousInjuryOrDeath: false }).routing).toMatchObject({
      agency: 'BIA',
      rule: 'bia_custody_no_serious_injury',
    });
  });

  it('keeps the (d) fact of intake: serious injury in custody is COPA’s whatever the categories', () => {
    expect(
      classify({
        categories: ['operational_violation'],
        seriousInjuryOrDeath: true,
        inCustody: true,
      }).routing,
    ).toMatchObject({ agency: 'COPA', clause: 'MCC 2-78-120(d)' });
    expect(
      classify({
        categories: ['operational_violation'],
        seriousInjuryOrDeath: false,
        inCustody: true,
      }).routing.agency,
    ).toBe('BIA');
  });

  it('applies the lieutenant rule to BIA decisions only (CPD G08-01)', () => {
    expect(
      classify({ categories: ['operational_violation'], accusedRanks: ['Lieutenant'] }).routing
        .keptByRank,
    ).toBe(true);
    expect(
      classify({ categories: ['operational_violation'], accusedRanks: ['Sergeant'] }).routing
        .keptByRank,
    ).toBeUndefined();
    expect(
      classify({ categories: ['excessive_force'], accusedRanks: ['Lieutenant'] }).routing,
    ).toMatchObject({ agency: 'COPA', clause: 'MCC 2-78-120(b)' });
  });

  it('lets a joint determination move sexual misconduct alone, never another clause', () => {
    expect(
      classify({ categories: ['sexual_misconduct'], jointDetermination: joint }).routing,
    ).toMatchObject({ agency: 'BIA', rule: 'bia_joint_determination' });
    expect(
      classify({ categories: ['sexual_misconduct', 'coercion'], jointDetermination: joint })
        .routing,
    ).toMatchObject({ agency: 'COPA', clause: 'MCC 2-78-120(b)', rule: 'copa_coercion' });
  });
});

describe('reevaluateCase: re-routing after an allegation is added', () => {
  it('moves a BIA case to COPA when the new category is COPA’s, citing the clause', () => {
    const r = add(bia, { categories: ['operational_violation'] }, 'excessive_force');
    expect(r.routing).toMatchObject({
      kind: 'reroute',
      from: 'BIA',
      to: 'COPA',
      decision: { clause: 'MCC 2-78-120(b)', rule: 'copa_excessive_force' },
    });
  });

  it.each<[Category, string]>([
    ['sexual_misconduct', 'MCC 2-78-120(b-5)'],
    ['domestic_violence', 'MCC 2-78-120(b)'],
    ['verbal_abuse', 'MCC 2-78-120(b)'],
    ['bias', 'MCC 2-78-120(b)'],
    ['improper_search_seizure', 'MCC 2-78-120(f)'],
    ['denial_of_counsel', 'MCC 2-78-120(f)'],
    ['officer_involved_death', 'MCC 2-78-120(e)'],
    ['firearm_discharge', 'MCC 2-78-120(c)'],
    ['death_or_injury_in_custody', 'MCC 2-78-120(d)'],
  ])('moves a BIA case to COPA on %s under %s', (category, clause) => {
    const r = add(bia, { categories: ['operational_violation'] }, category);
    expect(r.routing).toMatchObject({ kind: 'reroute', to: 'COPA', decision: { clause } });
  });

  it('leaves a BIA case at BIA for a category the ordinance leaves to BIA', () => {
    expect(
      add(bia, { categories: ['operational_violation'] }, 'operational_violation').routing,
    ).toEqual({
      kind: 'none',
    });
    // a Taser discharge without a recorded serious injury is not (c)(ii)
    expect(
      add(bia, { categories: [], seriousInjuryOrDeath: false }, 'taser_discharge').routing,
    ).toEqual({
      kind: 'none',
    });
  });

  it('cites the strongest clause over all of the case’s categories', () => {
    const r = add(
      bia,
      { categories: ['operational_violation', 'verbal_abuse'] },
      'sexual_misconduct',
    );
    expect(r.routing).toMatchObject({ kind: 'reroute', decision: { clause: 'MCC 2-78-120(b-5)' } });
  });

  it('never moves a COPA case away from COPA', () => {
    expect(add(copa, { categories: ['excessive_force'] }, 'operational_violation').routing).toEqual(
      {
        kind: 'none',
      },
    );
    // even when the facts alone would now say BIA (a case COPA took on facts not recorded)
    expect(add(copa, { categories: [] }, 'operational_violation').routing).toEqual({
      kind: 'none',
    });
  });

  it('offers, never forces, the move of a case at BIA under a joint determination', () => {
    const r = add(
      bia,
      { categories: ['sexual_misconduct'], jointDetermination: joint },
      'excessive_force',
    );
    expect(r.routing).toMatchObject({
      kind: 'offer',
      from: 'BIA',
      to: 'COPA',
      reason: 'joint_determination',
      decision: { clause: 'MCC 2-78-120(b)' },
    });
    // more sexual misconduct stays under the determination
    expect(
      add(
        bia,
        { categories: ['sexual_misconduct'], jointDetermination: joint },
        'sexual_misconduct',
      ).routing,
    ).toEqual({ kind: 'none' });
  });

  it('records the lieutenant rule when it starts to apply, and only then', () => {
    const first = add(
      bia,
      { categories: ['operational_violation'] },
      'operational_violation',
      'LIEUTENANT OF POLICE',
    );
    expect(first.routing).toMatchObject({
      kind: 'record',
      decision: { agency: 'BIA', keptByRank: true },
    });
    expect(
      add(
        bia,
        { categories: ['operational_violation'], accusedRanks: ['Lieutenant'] },
        'operational_violation',
        'Captain',
      ).routing,
    ).toEqual({ kind: 'none' });
    expect(
      add(bia, { categories: ['operational_violation'] }, 'operational_violation', 'Sergeant')
        .routing,
    ).toEqual({ kind: 'none' });
    // a COPA clause beats the retention: the rank rule is about who inside BIA investigates
    expect(
      add(bia, { categories: ['operational_violation'] }, 'excessive_force', 'Lieutenant').routing,
    ).toMatchObject({ kind: 'reroute', to: 'COPA' });
  });

  it('restricts on a need-to-know category and never lifts a restriction', () => {
    const r = add(copa, { categories: ['excessive_force'] }, 'domestic_violence');
    expect(r.restriction).toEqual({
      restricted: true,
      reasons: ['domestic_violence'],
      changed: true,
    });
    const kept = add(
      { leadAgency: 'COPA', restricted: true, restrictionReasons: ['minor_party'] },
      { categories: ['excessive_force'] },
      'verbal_abuse',
    );
    expect(kept.restriction).toEqual({
      restricted: true,
      reasons: ['minor_party'],
      changed: false,
    });
  });
});

describe('pendingRerouting: the offer a case shows now', () => {
  it('is the joint-determination offer, and nothing else', () => {
    expect(
      pendingRerouting(
        bia,
        facts({ categories: ['sexual_misconduct', 'excessive_force'], jointDetermination: joint }),
        chicagoProfile,
      ),
    ).toMatchObject({ kind: 'offer', to: 'COPA' });
    expect(
      pendingRerouting(
        bia,
        facts({ categories: ['sexual_misconduct'], jointDetermination: joint }),
        chicagoProfile,
      ),
    ).toBeNull();
    // a BIA case a COPA clause reaches without a joint determination is re-routed by the change
    // itself, not offered
    expect(
      pendingRerouting(bia, facts({ categories: ['excessive_force'] }), chicagoProfile),
    ).toBeNull();
    expect(
      pendingRerouting(copa, facts({ categories: ['operational_violation'] }), chicagoProfile),
    ).toBeNull();
  });
});
