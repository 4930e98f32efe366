import { z } from 'zod';
import { REPORTED_OFFICER_SOURCES, REPORTED_OFFICER_STATUSES } from '../enums.ts';
import { DateOnly, Instant, Text, Uuid, CategoryCode } from './common.ts';

/*
 * Department members as a case names them: the officers a complainant reports (as given, or a
 * roster member) and roster references.
 */

/** A star (badge) number as a person gives it. */
export const Star = z.string().regex(/^\d{1,6}$/, 'must be a star number of up to 6 digits');

/**
 * An officer as the complainant describes them, without the roster: name as given, star if
 * known, a description. The fields of the public form's officer; staff intake adds the roster id.
 */
export const OfficerAsGiven = z.strictObject({
  /** The name as the complainant gave it (`Officer Smith`). */
  name: Text(1, 200).optional(),
  /** Star (badge) number, if known. */
  star: Star.optional(),
  /** What the person remembers: appearance, unit, car number, role in the incident. */
  description: Text(1, 2000).optional(),
});

/** A reported officer must say something: an officer with no field at all is not recorded. */
function somethingGiven(o: Record<string, unknown>): boolean {
  return Object.values(o).some((v) => v !== undefined);
}

/**
 * An officer the complainant names at intake (issue 23 item 1; docs/domain.md "Reported
 * officers"): a roster member when intake identified one, else the name, star and description
 * as given, for later identification. Not an allegation: an investigator confirms it into one.
 */
export const ReportedOfficerInput = OfficerAsGiven.extend({
  /** The roster member intake identified, if any. */
  memberId: Uuid.optional(),
}).refine(somethingGiven, {
  message: 'give a roster member, a name, a star or a description',
  path: ['name'],
});
export type ReportedOfficerInput = z.infer<typeof ReportedOfficerInput>;

/** The public form's officer: the same fields, at least one given. */
export const PublicOfficerInput = OfficerAsGiven.refine(somethingGiven, {
  message: 'give a name, a star or a description',
  path: ['name'],
});

/** A roster member as a case names them. */
export const MemberRef = z.object({
  id: Uuid,
  star: z.string().nullable(),
  firstName: z.string(),
  lastName: z.string(),
  rank: z.string().nullable(),
});

/** A roster member with unit and appointment date: enough to tell members of one name apart. */
export const MemberIdentification = MemberRef.extend({
  unit: z.string().nullable(),
  appointedDate: DateOnly.nullable(),
});

/** A reported officer as the case team sees it (never public). */
export const ReportedOfficerOut = z.object({
  id: Uuid,
  /** The roster member, when intake or the investigator identified one. */
  member: MemberIdentification.nullable(),
  /** The name as the complainant gave it. */
  name: z.string().nullable(),
  /** The star as given. */
  star: z.string().nullable(),
  description: z.string().nullable(),
  /** Who recorded it: staff intake or the public complaint form. */
  source: z.enum(REPORTED_OFFICER_SOURCES),
  /** `reported` until an investigator confirms it into an allegation or dismisses it. */
  status: z.enum(REPORTED_OFFICER_STATUSES),
  /** The allegation it was confirmed into. */
  allegationId: Uuid.nullable(),
  /** Why it was dismissed. */
  resolutionNote: z.string().nullable(),
  resolvedAt: Instant.nullable(),
  reportedAt: Instant,
});

/**
 * POST /api/v1/cases/{logNumber}/reported-officers/{id}/resolution: confirm a reported officer
 * into an allegation (identifying the member when intake could not), or dismiss it with a reason.
 */
export const ReportedOfficerResolutionRequest = z.discriminatedUnion('outcome', [
  z.strictObject({
    outcome: z.literal('confirmed'),
    /** The roster member, when the reported officer has none yet. */
    memberId: Uuid.optional(),
    /** Or their star, when it names one member. */
    star: Star.optional(),
    category: CategoryCode,
    summary: Text(1, 5000),
  }),
  z.strictObject({
    outcome: z.literal('dismissed'),
    /** Why (e.g. not a department member, a duplicate of another reported officer). */
    reason: Text(1, 2000),
  }),
]);
export type ReportedOfficerResolutionRequest = z.infer<typeof ReportedOfficerResolutionRequest>;
