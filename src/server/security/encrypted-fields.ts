/**
 * Every column that holds field-encrypted personal data (ADR 0017). Key rotation, key status and
 * retention walk this list, so a new encrypted column is covered by adding it here. The context
 * is the AEAD additional data that binds an envelope to its row and column.
 */
export interface EncryptedField {
  /** `table.column`, as reports and audit rows name it. */
  name: string;
  table: 'parties';
  column: 'identity_enc';
  /** The AEAD context of the value in row `id`. */
  context(id: string): string;
}

/** A party's identity fields (name, phone, email, address, date of birth, organization). */
export const PARTY_IDENTITY: EncryptedField = {
  name: 'parties.identity_enc',
  table: 'parties',
  column: 'identity_enc',
  context: (id) => `parties.identity_enc:${id}`,
};

/** All of them. `test/key-rotation.int.test.ts` checks the schema holds no other `_enc` column. */
export const ENCRYPTED_FIELDS: readonly EncryptedField[] = [PARTY_IDENTITY];
