import { z } from 'zod';
import { PARTY_ROLES, VULNERABILITIES } from '../enums.ts';
import {
  ANONYMOUS_CONFLICT_MESSAGE,
  anonymityConflicts,
  DateOnly,
  Instant,
  LanguageCode,
  Text,
  Uuid,
} from './common.ts';

/*
 * The people of a case other than department members: what intake and a later addition take, and
 * what the case team sees (identity only when the viewer may).
 */

/** Contact-safety preferences: how (and whether) the office may reach the person. */
export const ContactSafety = z.strictObject({
  /** May letters be sent to a shelter or shared address? */
  lettersToShelter: z.boolean().optional(),
  /** May the office leave voicemail? */
  voicemailOk: z.boolean().optional(),
  /** Only contact through the intermediary who filed. */
  throughIntermediaryOnly: z.boolean().optional(),
  /** Free-text safety notes for the case team. */
  notes: Text(0, 2000).optional(),
});

/** A complainant, victim, witness, reporting party or intermediary. No immigration status, ever. */
export const PartyInput = z
  .strictObject({
    /** The party's role in the case. */
    role: z.enum(PARTY_ROLES),
    /** True when the person did not give, or asked to withhold, their identity. */
    anonymous: z.boolean().default(false),
    /** Full name (encrypted at rest). */
    name: Text(1, 200).optional(),
    /** Phone number (encrypted at rest). */
    phone: Text(3, 40).optional(),
    /** Email (encrypted at rest). */
    email: z.email().max(254).optional(),
    /** Postal address (encrypted at rest). */
    address: Text(0, 300).optional(),
    /** Date of birth (encrypted at rest). */
    dateOfBirth: DateOnly.optional(),
    /** For intermediaries: the organization filing (encrypted at rest). */
    organization: Text(0, 200).optional(),
    /** For intermediaries: what the person consented to them doing. */
    consentScope: Text(0, 500).optional(),
    /** Preferred language, ISO 639-1 (`es`). */
    language: LanguageCode.optional(),
    /** Preferred contact channel. */
    contactChannel: z
      .enum(['phone', 'email', 'mail', 'in_person', 'through_intermediary', 'none'])
      .optional(),
    /** Contact-safety preferences. */
    contactSafety: ContactSafety.optional(),
    /** Vulnerability flags; `minor` and `shelter_resident` restrict the case. */
    vulnerabilities: z.array(z.enum(VULNERABILITIES)).max(10).default([]),
    /** Demographics only as public releases publish them. */
    race: Text(0, 60).optional(),
    sex: Text(0, 30).optional(),
    ageRange: Text(0, 20).optional(),
  })
  .superRefine((p, ctx) => {
    for (const field of anonymityConflicts(p.anonymous, p)) {
      ctx.addIssue({ code: 'custom', path: [field], message: ANONYMOUS_CONFLICT_MESSAGE });
    }
  });
export type PartyInput = z.infer<typeof PartyInput>;

/** A party's decrypted identity fields (stored only in the encrypted envelope, ADR 0017). */
export const PartyIdentity = z.object({
  name: z.string().optional(),
  phone: z.string().optional(),
  email: z.string().optional(),
  address: z.string().optional(),
  dateOfBirth: z.string().optional(),
  organization: z.string().optional(),
});

/**
 * What a party agreed an intermediary may do and how they asked to be reached, as recorded (null
 * where not given): the same fields in the case team's view and in a subject-access export.
 */
export const PartyPreferencesOut = {
  consentScope: z.string().nullable(),
  language: z.string().nullable(),
  contactChannel: z.string().nullable(),
};

/** A party as the case team sees it; identity only when the viewer may see it. */
export const PartyOut = z.object({
  id: Uuid,
  role: z.enum(PARTY_ROLES),
  anonymous: z.boolean(),
  /** Decrypted identity, or null when masked for this viewer or absent. */
  identity: PartyIdentity.nullable(),
  /** True when identity exists but this viewer may not see it. */
  identityMasked: z.boolean(),
  ...PartyPreferencesOut,
  contactSafety: ContactSafety,
  vulnerabilities: z.array(z.enum(VULNERABILITIES)),
  createdAt: Instant,
});

/** POST /api/v1/cases/{logNumber}/parties */
export const AddPartyRequest = PartyInput;
