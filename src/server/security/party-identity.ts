import crypto from 'node:crypto';
import type { PartyInput } from '../../shared/schemas/parties.ts';
import type { PartyRow } from '../repositories/parties.repository.ts';
import type { FieldCipher } from './encryption.ts';
import { PARTY_IDENTITY } from './encrypted-fields.ts';

/**
 * A party's identity: its fields live in one AES-256-GCM envelope bound to the party row
 * (ADR 0017), never in a column of their own.
 */
const IDENTITY_FIELDS = [
  'name',
  'phone',
  'email',
  'address',
  'dateOfBirth',
  'organization',
] as const;

/** Which identity fields a party gave (for the audit trail: names, never values). */
export function identityFieldNames(p: PartyInput): Array<(typeof IDENTITY_FIELDS)[number]> {
  return IDENTITY_FIELDS.filter((f) => p[f] !== undefined);
}

/** The AEAD context that binds an identity envelope to its party row. */
export function identityContext(partyId: string): string {
  return PARTY_IDENTITY.context(partyId);
}

/** Encrypts a party's identity fields into one envelope bound to the party row. */
export function encryptIdentity(
  cipher: FieldCipher,
  partyId: string,
  p: PartyInput,
): string | null {
  const identity = Object.fromEntries(identityFieldNames(p).map((f) => [f, p[f]]));
  if (Object.keys(identity).length === 0) {
    return null;
  }
  return cipher.encrypt(JSON.stringify(identity), identityContext(partyId));
}

/** The identity fields of a party row (none when it gave none). */
export function decryptIdentity<T extends object = Record<string, string>>(
  cipher: FieldCipher,
  party: { id: string; identity_enc: string | null },
): T {
  return party.identity_enc
    ? (JSON.parse(cipher.decrypt(party.identity_enc, identityContext(party.id))) as T)
    : ({} as T);
}

/** Builds the stored row of a party; identity fields only as ciphertext. */
export function partyRow(
  deps: { jurisdiction: string; cipher: FieldCipher } & (
    { actor: { id: string } } | { createdBy: string | null }
  ),
  caseId: string,
  p: PartyInput,
  now: Date,
): PartyRow {
  const id = crypto.randomUUID();
  return {
    id,
    jurisdiction: deps.jurisdiction,
    case_id: caseId,
    role: p.role,
    anonymous: p.anonymous,
    identity_enc: encryptIdentity(deps.cipher, id, p),
    consent_scope: p.consentScope ?? null,
    language: p.language ?? null,
    contact_channel: p.contactChannel ?? null,
    contact_safety: p.contactSafety ?? {},
    vulnerabilities: p.vulnerabilities,
    race: p.race ?? null,
    sex: p.sex ?? null,
    age_range: p.ageRange ?? null,
    created_at: now,
    created_by: 'actor' in deps ? deps.actor.id : deps.createdBy,
  };
}
