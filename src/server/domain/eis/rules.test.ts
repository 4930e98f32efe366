import { describe, expect, it } from 'vitest';
import { Ranker } from './backtest.ts';
import { dayOf, type History } from './features.ts';
import { evaluateRules, type RuleDefinition } from './rules.ts';

/*
 * Issue 19 item 3: rules as data, and the ranking's live scores with the features that drove
 * them in a supervisor's words (EN/ES).
 */

const label = (code: string) => ({ en: code.replaceAll('_', ' '), es: code });

function history(): History {
  const h: History = { members: [], involvements: [], allegations: [] };
  let caseSeq = 0;
  const complaint = (member: string, date: [number, number, number], finding?: string) => {
    caseSeq += 1;
    const day = dayOf(...date);
    h.involvements.push({
      memberId: member,
      caseId: `c${caseSeq}`,
      day,
      accused: true,
      departmentInitiated: false,
    });
    h.allegations.push({
      memberId: member,
      caseId: `c${caseSeq}`,
      day,
      category: 'excessive_force',
      finding: finding ?? null,
      knownDay: finding ? day + 200 : null,
    });
  };
  for (let k = 0; k < 60; k++) {
    const id = `m${k}`;
    h.members.push({
      id,
      appointedDay: dayOf(2005),
      race: null,
      sex: null,
      unit: k < 5 ? '015' : '001',
    });
    h.involvements.push({
      memberId: id,
      caseId: `w${k}`,
      day: dayOf(2023, 6, 1),
      accused: false,
      departmentInitiated: false,
    });
    // a third of the members draw complaints every year; most of those are sustained later on
    if (k % 3 === 0) {
      for (let y = 2010; y <= 2023; y++) {
        complaint(id, [y, 3, 1], y % 2 === 0 && k % 2 === 0 ? 'sustained' : undefined);
      }
    }
  }
  return h;
}

const rule = (r: Partial<RuleDefinition> & Pick<RuleDefinition, 'kind'>): RuleDefinition => ({
  id: `r-${r.kind}`,
  code: r.kind,
  label: 'Rule',
  categories: [],
  threshold: null,
  days: null,
  percentile: null,
  memberId: null,
  unitCode: null,
  ...r,
});

describe('early-warning rules', () => {
  it('N allegations of given categories in D days flags exactly the members at the threshold', () => {
    const ranker = new Ranker(history());
    const alerts = evaluateRules(
      [rule({ kind: 'count_in_days', categories: ['excessive_force'], threshold: 2, days: 400 })],
      ranker,
      dayOf(2023, 3, 1),
      label,
    );
    // complaints on 2022-03-01 and 2023-03-01: 365 days apart, both inside 400 days
    expect(alerts.map((a) => a.memberId).sort()).toEqual(
      Array.from({ length: 20 }, (_, i) => `m${i * 3}`).sort(),
    );
    expect(alerts[0]!.reasons[0]!.en).toBe(
      '2 allegation(s) of excessive force in the last 400 days (rule: 2 in 400 days)',
    );
    const shorter = evaluateRules(
      [rule({ kind: 'count_in_days', categories: ['excessive_force'], threshold: 2, days: 300 })],
      ranker,
      dayOf(2023, 3, 1),
      label,
    );
    expect(shorter).toEqual([]);
  });

  it('a unit under monitoring raises an alert for its members with a complaint in the window', () => {
    const alerts = evaluateRules(
      [rule({ kind: 'monitor_unit', unitCode: '015', days: 30 })],
      new Ranker(history()),
      dayOf(2023, 3, 20),
      label,
    );
    expect(alerts.map((a) => a.memberId).sort()).toEqual(['m0', 'm3']);
  });

  it('the top percentile of the ranking comes with the features that drove each score, in English and Spanish', () => {
    const alerts = evaluateRules(
      [rule({ kind: 'top_percentile', percentile: 10 })],
      new Ranker(history(), { negativeShare: 1 }),
      dayOf(2023, 12, 31),
      label,
    );
    expect(alerts).toHaveLength(6);
    for (const a of alerts) {
      expect(Number(a.memberId.slice(1)) % 3).toBe(0);
      expect(a.score).not.toBeNull();
      expect(a.reasons[0]).toEqual({
        en: 'in the top 10% of the risk ranking',
        es: 'entre el 10% más alto de la clasificación de riesgo',
      });
      expect(a.reasons.length).toBeGreaterThan(1);
      expect(a.reasons.length).toBeLessThanOrEqual(4);
      for (const r of a.reasons.slice(1)) {
        expect(r.en).toMatch(/complaint|allegation|service|member|witness/);
        expect(r.es).toMatch(/queja|alegaci|servicio|miembro|testigo|co-acusados/);
      }
    }
  });
});
