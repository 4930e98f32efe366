import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/server/db/client.ts';
import { eisBacktest } from '../src/server/commands/eis-backtest.ts';
import { Ranker } from '../src/server/domain/eis/backtest.ts';
import { FEATURES } from '../src/server/domain/eis/features.ts';
import { loadEisHistory } from '../src/server/repositories/eis.repository.ts';
import { engineName, testDb, TEST_JURISDICTION } from './test-db.ts';
import {
  accuse as accuseIn,
  addHistoryCase,
  addHistoryMember,
  addWitness,
  EIS_TZ,
} from './eis-history.ts';

/*
 * Issue 19 item 5: the backtest on a constructed history whose answer is known, and the
 * leakage check — nothing received or decided after Dec 31 of T may change the ranking for T.
 */
const TZ = EIS_TZ;
let db: Db;
let close: () => Promise<void>;
const members: string[] = [];

let m1Finding2007: { caseId: string; allegationId: string };
let m0Complaint2005: { caseId: string; allegationId: string };
const accuse = (
  member: string,
  received: string,
  opts: { finding?: string; closed?: string | null } = {},
): ReturnType<typeof accuseIn> => accuseIn(db, member, received, opts);

beforeAll(async () => {
  ({ db, close } = await testDb());
  const witnessCase = await addHistoryCase(db, '2010-05-01', '2010-09-01');
  for (let k = 0; k < 40; k++) {
    const id = await addHistoryMember(db, `member${k}`, {
      race: k % 2 ? 'BLACK' : 'WHITE',
      sex: k % 3 ? 'MALE' : 'FEMALE',
    });
    members.push(id);
    // every member is named (as a witness) after 2008, so all 40 are active in 2008
    await addWitness(db, witnessCase, id);
  }
  const [m0, m1, m2] = members as [string, string, string];
  for (let y = 2001; y <= 2007; y++) {
    await accuse(m0, `${y}-03-01`);
  }
  m0Complaint2005 = await accuse(m0, '2005-01-10');
  for (const d of ['2006-02-10', '2007-01-10']) {
    await accuse(m0, d);
  }
  for (let y = 2001; y <= 2007; y++) {
    await accuse(m1, `${y}-05-01`);
  }
  m1Finding2007 = await accuse(m1, '2007-08-01');
  // earlier sustained findings, so the model for 2008 has positives to learn from
  await accuse(members[3]!, '2004-06-01', { finding: 'sustained', closed: '2004-12-01' });
  await accuse(members[4]!, '2006-06-01', { finding: 'sustained', closed: '2007-03-01' });
  await accuse(members[4]!, '2003-06-01');
  // outcomes of 2008: m0 sustained in a complaint of 2009, m2 in one of 2010
  await accuse(m0, '2009-04-01', { finding: 'sustained', closed: '2009-10-01' });
  await accuse(m2, '2010-02-01', { finding: 'sustained', closed: '2010-08-01' });
});

afterAll(async () => {
  await close();
});

describe(`early-intervention backtest on a constructed history (${engineName})`, () => {
  it('ranks by prior complaints and scores the top k% against the known outcomes', async () => {
    const r = await eisBacktest(db, TEST_JURISDICTION, TZ, { from: 2008, to: 2008, resamples: 20 });
    const y = r.years[0]!;
    expect(y.members).toBe(40);
    expect(y.positives).toBe(2);
    expect(r.base_rate).toBeCloseTo(2 / 40);
    // top 1% and 2% of 40 is one member (m0, 10 complaints): one of the two outcomes
    expect(r.pooled['1%'].rank_by_complaints).toEqual({ recall: 0.5, precision: 1 });
    expect(r.pooled['2%'].rank_by_complaints).toEqual({ recall: 0.5, precision: 1 });
    // top 5% is two members (m0 and m1 with 8): m2 had no complaint before 2009
    expect(r.pooled['5%'].rank_by_complaints).toEqual({ recall: 0.5, precision: 0.5 });
    // m0 had 3 complaints within 180 days only in 2005–2007, none in 2008: nobody is flagged
    expect(y.threshold_rule.flagged).toBe(0);
    expect(Object.keys(r.pooled['5%']).sort()).toEqual([
      'cpdp_percentile',
      'model',
      'rank_by_complaints',
      'threshold_3_in_180',
    ]);
  });

  it('a complaint received after T, or a finding decided after T, does not change the ranking for T', async () => {
    // every training row kept (no case-control sampling), so the small history trains a model
    // that weighs findings
    const all = { negativeShare: 1 };
    const before = new Ranker(await loadEisHistory(db, TEST_JURISDICTION, TZ), all).scores(2008);

    const [, m1, , , , m5] = members as [string, string, string, string, string, string];
    // a complaint received on Jan 1 of T+1, sustained the same year
    await accuse(m5, '2009-01-01', { finding: 'sustained', closed: '2009-06-01' });
    // a finding on a complaint of T-1, decided (case closed) on Jan 2 of T+1
    await db.query(`UPDATE allegations SET final_finding = 'sustained' WHERE id = $1`, [
      m1Finding2007.allegationId,
    ]);
    await db.query(`UPDATE cases SET closed_on = '2009-01-02' WHERE id = $1`, [
      m1Finding2007.caseId,
    ]);
    // an imported sustained finding on a complaint of 2005 whose case has no closing date: the
    // release does not say when it was decided (migration 0013 dated it at receipt)
    await db.query(`UPDATE allegations SET final_finding = 'sustained' WHERE id = $1`, [
      m0Complaint2005.allegationId,
    ]);
    await db.query(`UPDATE cases SET closed_on = NULL WHERE id = $1`, [m0Complaint2005.caseId]);
    const history = await loadEisHistory(db, TEST_JURISDICTION, TZ);
    const after = new Ranker(history, all).scores(2008);

    expect(after.members).toEqual(before.members);
    // the model is retrained, on features and labels known by Dec 31 of T: the same fit
    const fixed = (v: number[]): string[] => v.map((x) => x.toFixed(9));
    expect(fixed(after.byMethod.model)).toEqual(fixed(before.byMethod.model));
    expect(after.byMethod.rank_by_complaints).toEqual(before.byMethod.rank_by_complaints);
    expect(after.byMethod.cpdp_percentile).toEqual(before.byMethod.cpdp_percentile);
    expect(after.byMethod.threshold_3_in_180).toEqual(before.byMethod.threshold_3_in_180);

    // the finding counts from the year its case closed, the undated one never
    const ranker = new Ranker(history);
    const sustained = FEATURES.findIndex((f) => f.name === 'sustained_career');
    const pos = (id: string): number => history.members.findIndex((m) => m.id === id);
    expect(ranker.index.features(pos(m1), 2008)[sustained]).toBe(0);
    expect(ranker.index.features(pos(m1), 2009)[sustained]).toBe(1);
    expect(ranker.index.features(pos(members[0]!), 2012)[sustained]).toBe(1); // the 2009 one
    expect(history.allegations.find((a) => a.caseId === m0Complaint2005.caseId)?.knownDay).toBe(
      null,
    );
  });
});
