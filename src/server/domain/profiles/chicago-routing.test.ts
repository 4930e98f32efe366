import { describe, expect, it } from 'vitest';
import type { NotificationType } from '../../../shared/enums.ts';
import { CATEGORIES, NOTIFICATION_TYPES } from '../../../shared/enums.ts';
import { chicagoProfile } from './chicago.ts';
import { ROUTING_RULES } from './chicago-routing.ts';
import type { RoutingInput } from '../routing.ts';
import { isLieutenantOrAbove, routeCase } from '../routing.ts';

type Category = (typeof CATEGORIES)[number];

const route = (input: Partial<RoutingInput>) =>
  routeCase({ caseType: 'complaint', categories: [], ...input }, chicagoProfile);

const notification = (notificationType: NotificationType, extra: Partial<RoutingInput> = {}) =>
  route({ caseType: 'notification', notificationType, ...extra });

const joint = {
  agency: 'BIA' as const,
  recordedAt: '2023-06-01T15:00:00.000Z',
  reason: 'The complainant asked to deal only with the BIA detective she already knows.',
};

describe('routeCase: sexual misconduct (MCC 2-78-120(b-5))', () => {
  it('routes the acceptance story to COPA and shows the clause', () => {
    const decision = route({ categories: ['sexual_misconduct'] });
    expect(decision.agency).toBe('COPA');
    expect(decision.clause).toBe('MCC 2-78-120(b-5)');
    expect(decision.rule).toBe('copa_sexual_misconduct');
    expect(decision.explanation).toContain('sexual misconduct');
    expect(decision.explanation).toContain('MCC 2-78-120(b-5)');
    expect(decision.explanation).toContain('MCC 2-78-120(a)');
    expect(decision.explanationEs).toContain('conducta sexual indebida');
    expect(decision.explanationEs).toContain('MCC 2-78-120(b-5)');
    expect(decision.keptByRank).toBeUndefined();
    expect(decision.jointDetermination).toBeUndefined();
  });

  it('moves to BIA only on a recorded joint determination, citing (b-5) and the reason', () => {
    const decision = route({ categories: ['sexual_misconduct'], jointDetermination: joint });
    expect(decision.agency).toBe('BIA');
    expect(decision.clause).toBe('MCC 2-78-120(b-5)');
    expect(decision.rule).toBe('bia_joint_determination');
    expect(decision.jointDetermination).toEqual(joint);
    expect(decision.explanation).toContain('joint COPA-BIA determination');
    expect(decision.explanation).toContain(joint.reason);
    expect(decision.explanation).toContain(joint.recordedAt);
    expect(decision.explanationEs).toContain('determinación conjunta');
    expect(decision.explanationEs).toContain(joint.reason);
    expect(decision.oversightClauses).toEqual([]);
  });

  it('keeps the case at COPA when another COPA clause also applies, and says why', () => {
    const decision = route({
      categories: ['sexual_misconduct', 'excessive_force'],
      jointDetermination: joint,
    });
    expect(decision.agency).toBe('COPA');
    expect(decision.clause).toBe('MCC 2-78-120(b)');
    expect(decision.rule).toBe('copa_excessive_force');
    expect(decision.explanation).toContain('cannot move the case');
    expect(decision.jointDetermination).toBeUndefined();
  });

  it('refuses a joint determination without a reason', () => {
    expect(() =>
      route({ categories: ['sexual_misconduct'], jointDetermination: { ...joint, reason: '  ' } }),
    ).toThrow(RangeError);
  });

  it('ignores a joint determination on a case without sexual misconduct', () => {
    const decision = route({ categories: ['operational_violation'], jointDetermination: joint });
    expect(decision.agency).toBe('BIA');
    expect(decision.rule).toBe('bia_residual');
    expect(decision.clause).toBe('MCC 2-78-120(a)');
  });
});

describe('routeCase: allegation clauses (b) and (f)', () => {
  const cases: Array<[Category, string, string]> = [
    ['domestic_violence', 'MCC 2-78-120(b)', 'copa_domestic_violence'],
    ['excessive_force', 'MCC 2-78-120(b)', 'copa_excessive_force'],
    ['coercion', 'MCC 2-78-120(b)', 'copa_coercion'],
    ['verbal_abuse', 'MCC 2-78-120(b)', 'copa_verbal_abuse'],
    ['bias', 'MCC 2-78-120(b)', 'copa_bias'],
    ['improper_search_seizure', 'MCC 2-78-120(f)', 'copa_improper_search_seizure'],
    ['denial_of_counsel', 'MCC 2-78-120(f)', 'copa_denial_of_counsel'],
  ];
  it.each(cases)('%s → COPA under %s', (category, clause, rule) => {
    const decision = route({ categories: [category] });
    expect(decision).toMatchObject({ agency: 'COPA', clause, rule, oversightClauses: [clause] });
    expect(decision.explanation).toContain(
      chicagoProfile.categories[category].label.en.toLowerCase(),
    );
    expect(decision.explanationEs).toContain(
      chicagoProfile.categories[category].label.es.toLowerCase(),
    );
  });
});

describe('routeCase: everything else goes to BIA (residual)', () => {
  const residual: Category[] = [
    'operational_violation',
    'unnecessary_display_of_weapon',
    'first_amendment',
    'false_report',
    'abuse_of_authority',
    'miscellaneous',
  ];
  it.each(residual)('%s → BIA under MCC 2-78-120(a)', (category) => {
    const decision = route({ categories: [category] });
    expect(decision).toMatchObject({
      agency: 'BIA',
      clause: 'MCC 2-78-120(a)',
      rule: 'bia_residual',
      oversightClauses: [],
    });
    expect(decision.explanation).toContain('BIA investigates');
    expect(decision.explanation).toContain('MCC 2-78-120(b)-(f)');
    expect(decision.explanationEs).toContain('BIA investiga');
  });

  it('routes a case with no category yet to BIA', () => {
    expect(route({ categories: [] }).agency).toBe('BIA');
    expect(route({ caseType: 'miscellaneous', categories: [] }).rule).toBe('bia_residual');
  });
});

describe('routeCase: the 8 notification types', () => {
  // Decision table: what each notification does with no extra facts recorded at intake.
  const expected: Record<NotificationType, { agency: string; clause: string; rule: string }> = {
    firearm_discharge_injury: {
      agency: 'COPA',
      clause: 'MCC 2-78-120(c)',
      rule: 'copa_firearm_discharge',
    },
    firearm_discharge_at_person_no_injury: {
      agency: 'COPA',
      clause: 'MCC 2-78-120(c)',
      rule: 'copa_firearm_discharge',
    },
    firearm_discharge_unintentional_or_animal: {
      agency: 'COPA',
      clause: 'MCC 2-78-120(c)',
      rule: 'copa_firearm_discharge',
    },
    taser_discharge: {
      agency: 'BIA',
      clause: 'MCC 2-78-120(a)',
      rule: 'bia_taser_no_serious_injury',
    },
    oc_discharge: {
      agency: 'BIA',
      clause: 'MCC 2-78-120(a)',
      rule: 'bia_other_weapon_no_discretion',
    },
    chemical_smoke_distraction_device: {
      agency: 'BIA',
      clause: 'MCC 2-78-120(a)',
      rule: 'bia_other_weapon_no_discretion',
    },
    fatal_motor_vehicle_incident: {
      agency: 'COPA',
      clause: 'MCC 2-78-120(e)',
      rule: 'copa_officer_involved_death',
    },
    death_in_custody: {
      agency: 'COPA',
      clause: 'MCC 2-78-120(d)',
      rule: 'copa_death_or_injury_in_custody',
    },
  };

  it.each(NOTIFICATION_TYPES)('%s routes with a clause', (type) => {
    const decision = notification(type);
    expect(decision).toMatchObject(expected[type]);
    expect(decision.explanation).toContain(decision.clause);
    expect(decision.explanationEs).toContain(decision.clause);
  });

  it('sends an unintentional or animal discharge to BIA only when no person could be struck', () => {
    const decision = notification('firearm_discharge_unintentional_or_animal', {
      couldStrikePerson: false,
    });
    expect(decision).toMatchObject({
      agency: 'BIA',
      clause: 'MCC 2-78-120(a)',
      rule: 'bia_firearm_no_person_at_risk',
    });
    expect(decision.explanation).toContain('could not have struck a person');
    expect(decision.explanation).toContain('MCC 2-78-120(c)(i)');
    expect(
      notification('firearm_discharge_unintentional_or_animal', { couldStrikePerson: true }).agency,
    ).toBe('COPA');
  });

  it('keeps a discharge at a person with COPA whatever couldStrikePerson says', () => {
    expect(notification('firearm_discharge_injury', { couldStrikePerson: false }).agency).toBe(
      'COPA',
    );
    expect(
      notification('firearm_discharge_at_person_no_injury', { couldStrikePerson: false }).agency,
    ).toBe('COPA');
  });

  it('gives COPA a Taser discharge that caused death or serious injury, under (c)(ii)', () => {
    const decision = notification('taser_discharge', { seriousInjuryOrDeath: true });
    expect(decision).toMatchObject({
      agency: 'COPA',
      clause: 'MCC 2-78-120(c)',
      rule: 'copa_taser_serious_injury',
    });
    expect(decision.explanation).toContain('(c)(ii)');
    expect(decision.oversightClauses).toEqual(['MCC 2-78-120(c)', 'MCC 2-78-120(d)']);
  });

  it("gives COPA OC and chemical devices at the chief administrator's discretion, under (c)(iii)", () => {
    for (const type of ['oc_discharge', 'chemical_smoke_distraction_device'] as const) {
      const decision = notification(type, { chiefAdministratorDiscretion: true });
      expect(decision).toMatchObject({
        agency: 'COPA',
        clause: 'MCC 2-78-120(c)',
        rule: 'copa_other_weapon_discretion',
      });
      expect(decision.explanation).toContain('(c)(iii)');
    }
    expect(route({ categories: ['oc_discharge'] }).rule).toBe('bia_other_weapon_no_discretion');
  });

  it('sends a custody incident without death or serious injury to BIA', () => {
    const decision = notification('death_in_custody', { seriousInjuryOrDeath: false });
    expect(decision).toMatchObject({
      agency: 'BIA',
      rule: 'bia_custody_no_serious_injury',
      clause: 'MCC 2-78-120(a)',
    });
  });
});

describe('routeCase: incident clauses from facts and categories', () => {
  it('(d) covers serious injury in custody, even under a residual category', () => {
    const decision = route({
      categories: ['operational_violation'],
      inCustody: true,
      seriousInjuryOrDeath: true,
    });
    expect(decision).toMatchObject({
      agency: 'COPA',
      clause: 'MCC 2-78-120(d)',
      rule: 'copa_death_or_injury_in_custody',
    });
  });

  it('(d) also covers serious injury as a result of police action outside custody', () => {
    const decision = route({ categories: ['operational_violation'], seriousInjuryOrDeath: true });
    expect(decision).toMatchObject({
      agency: 'COPA',
      clause: 'MCC 2-78-120(d)',
      rule: 'copa_serious_injury_police_action',
    });
    expect(decision.explanation).toContain('as a result of police action');
  });

  it('custody alone, without injury, is not a COPA clause', () => {
    expect(route({ categories: ['operational_violation'], inCustody: true }).agency).toBe('BIA');
  });

  it('categories alone trigger (c), (d) and (e)', () => {
    expect(route({ categories: ['firearm_discharge'] }).clause).toBe('MCC 2-78-120(c)');
    expect(route({ categories: ['death_or_injury_in_custody'] }).clause).toBe('MCC 2-78-120(d)');
    expect(route({ categories: ['officer_involved_death'] }).clause).toBe('MCC 2-78-120(e)');
    expect(route({ categories: ['firearm_discharge'], couldStrikePerson: false }).agency).toBe(
      'BIA',
    );
    expect(route({ categories: ['taser_discharge'] }).agency).toBe('BIA');
  });

  it('the Chief Administrator may take an other-weapon case by recorded discretion', () => {
    const decision = route({
      categories: ['unnecessary_display_of_weapon'],
      chiefAdministratorDiscretion: true,
    });
    expect(decision.rule).toBe('copa_other_weapon_discretion');
  });
});

describe('routeCase: precedence when several clauses apply', () => {
  it('(b-5) beats (b) and (f), whatever the order of categories', () => {
    const categories: Category[] = [
      'improper_search_seizure',
      'excessive_force',
      'sexual_misconduct',
    ];
    const orders = [
      categories,
      [...categories].reverse(),
      [categories[1], categories[2], categories[0]],
    ];
    for (const order of orders) {
      const decision = route({ categories: order as Category[] });
      expect(decision.clause).toBe('MCC 2-78-120(b-5)');
      expect(decision.oversightClauses).toEqual([
        'MCC 2-78-120(b-5)',
        'MCC 2-78-120(b)',
        'MCC 2-78-120(f)',
      ]);
      expect(decision.explanation).toContain(
        'It also falls under MCC 2-78-120(b), MCC 2-78-120(f)',
      );
    }
  });

  it('(b) beats (f); within (b) domestic violence is cited first', () => {
    expect(route({ categories: ['denial_of_counsel', 'verbal_abuse'] }).rule).toBe(
      'copa_verbal_abuse',
    );
    expect(route({ categories: ['bias', 'excessive_force', 'domestic_violence'] }).rule).toBe(
      'copa_domestic_violence',
    );
  });

  it('(e) beats (c); (c) beats (d); (d) beats (b-5)', () => {
    expect(route({ categories: ['firearm_discharge', 'officer_involved_death'] }).clause).toBe(
      'MCC 2-78-120(e)',
    );
    expect(route({ categories: ['death_or_injury_in_custody', 'firearm_discharge'] }).clause).toBe(
      'MCC 2-78-120(c)',
    );
    expect(route({ categories: ['sexual_misconduct', 'death_or_injury_in_custody'] }).clause).toBe(
      'MCC 2-78-120(d)',
    );
  });

  it('a notification and allegation categories combine', () => {
    const decision = notification('firearm_discharge_injury', {
      categories: ['excessive_force', 'improper_search_seizure'],
    });
    expect(decision.clause).toBe('MCC 2-78-120(c)');
    expect(decision.oversightClauses).toEqual([
      'MCC 2-78-120(c)',
      'MCC 2-78-120(b)',
      'MCC 2-78-120(f)',
    ]);
  });
});

describe('routeCase: BIA keeps lieutenants and above (CPD G08-01)', () => {
  it('marks a BIA case with a lieutenant accused', () => {
    const decision = route({
      categories: ['operational_violation'],
      accusedRanks: ['POLICE OFFICER', 'LIEUTENANT OF POLICE'],
    });
    expect(decision.agency).toBe('BIA');
    expect(decision.keptByRank).toBe(true);
    expect(decision.explanation).toContain('CPD General Order G08-01');
    expect(decision.explanation).toContain('BIA retains lieutenant and above');
    expect(decision.explanation).toContain('LIEUTENANT OF POLICE');
    expect(decision.explanationEs).toContain('teniente o superior');
  });

  it('does not mark a BIA case with officers and sergeants only', () => {
    const decision = route({
      categories: ['operational_violation'],
      accusedRanks: ['POLICE OFFICER', 'SERGEANT OF POLICE', 'PO AS DETECTIVE'],
    });
    expect(decision.keptByRank).toBeUndefined();
    expect(decision.explanation).not.toContain('G08-01');
  });

  it('does not mark a COPA case (COPA investigates whatever the rank)', () => {
    const decision = route({ categories: ['excessive_force'], accusedRanks: ['COMMANDER'] });
    expect(decision.agency).toBe('COPA');
    expect(decision.keptByRank).toBeUndefined();
  });

  it('marks a case moved to BIA by joint determination when a captain is accused', () => {
    const decision = route({
      categories: ['sexual_misconduct'],
      jointDetermination: joint,
      accusedRanks: ['Captain'],
    });
    expect(decision.rule).toBe('bia_joint_determination');
    expect(decision.keptByRank).toBe(true);
  });

  it.each([
    ['LIEUTENANT OF POLICE', true],
    ['lieutenant', true],
    ['Lt.', true],
    ['CAPTAIN OF POLICE', true],
    ['COMMANDER', true],
    ['DEP CHIEF', true],
    ['Dep. Chief', true],
    ['DEPUTY CHIEF', true],
    ['CHIEF', true],
    ['FIRST DEPUTY SUPT.', true],
    ['ASST DEPUTY SUP', true],
    ['SUPT OF POLICE', true],
    ['SUPERINTENDENT OF POLICE', true],
    ['  deputy   superintendent ', true],
    ['POLICE OFFICER', false],
    ['SERGEANT OF POLICE', false],
    ['PO AS DETECTIVE', false],
    ['DEPUTY DIRECTOR', false],
    ['CHIEF PROGRAMMER / ANALYST', false],
    ['ASSISTANT DEPUTY SUPERINTENDENT - CIVILIAN', false],
    ['SUPERVISING INVESTIGATOR COPA', false],
    ['', false],
  ])('isLieutenantOrAbove(%j) is %s', (rank, expected) => {
    expect(isLieutenantOrAbove(rank, chicagoProfile)).toBe(expected);
  });
});

describe('routeCase: every single category and notification type yields a complete decision', () => {
  it('always returns an agency, a cited clause, a known rule and both explanations', () => {
    const inputs: RoutingInput[] = [
      ...CATEGORIES.map((c) => ({ caseType: 'complaint' as const, categories: [c] })),
      ...NOTIFICATION_TYPES.map((n) => ({
        caseType: 'notification' as const,
        categories: [],
        notificationType: n,
      })),
    ];
    for (const input of inputs) {
      const decision = routeCase(input, chicagoProfile);
      expect(['COPA', 'BIA']).toContain(decision.agency);
      expect(decision.clause).toMatch(/^MCC 2-78-120\((a|b|b-5|c|d|e|f)\)$/);
      expect(ROUTING_RULES).toContain(decision.rule);
      expect(decision.rule.startsWith(decision.agency.toLowerCase())).toBe(true);
      expect(decision.explanation.length).toBeGreaterThan(40);
      expect(decision.explanationEs.length).toBeGreaterThan(40);
      expect(decision.explanationEs).not.toBe(decision.explanation);
      expect(decision.explanation).toContain(decision.clause);
    }
  });

  it('is deterministic and does not mutate its input', () => {
    const input: RoutingInput = {
      caseType: 'complaint',
      categories: ['verbal_abuse', 'sexual_misconduct'],
      accusedRanks: ['COMMANDER'],
    };
    const copy = structuredClone(input);
    expect(routeCase(input, chicagoProfile)).toEqual(routeCase(input, chicagoProfile));
    expect(input).toEqual(copy);
  });
});
