import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRosterLexicon } from '../src/server/commands/read-public.ts';
import { chicagoProfile } from '../src/server/domain/profiles/chicago.ts';
import { redactNarrative } from '../src/server/redaction/engine.ts';
import { TEST_JURISDICTION } from './test-db.ts';
import { testApp, type TestApp } from './test-app.ts';
import { complaintRow, COMPLAINTS_HEADER, importForTest } from './test-import.ts';

// The portal gives the redaction the names the records hold (docs/redaction.md rule 24): the
// case's own members and investigators, and the imported roster. Imported through the real
// importer, read through the real portal route.
const NARRATIVE =
  'The complainant alleged that tim west pushed her west of the park. grace hope interviewed ' +
  'the witnesses, who said mcgillicuddy was there too. There was no hope of a camera.';

// Rule 30: a star number names its holder, whose surname here is a word in lower case.
const STAR_NARRATIVE =
  'The complainant alleged a rude officer, ridge #44444, who stood on a ridge.';

const WITNESSES_HEADER =
  'row_id,cr_id,star,race,gender,birth_year,assigned_unit,current_unit,assigned_rank,rank,first_name,first_name_NS,last_name,last_name_NS,middle_initial,suffix_name';
const INVESTIGATORS_HEADER =
  'row_id,cr_id,star,race,gender,investigating_agency,birth_year,current_unit,rank,appointed_date,assign_date,first_name,first_name_NS,last_name,last_name_NS,middle_initial,suffix_name';

let t: TestApp;
let tmp: string;
let log: string;

beforeAll(async () => {
  // the machine's redaction of imported history, published unreviewed (issue 17 item 5)
  t = await testApp({ profile: { ...chicagoProfile, importedNarratives: 'machine_redacted' } });
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ovs-record-names-'));
  const write = (name: string, lines: string[]): void =>
    fs.writeFileSync(path.join(tmp, name), `${lines.join('\n')}\n`);
  write('complaints.csv', [
    COMPLAINTS_HEADER,
    complaintRow(1, '2021-0000001', NARRATIVE),
    complaintRow(2, '2021-0000002', STAR_NARRATIVE),
  ]);
  write('witnesses.csv', [
    WITNESSES_HEADER,
    // a witness officer on the case itself, whose names are words ("west")
    '1,2021-0000001,11111,BLACK,MALE,1980,,,POLICE OFFICER,,TIM,TIM,WEST,WEST,,',
    // a member of another case only: known to the roster, not to this case
    '2,2021-0000002,22222,WHITE,MALE,1975,,,SERGEANT,,EAMON,EAMON,MCGILLICUDDY,MCGILLICUDDY,,',
    '3,2021-0000002,44444,WHITE,FEMALE,1979,,,POLICE OFFICER,,ROSE,ROSE,RIDGE,RIDGE,,',
  ]);
  write('investigators.csv', [
    INVESTIGATORS_HEADER,
    '1,2021-0000001,,WHITE,FEMALE,COPA,1985,,INVESTIGATOR,,2021-03-05,GRACE,GRACE,HOPE,HOPE,,',
  ]);
  const result = await importForTest(t.db, [tmp], path.join(tmp, 'reports'));
  for (const f of result.files) {
    expect(f.error, f.file).toBeUndefined();
    expect(f.rejected, f.file).toBe(0);
  }
  log = (
    await t.db.query<{ log_number: string }>(
      `SELECT log_number FROM cases WHERE jurisdiction = $1 AND narrative LIKE 'The complainant alleged that%'`,
      [TEST_JURISDICTION],
    )
  )[0]!.log_number;
});
afterAll(async () => {
  await t.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('the portal redacts the names the records hold', () => {
  it('the engine alone would leave them (so the test below can fail)', () => {
    const alone = redactNarrative(NARRATIVE).text;
    expect(alone).toMatch(/west pushed/);
    expect(alone).toMatch(/grace hope/);
    expect(alone).toMatch(/mcgillicuddy/);
    expect(redactNarrative(STAR_NARRATIVE).text).toMatch(/ridge #44444/);
  });

  it("removes the case's members and investigators in any letter case, and roster surnames no dictionary holds", async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/public/v1/cases/${log}` });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<{
      narrative: { text: string; redactions: Array<{ kind: string }> } | null;
    }>();
    const text = body.narrative?.text ?? '';
    expect(text).not.toMatch(/tim west|grace hope|mcgillicuddy/i);
    // words that are only words stay: the case's names are redacted as names, not word by word
    expect(text).toContain('west of the park');
    expect(text).toContain('no hope of a camera');
    expect(body.narrative?.redactions.filter((r) => r.kind === 'person_name')).toHaveLength(3);
  });

  it('removes a member named by a star number the roster gives them', async () => {
    const [other] = await t.db.query<{ log_number: string }>(
      `SELECT log_number FROM cases WHERE jurisdiction = $1 AND narrative = $2`,
      [TEST_JURISDICTION, STAR_NARRATIVE],
    );
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/public/v1/cases/${other?.log_number ?? 'missing'}`,
    });
    expect(res.statusCode, res.body).toBe(200);
    const text = res.json<{ narrative: { text: string } | null }>().narrative?.text ?? '';
    expect(text).not.toMatch(/ridge #/i);
    expect(text).toContain('#44444');
    expect(text).toContain('stood on a ridge');
  });
});

describe('the roster lexicon', () => {
  it('is read once per refresh, and an expired one serves while the next is read', async () => {
    let now = Date.parse('2026-11-28T12:00:00Z');
    const deps = {
      db: t.db,
      jurisdiction: TEST_JURISDICTION,
      timeZone: 'America/Chicago',
      now: () => new Date(now),
      cipher: t.cipher,
      profile: chicagoProfile,
    };
    const roster = createRosterLexicon(60_000);
    expect((await roster(deps)).surnames.has('mcgillicuddy')).toBe(true);
    expect((await roster(deps)).surnames.has('wojciechowski')).toBe(false);

    fs.writeFileSync(
      path.join(tmp, 'witnesses-2.csv'),
      `${WITNESSES_HEADER}\n3,2021-0000002,33333,WHITE,MALE,1970,,,POLICE OFFICER,,ZBIGNIEW,ZBIGNIEW,WOJCIECHOWSKI,WOJCIECHOWSKI,,\n`,
    );
    const added = await importForTest(
      t.db,
      [path.join(tmp, 'witnesses-2.csv')],
      path.join(tmp, 'r2'),
    );
    expect(added.files[0]?.inserted).toBe(1);

    now += 30_000; // still fresh: the new member is not read yet
    expect((await roster(deps)).surnames.has('wojciechowski')).toBe(false);
    now += 60_000; // expired: this page gets the old lexicon, and the refresh starts behind it
    expect((await roster(deps)).surnames.has('wojciechowski')).toBe(false);
    // the refresh lands behind the page: poll for it (up to 5 s)
    let refreshed = false;
    for (let i = 0; i < 50 && !refreshed; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      refreshed = (await roster(deps)).surnames.has('wojciechowski');
    }
    expect(refreshed).toBe(true);
  });
});
