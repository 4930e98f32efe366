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

/**
 * The entry of one encrypted column: named `table.column`, its context `<prefix>:<row id>`, the
 * prefix being the name unless the column's writer chose another.
 */
function encryptedColumn(
  table: EncryptedField['table'],
  column: EncryptedField['column'],
  opts: { contextPrefix?: string; maxBatch?: number } = {},
): EncryptedField {
  const name = `${table}.${column}`;
  const prefix = opts.contextPrefix ?? name;
  return {
    name,
    table,
    column,
    context: (id) => `${prefix}:${id}`,
    maxBatch: opts.maxBatch ?? 1000,
  };
}

/** A party's identity fields (name, phone, email, address, date of birth, organization). */
export const PARTY_IDENTITY = encryptedColumn('parties', 'identity_enc');

/** A letter's recipient (name, email, postal address), as a party's identity (issue 18). */
export const LETTER_RECIPIENT = encryptedColumn('letters', 'recipient_enc');

/** All of them: identities, letter recipients, complaint files (name and bytes), staff TOTP secrets. */
export const ENCRYPTED_FIELDS: readonly EncryptedField[] = [
  PARTY_IDENTITY,
  encryptedColumn('attachments', 'file_name_enc', { contextPrefix: 'attachments.file_name' }),
  encryptedColumn('attachments', 'content_enc', {
    contextPrefix: 'attachments.content',
    // up to 5 MiB a file (base64 and encrypted ≈ 7 MB): a batch stays under ~70 MB
    maxBatch: 10,
  }),
  encryptedColumn('users', 'totp_secret_enc'),
  encryptedColumn('sign_in_challenges', 'pending_secret_enc'),
  LETTER_RECIPIENT,
];
