import { describe, expect, it } from 'vitest';
import { attachmentContext } from '../commands/attachments.ts';
import { identityContext } from './party-identity.ts';
import { ENCRYPTED_FIELDS } from './encrypted-fields.ts';
import { pendingSecretContext, totpSecretContext } from './totp.ts';

describe('the encrypted-column list', () => {
  it('binds each column with the same context its writer uses (else rotation could not decrypt)', () => {
    const writers: Record<string, (id: string) => string> = {
      'parties.identity_enc': identityContext,
      // the letter commands encrypt with LETTER_RECIPIENT.context itself
      'letters.recipient_enc': (id) => `letters.recipient_enc:${id}`,
      'attachments.file_name_enc': (id) => attachmentContext(id, 'file_name'),
      'attachments.content_enc': (id) => attachmentContext(id, 'content'),
      'users.totp_secret_enc': totpSecretContext,
      'sign_in_challenges.pending_secret_enc': pendingSecretContext,
    };
    expect(ENCRYPTED_FIELDS.map((f) => f.name).sort()).toEqual(Object.keys(writers).sort());
    for (const f of ENCRYPTED_FIELDS) {
      expect(f.context('0b0e5e0c-1111-4222-8333-444455556666'), f.name).toBe(
        writers[f.name]!('0b0e5e0c-1111-4222-8333-444455556666'),
      );
      expect(`${f.table}.${f.column}`).toBe(f.name);
    }
  });
});
