import type { Agency, Role } from '../../shared/enums.ts';
import type { CaseIntakeRequest } from '../../shared/schemas/cases.ts';
import { CaseIntakeRequest as IntakeSchema } from '../../shared/schemas/cases.ts';
import type { z } from 'zod';
import type { Runtime } from '../runtime.ts';
import type { Actor } from '../policies/actor.ts';
import type { CommandDeps } from '../commands/context.ts';
import { addUser, createToken } from '../commands/users.ts';
import { addFacility, addShelterPeriod, recordDailyCount } from '../commands/facilities.ts';
import { addMember } from '../commands/add-member.ts';
import { fileCase } from '../commands/file-case.ts';
import { addCaseAgency } from '../commands/add-case-agency.ts';
import { assignCase } from '../commands/assign-case.ts';
import { logActivity } from '../commands/log-activity.ts';
import { addAllegation } from '../commands/add-allegation.ts';
import { recordDutyStatus } from '../commands/record-duty-status.ts';
import { draftStatement, publishStatement, reviewStatement } from '../commands/statements.ts';
import { answerPressInquiry, logPressInquiry } from '../commands/press-inquiries.ts';
import { transitionCase } from '../commands/transition-case.ts';
import { recordAllegationFinding } from '../commands/record-finding.ts';
import { findUserByEmail, setPasswordIfMissing } from '../repositories/users.repository.ts';
import { hashPassword } from '../security/credentials.ts';
import { newTotpSecret, otpauthUri } from '../security/totp.ts';
import { provisionTotp, readTotpSecret } from '../commands/second-factor.ts';
import { findMembersByStar } from '../repositories/members.repository.ts';
import { bundle } from '../services.ts';
import {
  DEMO_MEMBERS as MEMBERS,
  DEMO_NEWCOMER,
  DEMO_PASSWORD,
  DEMO_STATIONS as STATIONS,
  DEMO_USERS,
} from '../domain/profiles/chicago-demo.ts';

export { DEMO_NEWCOMER, DEMO_PASSWORD, DEMO_USERS };

export interface DemoSummary {
  loaded: boolean;
  tokens: Array<{ email: string; roles: Role[]; agency: Agency; token: string }>;
  text: string;
}

type Intake = z.input<typeof CaseIntakeRequest>;

/**
 * Loads demo users, stations (the 10th District as a 2023 temporary shelter site), a fictional
 * roster and realistic cases — the 2023 shelter case worked through every step of PRODUCT.md §1 —
 * through the same commands the API uses. Idempotent: a second run only issues fresh tokens.
 */
/**
 * Loads the demo data once and issues fresh demo tokens. `baseUrl` is where the server answers
 * (the `--host`/`--port` the command was given, else the configured ones): the banner's links
 * must point there, not at a default port.
 */
export async function loadDemo(rt: Runtime, baseUrl: string): Promise<DemoSummary> {
  const sys = bundle(rt);
  const addDemoUser = (u: (typeof DEMO_USERS)[number]) =>
    addUser(sys, {
      email: u.email,
      displayName: u.name,
      agency: u.agency,
      roles: u.roles,
      password: DEMO_PASSWORD,
    });
  const alreadyLoaded = Boolean(
    await findUserByEmail(rt.db, rt.jurisdiction, DEMO_USERS[0]!.email),
  );
  if (!alreadyLoaded) {
    for (const u of DEMO_USERS) {
      await addDemoUser(u);
    }
  } else {
    // data directories made before sign-in existed: give their demo users the demo password
    const hash = await hashPassword(DEMO_PASSWORD);
    for (const u of DEMO_USERS) {
      if (!(await findUserByEmail(rt.db, rt.jurisdiction, u.email))) {
        // a demo user added since this data directory was made
        await addDemoUser(u);
      }
      await setPasswordIfMissing(rt.db, rt.jurisdiction, u.email, hash);
    }
  }
  const totp = await provisionDemoTotp(rt);
  const actors = new Map<string, Actor>();
  for (const u of DEMO_USERS) {
    const row = await findUserByEmail(rt.db, rt.jurisdiction, u.email);
    if (row) {
      actors.set(u.email, {
        id: row.id,
        email: row.email,
        displayName: row.display_name,
        agency: row.agency,
        roles: row.roles,
      });
    }
  }
  const as = (email: string): CommandDeps => bundle(rt, actors.get(email)!);
  if (!alreadyLoaded) {
    await loadReferenceData(as('admin@copa.example'), as('chief@copa.example'));
    await loadCases(as);
  }
  const tokens = [];
  for (const u of DEMO_USERS) {
    const { token } = await createToken(sys, { email: u.email, label: 'demo', expiresInDays: 7 });
    tokens.push({ email: u.email, roles: u.roles, agency: u.agency, token });
  }
  const lines = [
    alreadyLoaded
      ? 'Demo data already loaded; issued fresh demo tokens (valid 7 days):'
      : 'Loaded demo data. Demo tokens (valid 7 days):',
    ...tokens.map(
      (t) => `  ${t.email.padEnd(28)} ${`${t.agency} ${t.roles.join(',')}`.padEnd(28)} ${t.token}`,
    ),
    `Try: curl -H "Authorization: Bearer <token>" ${baseUrl}/api/v1/cases`,
    `Staff web app: ${baseUrl}/staff/ (every demo user's password: ${DEMO_PASSWORD})`,
    `Second factor: add the demo TOTP secret to any authenticator app; it gives the 6-digit code for every demo user except ${DEMO_NEWCOMER}, who enrols at the first sign-in.`,
    `  demo TOTP secret: ${totp.secret}`,
    `  otpauth URI: ${totp.uri}`,
    ...totp.own.map((o) => `  ${o.email} has its own TOTP secret: ${o.secret}`),
  ];
  return { loaded: !alreadyLoaded, tokens, text: lines.join('\n') };
}

/**
 * Demo users get a TOTP factor (ADR 0015): one random secret per demo data directory, shared by
 * every demo user except the newcomer, so a person trying the product adds one entry to an
 * authenticator app, as they use one shared password. Printed on every demo run; a user whose
 * factor was reset since (`oversight users totp`) is printed with their own.
 */
async function provisionDemoTotp(
  rt: Runtime,
): Promise<{ secret: string; uri: string; own: Array<{ email: string; secret: string }> }> {
  const deps = bundle(rt);
  const enrolled = DEMO_USERS.filter((u) => u.email !== DEMO_NEWCOMER);
  const current = await Promise.all(enrolled.map((u) => readTotpSecret(deps, u.email)));
  const secret = current[0] ?? newTotpSecret();
  const own: Array<{ email: string; secret: string }> = [];
  for (const [i, u] of enrolled.entries()) {
    const has = current[i];
    if (!has) {
      await provisionTotp(deps, u.email, { secret });
    } else if (has !== secret) {
      own.push({ email: u.email, secret: has });
    }
  }
  return { secret, uri: otpauthUri(secret, 'demo'), own };
}

async function loadReferenceData(admin: CommandDeps, chief: CommandDeps): Promise<void> {
  for (const [district, name, address] of STATIONS) {
    await addFacility(admin, {
      code: `D${district}`,
      name,
      kind: 'district_station',
      district,
      address,
    });
  }
  await addFacility(admin, {
    code: 'HQ',
    name: 'Public Safety Headquarters',
    kind: 'headquarters',
    address: '3510 S Michigan Ave',
  });
  // 2023: the city housed arriving migrants in district station lobbies
  await addShelterPeriod(chief, 'D010', {
    startsOn: '2023-05-01',
    endsOn: '2023-11-15',
    note: 'Temporary shelter site in the station lobby',
  });
  await addShelterPeriod(chief, 'D001', {
    startsOn: '2023-05-10',
    endsOn: '2023-10-31',
    note: 'Temporary shelter site in the station lobby',
  });
  const counts = [38, 41, 44, 47, 45, 52, 49];
  for (const [i, residents] of counts.entries()) {
    await recordDailyCount(chief, 'D010', { day: `2023-09-0${i + 1}`, residents });
  }
  for (const m of MEMBERS) {
    await addMember(admin, m);
  }
}

async function intake(deps: CommandDeps, body: Intake): Promise<string> {
  return (await fileCase(deps, IntakeSchema.parse(body))).logNumber;
}

async function loadCases(as: (email: string) => CommandDeps): Promise<void> {
  const intakeUser = as('intake@copa.example');
  const chief = as('chief@copa.example');
  const supervisor = as('supervisor@copa.example');
  const investigator = as('investigator@copa.example');
  const pio = as('pio@copa.example');
  const biaSupervisor = as('supervisor@bia.example');
  const members = new Map<string, string>();
  for (const m of MEMBERS) {
    // an imported history may hold other members with the same star: take the demo's own
    const member = (await findMembersByStar(chief.db, chief.jurisdiction, m.star)).find(
      (r) => r.first_name === m.firstName && r.last_name === m.lastName,
    );
    members.set(m.star, member!.id);
  }

  // PRODUCT.md §1: the 2023 shelter case, step by step.
  const log = await intake(intakeUser, {
    caseType: 'miscellaneous',
    channel: 'intermediary',
    receivedAt: '2023-09-18T10:12:00-05:00',
    narrative:
      'A volunteer who assists people staying in the lobby of the 10th District station reports that one or more officers had sexual contact with a woman temporarily living in the lobby. The woman may be a minor and speaks Spanish. The volunteer does not know the officers’ names.',
    incident: { district: '010', facilityCode: 'D010' },
    categories: ['sexual_misconduct'],
    officersUnknown: true,
    parties: [
      {
        role: 'victim',
        anonymous: true,
        language: 'es',
        vulnerabilities: ['shelter_resident', 'minor', 'limited_english'],
        contactSafety: { lettersToShelter: false, throughIntermediaryOnly: true },
      },
      {
        role: 'intermediary',
        name: 'Demo Volunteer',
        phone: '312-555-0142',
        organization: 'Demo Shelter Volunteers',
        consentScope: 'report the incident; relay contact from COPA',
        language: 'en',
      },
    ],
  });
  await addCaseAgency(chief, {
    logNumber: log,
    agency: chief.profile.agencyRoles.internalAffairs,
    track: 'criminal',
    role: 'parallel',
  });
  await assignCase(supervisor, {
    logNumber: log,
    email: 'investigator@copa.example',
    role: 'lead_investigator',
  });
  await assignCase(biaSupervisor, {
    logNumber: log,
    email: 'investigator@bia.example',
    role: 'investigator',
  });
  await transitionCase(supervisor, { logNumber: log, to: 'preliminary' });
  await transitionCase(supervisor, { logNumber: log, to: 'investigation' });
  for (const [date, place, outcome] of [
    [
      '2023-09-20T14:00:00-05:00',
      '10th District station lobby',
      'Spoke with residents through a Spanish interpreter; no one identified the woman.',
    ],
    [
      '2023-09-22T11:00:00-05:00',
      'City shelter, Near West Side',
      'Canvassed residents transferred from the 10th District; no witness came forward.',
    ],
    ['2023-09-26T16:30:00-05:00', '1st District station lobby', 'Canvassed; no information.'],
  ] as const) {
    await logActivity(investigator, {
      logNumber: log,
      kind: 'canvass',
      occurredAt: date,
      place,
      outcome,
      summary: 'Shelter canvass for the victim and witnesses.',
    });
  }
  await logActivity(investigator, {
    logNumber: log,
    kind: 'evidence_request',
    occurredAt: '2023-09-21T09:00:00-05:00',
    summary: 'Requested station lobby video and the duty roster for 2023-09-10 to 2023-09-17.',
  });
  const allegations = [];
  for (const star of ['10231', '11872']) {
    allegations.push(
      await addAllegation(investigator, {
        logNumber: log,
        memberId: members.get(star)!,
        category: 'sexual_misconduct',
        summary: 'Alleged sexual contact with a person sheltering in the station lobby.',
      }),
    );
  }
  for (const star of ['10231', '11872']) {
    const rec = await recordDutyStatus(chief, {
      memberId: members.get(star)!,
      action: 'relieved_of_police_powers',
      stage: 'recommended',
      logNumber: log,
      reason:
        'Seriousness of the allegation and the officers’ continued access to people sheltering at the station.',
      effectiveAt: '2023-09-27T12:00:00-05:00',
    });
    await recordDutyStatus(chief, {
      memberId: members.get(star)!,
      action: 'relieved_of_police_powers',
      stage: 'decided',
      logNumber: log,
      recommendationId: rec.id,
      decidedBy: 'Superintendent of Police',
      reason: 'Relieved of police powers pending the investigations.',
      effectiveAt: '2023-09-28T09:00:00-05:00',
      badgeSurrendered: true,
      weaponSurrendered: true,
    });
  }
  const en = await draftStatement(pio, {
    logNumbers: [log],
    language: 'en',
    text: 'The allegations are under investigation by BIA and COPA.',
  });
  const es = await draftStatement(pio, {
    logNumbers: [log],
    language: 'es',
    text: 'Las denuncias están siendo investigadas por BIA y COPA.',
    translationOf: en.statementId,
  });
  // a second person reviews both versions; the pair is published together (ADR 0046)
  await reviewStatement(chief, en.statementId);
  await reviewStatement(chief, es.statementId);
  await publishStatement(pio, en.statementId);
  const press = await logPressInquiry(pio, {
    logNumbers: [log],
    outlet: 'Chicago Daily (demo)',
    question: 'Were any officers’ police powers revoked?',
    receivedAt: '2023-09-29T10:00:00-05:00',
    respondBy: '2023-09-29T17:00:00-05:00',
  });
  await answerPressInquiry(pio, {
    pressInquiryId: press.pressInquiryId,
    statementId: en.statementId,
  });
  for (const a of allegations) {
    await recordAllegationFinding(chief, {
      logNumber: log,
      allegationId: a.allegationId,
      recommendedFinding: 'not_sustained',
    });
  }
  await transitionCase(chief, {
    logNumber: log,
    to: 'closed_no_finding',
    reason: 'no_victim_or_witness_identified',
    note: 'No victim or witness came forward after repeated canvasses.',
  });
  await transitionCase(chief, {
    logNumber: log,
    to: 'investigation',
    reason: 'new_material_evidence',
    note: 'A witness contacted the intermediary.',
  });

  // Other cases across the profile's clauses.
  const others: Intake[] = [
    {
      caseType: 'complaint',
      channel: 'online',
      receivedAt: '2024-02-06T09:40:00-06:00',
      narrative:
        'Complainant states officers slammed him against a squad car and punched him during an arrest near W Madison St.',
      incident: {
        occurredAt: '2024-02-04T23:15:00-06:00',
        address: '5700 W Madison St',
        beat: '1513',
        district: '015',
      },
      categories: ['excessive_force', 'verbal_abuse'],
      parties: [
        {
          role: 'complainant',
          name: 'Demo Complainant One',
          email: 'demo.one@example.org',
          language: 'en',
        },
      ],
    },
    {
      caseType: 'notification',
      channel: 'department_notification',
      notificationType: 'firearm_discharge_injury',
      receivedAt: '2024-03-11T02:05:00-05:00',
      narrative:
        'CPD notification: an officer discharged a firearm during a foot pursuit; one person was struck and taken to a hospital.',
      incident: {
        occurredAt: '2024-03-11T01:32:00-05:00',
        address: '6300 S Ashland Ave',
        beat: '0726',
        district: '007',
      },
      categories: ['firearm_discharge'],
      seriousInjuryOrDeath: true,
    },
    {
      caseType: 'complaint',
      channel: 'phone',
      receivedAt: '2024-04-15T13:20:00-05:00',
      narrative:
        'Caller reports officers searched her car without consent or a warrant during a traffic stop and left her belongings on the street.',
      incident: {
        occurredAt: '2024-04-13T19:00:00-05:00',
        address: '3100 W Harrison St',
        district: '011',
      },
      categories: ['improper_search_seizure'],
      parties: [
        {
          role: 'complainant',
          anonymous: true,
          language: 'es',
          vulnerabilities: ['limited_english'],
        },
      ],
    },
    {
      caseType: 'complaint',
      channel: 'email',
      receivedAt: '2024-05-02T08:00:00-05:00',
      narrative:
        'Complainant says an officer did not complete a required report after a minor traffic crash and was rude on the phone.',
      incident: { occurredAt: '2024-04-29T17:45:00-05:00', district: '018' },
      categories: ['operational_violation'],
      parties: [{ role: 'complainant', name: 'Demo Complainant Two', phone: '773-555-0188' }],
    },
    {
      caseType: 'complaint',
      channel: 'walk_in',
      receivedAt: '2024-06-20T15:00:00-05:00',
      narrative: 'A woman reports that her partner, a CPD officer, threatened her at home.',
      categories: ['domestic_violence'],
      parties: [
        {
          role: 'victim',
          name: 'Demo Victim Three',
          language: 'en',
          contactSafety: { voicemailOk: false },
        },
      ],
    },
    {
      caseType: 'notification',
      channel: 'department_notification',
      notificationType: 'taser_discharge',
      receivedAt: '2024-07-08T21:30:00-05:00',
      narrative:
        'CPD notification: taser discharged during an arrest; no injury beyond probe removal.',
      incident: { occurredAt: '2024-07-08T20:50:00-05:00', district: '006' },
      categories: ['taser_discharge'],
    },
  ];
  const logs = [];
  for (const body of others) {
    logs.push(await intake(intakeUser, body));
  }
  // move a couple along so the queue shows varied stages
  await transitionCase(supervisor, { logNumber: logs[0]!, to: 'preliminary' });
  await transitionCase(supervisor, { logNumber: logs[0]!, to: 'investigation' });
  await assignCase(supervisor, {
    logNumber: logs[0]!,
    email: 'investigator2@copa.example',
    role: 'lead_investigator',
  });
  await addAllegation(supervisor, {
    logNumber: logs[0]!,
    memberId: members.get('15561')!,
    category: 'excessive_force',
    summary: 'Struck the complainant during an arrest.',
  });
  // a partner named in the same complaint: the member pages show them as co-accused (issue 19)
  await addAllegation(supervisor, {
    logNumber: logs[0]!,
    memberId: members.get('14420')!,
    category: 'verbal_abuse',
    summary: 'Insulted the complainant during the same arrest.',
  });
  await transitionCase(supervisor, {
    logNumber: logs[2]!,
    to: 'closed_no_finding',
    reason: 'member_not_identified',
  });
}
