import type { Queryable } from '../db/client.ts';
import { insertRows, rowByKey, rowsOf } from './sql.ts';

export interface FacilityRow {
  id: string;
  code: string;
  name: string;
  kind: string;
  district: string | null;
  address: string | null;
}

export async function insertFacility(
  tx: Queryable,
  jurisdiction: string,
  f: FacilityRow,
  at: Date,
): Promise<void> {
  await insertRows(
    tx,
    'facilities',
    ['id', 'jurisdiction', 'code', 'name', 'kind', 'district', 'address', 'created_at'],
    [[f.id, jurisdiction, f.code, f.name, f.kind, f.district, f.address, at]],
  );
}

const SELECT = `SELECT id, code, name, kind, district, address FROM facilities`;

/** A facility by its code in the jurisdiction. */
export const findFacilityByCode = rowByKey<FacilityRow, [jurisdiction: string, code: string]>(
  SELECT,
  ['jurisdiction', 'code'],
);

/** A facility by its id. */
export const findFacilityById = rowByKey<FacilityRow, [id: string]>(SELECT, ['id']);

export async function listFacilities(db: Queryable, jurisdiction: string): Promise<FacilityRow[]> {
  return db.query<FacilityRow>(`${SELECT} WHERE jurisdiction = $1 ORDER BY code`, [jurisdiction]);
}

/**
 * The facility's shelter period covering a calendar date: one row when the facility was a
 * temporary shelter site that day, none otherwise.
 */
export const shelterPeriodOn = rowsOf<{ one: number }, [facilityId: string, day: string]>(
  `SELECT 1 AS one FROM facility_shelter_periods WHERE facility_id = $1 AND starts_on <= $2::date AND (ends_on IS NULL OR ends_on >= $2::date) LIMIT 1`,
);

/** What the facilities page shows of each facility beside its row. */
export interface FacilityDetails {
  periods: Array<{ starts_on: string; ends_on: string | null; note: string | null }>;
  counts: Array<{ day: string; residents: number }>;
  caseCount: number;
}

/**
 * The shelter periods, daily resident counts and number of cases of several facilities, in three
 * statements whatever their number (the facilities page read them four statements per facility;
 * the case count is an index-only range of `cases_facility_list_idx`, migration 0032).
 */
export async function facilityDetails(
  db: Queryable,
  facilityIds: string[],
): Promise<Map<string, FacilityDetails>> {
  const [periods, counts, cases] = await Promise.all([
    db.query<FacilityDetails['periods'][number] & { facility_id: string }>(
      `SELECT facility_id, starts_on, ends_on, note FROM facility_shelter_periods
        WHERE facility_id = ANY($1::uuid[]) ORDER BY facility_id, starts_on`,
      [facilityIds],
    ),
    db.query<FacilityDetails['counts'][number] & { facility_id: string }>(
      `SELECT facility_id, day, residents FROM facility_daily_counts
        WHERE facility_id = ANY($1::uuid[]) ORDER BY facility_id, day`,
      [facilityIds],
    ),
    db.query<{ facility_id: string; n: number }>(
      `SELECT facility_id, count(*)::int AS n FROM cases
        WHERE facility_id = ANY($1::uuid[]) GROUP BY facility_id`,
      [facilityIds],
    ),
  ]);
  const details = new Map<string, FacilityDetails>(
    facilityIds.map((id) => [id, { periods: [], counts: [], caseCount: 0 }]),
  );
  for (const { facility_id, ...p } of periods) {
    details.get(facility_id)?.periods.push(p);
  }
  for (const { facility_id, ...c } of counts) {
    details.get(facility_id)?.counts.push(c);
  }
  for (const c of cases) {
    details.get(c.facility_id)!.caseCount = c.n;
  }
  return details;
}

export async function insertShelterPeriod(
  tx: Queryable,
  p: {
    id: string;
    jurisdiction: string;
    facilityId: string;
    startsOn: string;
    endsOn: string | null;
    note: string | null;
    createdAt: Date;
    createdBy: string | null;
  },
): Promise<void> {
  await insertRows(
    tx,
    'facility_shelter_periods',
    [
      'id',
      'jurisdiction',
      'facility_id',
      'starts_on',
      'ends_on',
      'note',
      'created_at',
      'created_by',
    ],
    [[p.id, p.jurisdiction, p.facilityId, p.startsOn, p.endsOn, p.note, p.createdAt, p.createdBy]],
  );
}

/** Records (or corrects) one day's aggregate resident count. */
export async function upsertDailyCount(
  tx: Queryable,
  jurisdiction: string,
  facilityId: string,
  day: string,
  residents: number,
  at: Date,
): Promise<void> {
  await tx.query(
    `INSERT INTO facility_daily_counts (jurisdiction, facility_id, day, residents, recorded_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (facility_id, day) DO UPDATE SET residents = EXCLUDED.residents, recorded_at = EXCLUDED.recorded_at`,
    [jurisdiction, facilityId, day, residents, at],
  );
}
