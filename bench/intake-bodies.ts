import type { z } from 'zod';
import type { CaseIntakeRequest } from '../src/shared/schemas/cases.ts';
import type { Category, Channel, NotificationType } from '../src/shared/enums.ts';

type IntakeBody = z.input<typeof CaseIntakeRequest>;
type PartyBody = NonNullable<IntakeBody['parties']>[number];

export { seededRandom as prng } from '../src/shared/seeded-random.ts';

const COMPLAINT_CATEGORIES: Category[] = [
  'excessive_force',
  'improper_search_seizure',
  'verbal_abuse',
  'bias',
  'coercion',
  'denial_of_counsel',
  'operational_violation',
  'unnecessary_display_of_weapon',
  'first_amendment',
  'false_report',
  'abuse_of_authority',
  'sexual_misconduct',
  'domestic_violence',
];
const COMPLAINT_CHANNELS: Channel[] = [
  'phone',
  'online',
  'email',
  'mail',
  'walk_in',
  'district_station',
  'intermediary',
];
const NOTIFICATIONS: Array<{ type: NotificationType; categories: Category[] }> = [
  { type: 'firearm_discharge_injury', categories: ['firearm_discharge'] },
  { type: 'firearm_discharge_at_person_no_injury', categories: ['firearm_discharge'] },
  { type: 'firearm_discharge_unintentional_or_animal', categories: ['firearm_discharge'] },
  { type: 'taser_discharge', categories: ['taser_discharge'] },
  { type: 'oc_discharge', categories: ['oc_discharge'] },
  { type: 'chemical_smoke_distraction_device', categories: [] },
  { type: 'fatal_motor_vehicle_incident', categories: ['officer_involved_death'] },
  { type: 'death_in_custody', categories: ['death_or_injury_in_custody'] },
];
const FIRST = ['Jordan', 'Maria', 'DeShawn', 'Li', 'Aisha', 'Carlos', 'Ewa', 'Tomás', 'Keisha'];
const LAST = ['Example', 'Garcia', 'Johnson', 'Nowak', 'Okafor', 'Hernández', 'Kim', 'Washington'];
const STREETS = ['W Madison St', 'S Halsted St', 'N Clark St', 'E 63rd St', 'W Division St'];
const SENTENCES = [
  'The complainant states an officer pushed him to the ground during a traffic stop.',
  'She reports that officers searched her car without consent and left items on the street.',
  'The reporting party says an officer used a slur while ordering people off the corner.',
  'Officers allegedly refused to let him call a lawyer for several hours at the station.',
  'A witness recorded part of the encounter on a phone and is willing to share the video.',
  'The person was handcuffed for about forty minutes and released without a citation.',
  'The department reports the discharge occurred during a foot pursuit near the alley.',
  'Body-worn camera footage is requested from the district for the full encounter.',
];

/** Picks one element. */
function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)]!;
}

/** Picks `k` distinct elements. */
function pickSome<T>(rand: () => number, items: readonly T[], k: number): T[] {
  const pool = [...items];
  const out: T[] = [];
  while (out.length < k && pool.length > 0) {
    out.push(pool.splice(Math.floor(rand() * pool.length), 1)[0]!);
  }
  return out;
}

function person(rand: () => number, role: PartyBody['role']): PartyBody {
  const first = pick(rand, FIRST);
  const last = pick(rand, LAST);
  const party: PartyBody = {
    role,
    name: `${first} ${last}`,
    phone: `312-555-${String(Math.floor(rand() * 10_000)).padStart(4, '0')}`,
    language: rand() < 0.2 ? 'es' : 'en',
  };
  if (rand() < 0.5) {
    // email local parts stay ASCII: drop the accents of names like Tomás
    const local = first
      .normalize('NFD')
      .replace(/[^A-Za-z]/g, '')
      .toLowerCase();
    party.email = `${local}.${Math.floor(rand() * 1000)}@example.org`;
  }
  if (rand() < 0.3) {
    party.address = `${100 + Math.floor(rand() * 9000)} ${pick(rand, STREETS)}, Chicago IL`;
  }
  if (rand() < 0.05) {
    party.vulnerabilities = [pick(rand, ['minor', 'limited_english', 'disability'] as const)];
  }
  return party;
}

/**
 * One realistic intake: mostly complaints from the public (1–3 parties with names, phones and
 * sometimes emails), some CPD notifications, a few miscellaneous matters; a third name a
 * registered facility. `receivedAt` falls inside `year` in Chicago time, so every case takes a
 * log number of that year.
 */
export function intakeBody(
  rand: () => number,
  year: number,
  facilityCodes: readonly string[],
): IntakeBody {
  // Jan 2 … Dec 30 UTC noon ± hours: never crosses the year boundary in America/Chicago
  const day = 1 + Math.floor(rand() * 363);
  const receivedMs =
    Date.UTC(year, 0, 1, 12) + day * 86_400_000 + Math.floor(rand() * 8) * 3_600_000;
  const occurredMs = receivedMs - Math.floor(rand() * 20 * 86_400_000);
  const district = String(1 + Math.floor(rand() * 25)).padStart(3, '0');
  const incident: NonNullable<IntakeBody['incident']> = {
    occurredAt: new Date(occurredMs).toISOString(),
    address: `${100 + Math.floor(rand() * 9000)} ${pick(rand, STREETS)}`,
    beat: `${Number(district)}${String(1 + Math.floor(rand() * 30)).padStart(2, '0')}`.padStart(
      4,
      '0',
    ),
    district,
  };
  if (facilityCodes.length > 0 && rand() < 0.33) {
    incident.facilityCode = pick(rand, facilityCodes);
  }
  const narrative = pickSome(rand, SENTENCES, 2 + Math.floor(rand() * 4)).join(' ');
  const receivedAt = new Date(receivedMs).toISOString();
  const kind = rand();
  if (kind < 0.12) {
    const n = pick(rand, NOTIFICATIONS);
    return {
      caseType: 'notification',
      notificationType: n.type,
      channel: 'department_notification',
      receivedAt,
      narrative,
      incident,
      categories: n.categories,
      inCustody: n.type === 'death_in_custody',
      seriousInjuryOrDeath: n.type === 'death_in_custody' || n.type === 'firearm_discharge_injury',
      officersUnknown: rand() < 0.3,
      parties: rand() < 0.5 ? [person(rand, 'reporting_party')] : [],
    };
  }
  if (kind < 0.2) {
    return {
      caseType: 'miscellaneous',
      channel: pick(rand, COMPLAINT_CHANNELS),
      receivedAt,
      narrative,
      categories: ['miscellaneous'],
      parties: [person(rand, 'reporting_party')],
    };
  }
  const anonymous = rand() < 0.08;
  const parties: PartyBody[] = anonymous
    ? [{ role: 'complainant', anonymous: true }]
    : [person(rand, 'complainant')];
  const extra = Math.floor(rand() * 3);
  for (let i = 0; i < extra; i++) {
    parties.push(person(rand, rand() < 0.6 ? 'witness' : 'victim'));
  }
  return {
    caseType: 'complaint',
    channel: anonymous ? 'anonymous' : pick(rand, COMPLAINT_CHANNELS),
    receivedAt,
    narrative,
    incident,
    categories: pickSome(rand, COMPLAINT_CATEGORIES, 1 + Math.floor(rand() * 3)),
    officersUnknown: rand() < 0.25,
    parties,
  };
}
