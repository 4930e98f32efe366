import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { testApp, type TestApp, type TestUser } from './test-app.ts';
import { fileCase, walk } from './factories.ts';
import { auditRows, caseId, expectNoWrites, expectProblem } from './http.ts';

type View = 'full' | 'public_fields' | 'none';

interface CaseBody {
  logNumber: string;
  view: View;
  restricted: boolean;
  restrictionReasons?: string[];
  narrative?: string;
  parties?: Array<{
    id: string;
    role: string;
    identity: { name?: string; phone?: string; email?: string } | null;
    identityMasked: boolean;
    vulnerabilities: string[];
  }>;
  abilities: { actions: string[]; transitions: Array<{ to: string }> };
  [key: string]: unknown;
}

const VICTIM = { name: 'Rosa Confidencial', phone: '773-555-0187', email: 'rosa@example.org' };
const VOLUNTEER = { name: 'Terry Volunteer', phone: '312-555-0111' };

describe('visibility: who sees which case, and how much', () => {
  let t: TestApp;
  const u = {} as Record<
    | 'intake'
    | 'investigator'
    | 'assigned'
    | 'supervisor'
    | 'chief'
    | 'auditor'
    | 'analyst'
    | 'admin'
    | 'pio'
    | 'biaInvestigator'
    | 'biaSupervisor'
    | 'biaPio',
    TestUser
  >;
  /** open: unrestricted COPA; sexual/minor/shelter: restricted three ways; bia: BIA-led. */
  const c = {} as Record<'open' | 'sexual' | 'minor' | 'shelter' | 'bia', string>;

  async function read(user: TestUser, n: string) {
    return t.as(user, { method: 'GET', url: `/api/v1/cases/${n}` });
  }
  async function view(user: TestUser, n: string): Promise<View> {
    const res = await read(user, n);
    if (res.statusCode === 404) {
      expectProblem(res, 404, 'case_not_found');
      return 'none';
    }
    expect(res.statusCode, res.body).toBe(200);
    return res.json<CaseBody>().view;
  }
  async function listed(user: TestUser): Promise<string[]> {
    const res = await t.as(user, { method: 'GET', url: '/api/v1/cases?pageSize=200' });
    expect(res.statusCode).toBe(200);
    const body = res.json<{ items: Array<{ logNumber: string }>; total: number }>();
    expect(body.total).toBe(body.items.length);
    return body.items.map((i) => i.logNumber).sort();
  }

  beforeAll(async () => {
    t = await testApp();
    u.intake = await t.user('intake');
    u.investigator = await t.user('investigator');
    u.assigned = await t.user('investigator');
    u.supervisor = await t.user('supervisor');
    u.chief = await t.user('chief_administrator');
    u.auditor = await t.user('auditor', 'OIG');
    u.analyst = await t.user('analyst');
    u.admin = await t.user('admin');
    u.pio = await t.user('public_information');
    u.biaInvestigator = await t.user('investigator', 'BIA');
    u.biaSupervisor = await t.user('supervisor', 'BIA');
    u.biaPio = await t.user('public_information', 'BIA');

    c.open = await fileCase(t, u.intake, {
      parties: [{ role: 'complainant', ...VICTIM, language: 'es' }],
    });
    c.sexual = await fileCase(t, u.intake, {
      categories: ['sexual_misconduct'],
      officersUnknown: true,
      parties: [
        { role: 'reporting_party', ...VOLUNTEER },
        { role: 'victim', anonymous: true, language: 'es' },
      ],
    });
    c.minor = await fileCase(t, u.intake, {
      parties: [{ role: 'victim', ...VICTIM, vulnerabilities: ['minor'] }],
    });
    c.shelter = await fileCase(t, u.intake, { parties: [] });
    const added = await t.as(u.intake, {
      method: 'POST',
      url: `/api/v1/cases/${c.shelter}/parties`,
      payload: { role: 'victim', ...VICTIM, vulnerabilities: ['shelter_resident'] },
    });
    expect(added.json<{ restricted: boolean }>().restricted).toBe(true);
    c.bia = await fileCase(t, u.intake, { categories: ['operational_violation'] });
    for (const n of [c.sexual, c.minor, c.shelter]) {
      const res = await t.as(u.supervisor, {
        method: 'POST',
        url: `/api/v1/cases/${n}/assignments`,
        payload: { userId: u.assigned.id, role: 'investigator' },
      });
      expect(res.statusCode).toBe(201);
    }
  });
  afterAll(async () => {
    await t.close();
  });

  it('marks the three kinds of restricted case as restricted', async () => {
    const reasons: Record<string, string[]> = {};
    for (const n of [c.open, c.sexual, c.minor, c.shelter]) {
      const body = (await read(u.chief, n)).json<CaseBody>();
      reasons[n] = body.restricted ? (body.restrictionReasons ?? []) : [];
    }
    expect(reasons).toEqual({
      [c.open]: [],
      [c.sexual]: ['sexual_misconduct'],
      [c.minor]: ['minor_party'],
      [c.shelter]: ['shelter_resident_party'],
    });
  });

  const matrix: Array<[keyof typeof u, Record<keyof typeof c, View>]> = [
    ['intake', { open: 'full', sexual: 'none', minor: 'none', shelter: 'none', bia: 'none' }],
    ['investigator', { open: 'full', sexual: 'none', minor: 'none', shelter: 'none', bia: 'none' }],
    ['assigned', { open: 'full', sexual: 'full', minor: 'full', shelter: 'full', bia: 'none' }],
    ['supervisor', { open: 'full', sexual: 'full', minor: 'full', shelter: 'full', bia: 'none' }],
    ['chief', { open: 'full', sexual: 'full', minor: 'full', shelter: 'full', bia: 'none' }],
    ['auditor', { open: 'full', sexual: 'full', minor: 'full', shelter: 'full', bia: 'full' }],
    ['analyst', { open: 'none', sexual: 'none', minor: 'none', shelter: 'none', bia: 'none' }],
    ['admin', { open: 'none', sexual: 'none', minor: 'none', shelter: 'none', bia: 'none' }],
    [
      'pio',
      {
        open: 'public_fields',
        sexual: 'public_fields',
        minor: 'public_fields',
        shelter: 'public_fields',
        bia: 'none',
      },
    ],
    [
      'biaInvestigator',
      { open: 'none', sexual: 'none', minor: 'none', shelter: 'none', bia: 'full' },
    ],
    [
      'biaSupervisor',
      { open: 'none', sexual: 'none', minor: 'none', shelter: 'none', bia: 'full' },
    ],
    [
      'biaPio',
      { open: 'none', sexual: 'none', minor: 'none', shelter: 'none', bia: 'public_fields' },
    ],
  ];

  it.each(matrix)('%s reads exactly the cases the policy allows', async (who, expected) => {
    const seen: Record<string, View> = {};
    for (const key of Object.keys(c) as Array<keyof typeof c>) {
      seen[key] = await view(u[who], c[key]);
    }
    expect(seen).toEqual(expected);
  });

  it.each(matrix)('%s lists exactly the cases it may read', async (who, expected) => {
    const visible = (Object.keys(c) as Array<keyof typeof c>)
      .filter((key) => expected[key] !== 'none')
      .map((key) => c[key])
      .sort();
    expect(await listed(u[who])).toEqual(visible);
  });

  it('an invisible case is indistinguishable from a missing one', async () => {
    const hidden = await read(u.intake, c.sexual);
    const missing = await read(u.intake, '2023-9999999');
    expect(hidden.statusCode).toBe(404);
    expect(hidden.headers['content-type']).toBe(missing.headers['content-type']);
    expect(hidden.body.replace(c.sexual, 'N')).toBe(missing.body.replace('2023-9999999', 'N'));
  });

  it('a restricted-case 404 does not write anything, not even an audit row', async () => {
    await expectNoWrites(t.db, async () => {
      for (const who of [u.intake, u.investigator, u.analyst, u.admin, u.biaSupervisor]) {
        expect((await read(who, c.minor)).statusCode).toBe(404);
      }
    });
  });

  it('opens a COPA case to BIA only once BIA is added as an agency, restricted parts to its managers', async () => {
    for (const n of [c.open, c.sexual]) {
      expect(await view(u.biaInvestigator, n)).toBe('none');
      expect(await view(u.biaSupervisor, n)).toBe('none');
      const res = await t.as(u.supervisor, {
        method: 'POST',
        url: `/api/v1/cases/${n}/agencies`,
        payload: { agency: 'BIA', track: 'criminal', role: 'parallel' },
      });
      expect(res.statusCode).toBe(201);
    }
    expect(await view(u.biaInvestigator, c.open)).toBe('full');
    expect(await view(u.biaSupervisor, c.open)).toBe('full');
    expect(await view(u.biaPio, c.open)).toBe('public_fields');
    // restricted: need-to-know; BIA's supervisor manages BIA's track, its unassigned investigator does not
    expect(await view(u.biaInvestigator, c.sexual)).toBe('none');
    expect(await view(u.biaSupervisor, c.sexual)).toBe('full');
    expect(await listed(u.biaInvestigator)).toEqual([c.bia, c.open].sort());
    expect(await listed(u.biaSupervisor)).toEqual([c.bia, c.open, c.sexual].sort());
  });

  it('reading a restricted case writes a case.read_restricted audit row for every reader', async () => {
    const id = await caseId(t.db, c.minor);
    const before = (await auditRows(t.db, 'case.read_restricted', c.minor)).length;
    // the public-information officer reads public fields only, but of a restricted case
    for (const who of [u.assigned, u.supervisor, u.chief, u.auditor, u.pio]) {
      expect((await read(who, c.minor)).statusCode).toBe(200);
    }
    const rows = (await auditRows(t.db, 'case.read_restricted', c.minor)).slice(before);
    expect(rows.map((r) => r.actor_id)).toEqual([
      u.assigned.id,
      u.supervisor.id,
      u.chief.id,
      u.auditor.id,
      u.pio.id,
    ]);
    for (const r of rows) {
      expect(r).toMatchObject({ entity_type: 'case', entity_id: c.minor, case_id: id });
    }
    // listing is not reading: it shows no restricted content and writes nothing
    await expectNoWrites(t.db, async () => {
      expect(await listed(u.chief)).toContain(c.minor);
    });
    // an unrestricted read is not a restricted read, in either view
    expect((await read(u.investigator, c.open)).statusCode).toBe(200);
    expect(await view(u.pio, c.open)).toBe('public_fields');
    expect(await auditRows(t.db, 'case.read_restricted', c.open)).toEqual([]);
  });

  describe('party identity', () => {
    it('is decrypted for the case team and masked for everyone else who sees the case', async () => {
      const identityOf = async (who: TestUser, n: string) => {
        const body = (await read(who, n)).json<CaseBody>();
        return body.parties?.map((p) => ({ identity: p.identity, masked: p.identityMasked }));
      };
      const shown = [{ identity: { ...VICTIM }, masked: false }];
      const masked = [{ identity: null, masked: true }];
      // the unrestricted case, still at intake
      expect(await identityOf(u.intake, c.open)).toEqual(shown);
      expect(await identityOf(u.supervisor, c.open)).toEqual(shown);
      expect(await identityOf(u.chief, c.open)).toEqual(shown);
      expect(await identityOf(u.investigator, c.open)).toEqual(masked);
      expect(await identityOf(u.auditor, c.open)).toEqual(masked);
      // the restricted case: the assigned investigator is on the team
      expect(await identityOf(u.assigned, c.minor)).toEqual(shown);
      expect(await identityOf(u.auditor, c.minor)).toEqual(masked);
      // intake loses identity rights once the case leaves intake
      await walk(t, u.supervisor, c.open, [{ to: 'preliminary' }]);
      expect(await identityOf(u.intake, c.open)).toEqual(masked);
      expect(await identityOf(u.supervisor, c.open)).toEqual(shown);
    });

    it('an anonymous party without identity fields is neither shown nor masked', async () => {
      const body = (await read(u.supervisor, c.sexual)).json<CaseBody>();
      const parties = [...(body.parties ?? [])].sort((a, b) => a.role.localeCompare(b.role));
      expect(parties.map((p) => [p.role, p.identity, p.identityMasked])).toEqual([
        ['reporting_party', { ...VOLUNTEER }, false],
        ['victim', null, false],
      ]);
    });

    it('every decryption is audited with the parties it revealed', async () => {
      const before = (await auditRows(t.db, 'party.identity_read', c.minor)).length;
      const body = (await read(u.assigned, c.minor)).json<CaseBody>();
      const rows = (await auditRows(t.db, 'party.identity_read', c.minor)).slice(before);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        actor_id: u.assigned.id,
        changes: { parties: body.parties?.map((p) => p.id) },
      });
      // a masked read decrypts nothing and says so by writing no identity-read row
      const auditorBefore = (await auditRows(t.db, 'party.identity_read', c.minor)).length;
      await read(u.auditor, c.minor);
      expect(await auditRows(t.db, 'party.identity_read', c.minor)).toHaveLength(auditorBefore);
    });

    it('is stored only as ciphertext: no column holds the plaintext name, phone or email', async () => {
      const parties = await t.db.query<{ identity_enc: string | null; whole: string }>(
        `SELECT identity_enc, p::text AS whole FROM parties p`,
      );
      expect(parties.length).toBeGreaterThanOrEqual(5);
      const secrets = [
        VICTIM.name,
        VICTIM.phone,
        VICTIM.email,
        VOLUNTEER.name,
        VOLUNTEER.phone,
        // the factory's default complainant, on the BIA case
        'Jordan Example',
        '312-555-0100',
      ];
      for (const p of parties) {
        for (const s of secrets) {
          expect(p.whole).not.toContain(s);
          expect(p.whole.toLowerCase()).not.toContain(s.split(' ')[0]!.toLowerCase());
        }
      }
      const withIdentity = parties.filter((p) => p.identity_enc !== null);
      expect(withIdentity.length).toBe(5);
      for (const p of withIdentity) {
        expect(p.identity_enc).toMatch(
          /^v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/,
        );
      }
      // nor does the audit log, which names fields and never values
      const [audit] = await t.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM audit_events a
          WHERE a::text ILIKE '%rosa%' OR a::text LIKE '%555-01%' OR a::text ILIKE '%terry%'
             OR a::text ILIKE '%jordan%'`,
      );
      expect(audit?.n).toBe(0);
    });

    it('a ciphertext copied onto another party does not decrypt there', async () => {
      const [victim] = await t.db.query<{ id: string; identity_enc: string }>(
        `SELECT p.id, p.identity_enc FROM parties p JOIN cases c ON c.id = p.case_id
          WHERE c.log_number = $1`,
        [c.minor],
      );
      const [other] = await t.db.query<{ id: string }>(
        `SELECT p.id FROM parties p JOIN cases c ON c.id = p.case_id
          WHERE c.log_number = $1 AND p.identity_enc IS NOT NULL`,
        [c.shelter],
      );
      expect(() =>
        t.cipher.decrypt(victim!.identity_enc, `parties.identity_enc:${other!.id}`),
      ).toThrow();
      expect(
        JSON.parse(t.cipher.decrypt(victim!.identity_enc, `parties.identity_enc:${victim!.id}`)),
      ).toEqual(VICTIM);
    });
  });

  describe('abilities', () => {
    async function abilities(who: TestUser, n: string) {
      return (await read(who, n)).json<CaseBody>().abilities;
    }

    it('differ by role on the same case', async () => {
      const n = await fileCase(t, u.intake);
      const intake = await abilities(u.intake, n);
      const investigator = await abilities(u.investigator, n);
      const supervisor = await abilities(u.supervisor, n);
      const chief = await abilities(u.chief, n);
      const auditor = await abilities(u.auditor, n);
      const pio = await abilities(u.pio, n);

      expect(investigator).toEqual({ actions: ['case.read'], transitions: [] });
      expect(auditor).toEqual({ actions: ['case.read'], transitions: [] });
      expect(pio).toEqual({
        actions: ['case.read', 'case.draft_statement', 'case.log_press_inquiry'],
        transitions: [],
      });
      expect(intake.actions.sort()).toEqual(
        [
          'case.read',
          'case.read_identity',
          'case.transition',
          'case.correct_facts',
          'case.add_party',
        ].sort(),
      );
      expect(intake.transitions.map((x) => x.to)).toEqual(['preliminary']);
      expect(supervisor.actions).toEqual(
        expect.arrayContaining([
          'case.assign',
          'case.correct_facts',
          'case.extend_deadline',
          'case.add_agency',
          'case.add_allegation',
          'case.record_recommended_finding',
        ]),
      );
      expect(supervisor.actions).not.toContain('case.record_final_finding');
      expect(supervisor.actions).not.toContain('case.recommend_duty_status');
      expect(supervisor.actions).not.toContain('case.draft_statement');
      expect(supervisor.transitions.map((x) => x.to).sort()).toEqual(
        ['closed_no_finding', 'closed_referred', 'preliminary'].sort(),
      );
      expect(chief.actions).toEqual(
        expect.arrayContaining([
          ...supervisor.actions,
          'case.record_final_finding',
          'case.recommend_duty_status',
          'case.decide_duty_status',
          'case.draft_statement',
        ]),
      );
    });

    it('follow the assignment: an investigator gains case actions once assigned', async () => {
      const n = await fileCase(t, u.intake);
      expect((await abilities(u.assigned, n)).actions).toEqual(['case.read']);
      const res = await t.as(u.supervisor, {
        method: 'POST',
        url: `/api/v1/cases/${n}/assignments`,
        payload: { userId: u.assigned.id, role: 'lead_investigator' },
      });
      expect(res.statusCode).toBe(201);
      expect((await abilities(u.assigned, n)).actions).toEqual(
        expect.arrayContaining([
          'case.read_identity',
          'case.add_allegation',
          'case.log_activity',
          'case.record_recommended_finding',
        ]),
      );
      expect((await abilities(u.assigned, n)).actions).not.toContain('case.assign');
    });

    it('announce only actions the server then allows', async () => {
      const n = await fileCase(t, u.intake);
      const { actions } = await abilities(u.investigator, n);
      expect(actions).not.toContain('case.log_activity');
      expectProblem(
        await t.as(u.investigator, {
          method: 'POST',
          url: `/api/v1/cases/${n}/activities`,
          payload: { kind: 'note', occurredAt: '2023-09-20T10:00:00Z', summary: 'x' },
        }),
        403,
        'forbidden',
      );
    });
  });

  describe('the public-information view', () => {
    it('shows public fields only: no narrative, parties, incident or investigation', async () => {
      for (const n of [c.open, c.sexual]) {
        const res = await read(u.pio, n);
        expect(res.statusCode).toBe(200);
        const body = res.json<CaseBody>();
        expect(body.view).toBe('public_fields');
        for (const hidden of [
          'narrative',
          'parties',
          'incident',
          'facility',
          'channel',
          'flags',
          'restrictionReasons',
          'routing',
          'routingHistory',
          'assignments',
          'allegations',
          'activities',
          'dutyStatus',
          'deadlines',
          'statusHistory',
          'officersUnknown',
        ]) {
          expect(body, `${hidden} on ${n}`).not.toHaveProperty(hidden);
        }
        expect(body).toMatchObject({ logNumber: n, caseType: 'complaint', leadAgency: 'COPA' });
        expect(res.body).not.toMatch(/Rosa|Terry|555-01/);
      }
    });

    it('does not decrypt or audit identities for a public-fields read', async () => {
      await expectNoWrites(t.db, async () => {
        await read(u.pio, c.open);
      });
    });
  });

  describe('analysts and admins', () => {
    it.each(['analyst', 'admin'] as const)('%s gets 404 on every case', async (who) => {
      for (const n of Object.values(c)) {
        expectProblem(await read(u[who], n), 404, 'case_not_found');
      }
      expect(await listed(u[who])).toEqual([]);
    });
  });
});
