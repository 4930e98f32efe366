import type { z } from 'zod';
import type { FacilityOut } from '../../../shared/schemas/facilities.ts';
import type { FacilityRow } from '../../repositories/facilities.repository.ts';

/** A facility with shelter-site periods and aggregate daily counts (never a list of people). */
export function presentFacility(
  f: FacilityRow,
  periods: Array<{ starts_on: string; ends_on: string | null; note: string | null }>,
  counts: Array<{ day: string; residents: number }>,
  caseCount: number,
): z.input<typeof FacilityOut> {
  return {
    id: f.id,
    code: f.code,
    name: f.name,
    kind: f.kind,
    district: f.district,
    address: f.address,
    shelterPeriods: periods.map((p) => ({
      startsOn: p.starts_on,
      endsOn: p.ends_on,
      note: p.note,
    })),
    dailyCounts: counts,
    caseCount,
  };
}
