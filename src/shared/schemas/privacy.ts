import { z } from 'zod';
import { CASE_STATUSES, PARTY_ROLES } from '../enums.ts';
import { LETTER_CHANNELS, LETTER_KINDS, LETTER_STATUSES } from '../letters.ts';
import { Instant, LogNumber, Uuid } from './common.ts';
import { PartyIdentity, PartyPreferencesOut } from './parties.ts';

/** POST /api/v1/privacy/subject-access: the party records of the person who asked. */
export const SubjectAccessRequest = z.strictObject({
  /** The person's party ids (one per case they are part of), as the records officer found them. */
  partyIds: z.array(Uuid).min(1).max(50),
});

/** One party record of the person, with what the case says about their part in it. */
export const SubjectAccessRecord = z.object({
  partyId: Uuid,
  role: z.enum(PARTY_ROLES),
  anonymous: z.boolean(),
  /** Decrypted identity as held; null when none was given or it was purged. */
  identity: PartyIdentity.nullable(),
  /** When retention purged the identity fields (null: not purged). */
  identityPurgedAt: Instant.nullable(),
  ...PartyPreferencesOut,
  contactSafety: z.record(z.string(), z.unknown()),
  vulnerabilities: z.array(z.string()),
  race: z.string().nullable(),
  sex: z.string().nullable(),
  ageRange: z.string().nullable(),
  recordedAt: Instant,
  case: z.object({
    logNumber: LogNumber,
    caseType: z.string(),
    status: z.enum(CASE_STATUSES),
    receivedAt: Instant,
    incidentOccurredAt: Instant.nullable(),
    categories: z.array(z.string()),
    /** Complaints filed through the public form on this case (no passphrase, no number). */
    publicFilings: z.array(
      z.object({ filedBy: z.string(), language: z.string(), filedAt: Instant }),
    ),
  }),
  /** Everyone else on the case, reduced to their role: no one else's identity is exported. */
  otherParties: z.array(z.object({ role: z.enum(PARTY_ROLES) })),
  /** The letters written to this party (issue 18): as addressed and as sent to them. */
  letters: z.array(
    z.object({
      kind: z.enum(LETTER_KINDS),
      language: z.string(),
      channel: z.enum(LETTER_CHANNELS).nullable(),
      status: z.enum(LETTER_STATUSES),
      /** The envelope as held (decrypted); null when none or purged. */
      recipient: z
        .object({
          name: z.string().optional(),
          email: z.string().optional(),
          address: z.array(z.string()).optional(),
        })
        .nullable(),
      subject: z.string(),
      body: z.string(),
      createdAt: Instant,
      sentAt: Instant.nullable(),
    }),
  ),
});

/** The export (JSON) for a subject-access request. */
export const SubjectAccessExport = z.object({
  generatedAt: Instant,
  /** What is and is not included, in words, for the letter to the person. */
  scope: z.string(),
  records: z.array(SubjectAccessRecord),
});
export type SubjectAccessExport = z.infer<typeof SubjectAccessExport>;
