import { z } from 'zod';
import { DateOnly, Text, Uuid } from './common.ts';

/** POST /api/v1/facilities */
export const FacilityRequest = z.strictObject({
  /** Short code, e.g. `D010`. */
  code: z.string().regex(/^[A-Z0-9_-]{1,40}$/, 'must be upper-case letters, digits, _ or -'),
  name: Text(1, 200),
  kind: z.enum(['district_station', 'headquarters', 'other']),
  district: z
    .string()
    .regex(/^\d{3}$/)
    .optional(),
  address: Text(0, 300).optional(),
});

/** POST /api/v1/facilities/{code}/shelter-periods */
export const ShelterPeriodRequest = z
  .strictObject({
    startsOn: DateOnly,
    endsOn: DateOnly.optional(),
    note: Text(0, 500).optional(),
  })
  .refine((v) => !v.endsOn || v.endsOn >= v.startsOn, {
    message: 'must not be before startsOn',
    path: ['endsOn'],
  });

/** POST /api/v1/facilities/{code}/daily-counts — aggregate only, never a list of people. */
export const DailyCountRequest = z.strictObject({
  day: DateOnly,
  residents: z.number().int().min(0).max(100_000),
});

export const FacilityOut = z.object({
  id: Uuid,
  code: z.string(),
  name: z.string(),
  kind: z.string(),
  district: z.string().nullable(),
  address: z.string().nullable(),
  shelterPeriods: z.array(
    z.object({ startsOn: DateOnly, endsOn: DateOnly.nullable(), note: z.string().nullable() }),
  ),
  dailyCounts: z.array(z.object({ day: DateOnly, residents: z.number().int() })),
  caseCount: z.number().int(),
});
