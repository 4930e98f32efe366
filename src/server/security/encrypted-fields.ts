/**
 * Every column that holds field-encrypted data (ADR 0017). Key rotation and key status walk this
 * list, so a new encrypted column is covered by adding it here; `test/key-rotation.int.test.ts`
 * fails while the schema has an `*_enc` column the list lacks, and
 * `encrypted-fields.test.ts` checks each context against the one its writer uses. The context is
 * the AEAD additional data that binds an envelope to its row and column.
 */
export interface EncryptedField {
  /** `table.column`, as reports and audit rows name it. */
  name: string;
  table: 'parties' | 'attachments' | 'users' | 'sign_in_challenges' | 'letters';
  column:
    | 'identity_enc'
    | 'file_name_enc'
    | 'content_enc'
    | 'totp_secret_enc'
    | 'pending_secret_enc'
    | 'recipient_enc';
  /** The AEAD context of the value in row `id`. */
  context(id: string): string;
  /** Largest rotation batch: file contents are megabytes each. */
  maxBatch: number;
}

/** A party's identity fields (name, phone, email, address, date of birth, organization). */
export const PARTY_IDENTITY: EncryptedField = {
  name: 'parties.identity_enc',
  table: 'parties',
  column: 'identity_enc',
  context: (id) => `parties.identity_enc:${id}`,
  maxBatch: 1000,
};

/** A letter's recipient (name, email, postal address), as a party's identity (issue 18). */
export const LETTER_RECIPIENT: EncryptedField = {
  name: 'letters.recipient_enc',
  table: 'letters',
  column: 'recipient_enc',
  context: (id) => `letters.recipient_enc:${id}`,
  maxBatch: 1000,
};

/** All of them: identities, letter recipients, complaint files (name and bytes), staff TOTP secrets. */
export const ENCRYPTED_FIELDS: readonly EncryptedField[] = [
  PARTY_IDENTITY,
  {
    name: 'attachments.file_name_enc',
    table: 'attachments',
    column: 'file_name_enc',
    context: (id) => `attachments.file_name:${id}`,
    maxBatch: 1000,
  },
  {
    name: 'attachments.content_enc',
    table: 'attachments',
    column: 'content_enc',
    context: (id) => `attachments.content:${id}`,
    // up to 5 MiB a file (base64 and encrypted ≈ 7 MB): a batch stays under ~70 MB
    maxBatch: 10,
  },
  {
    name: 'users.totp_secret_enc',
    table: 'users',
    column: 'totp_secret_enc',
    context: (id) => `users.totp_secret_enc:${id}`,
    maxBatch: 1000,
  },
  {
    name: 'sign_in_challenges.pending_secret_enc',
    table: 'sign_in_challenges',
    column: 'pending_secret_enc',
    context: (id) => `sign_in_challenges.pending_secret_enc:${id}`,
    maxBatch: 1000,
  },
  LETTER_RECIPIENT,
];
