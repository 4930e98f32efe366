import { describe, expect, it } from 'vitest';
import { TOTP, Secret } from 'otpauth';
import { matchTotpStep, newTotpSecret, otpauthUri, timeStep } from './totp.ts';

const at = new Date('2026-03-02T15:00:10Z');
function codeAt(secret: string, when: Date): string {
  return new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: when.getTime() });
}

describe('TOTP (RFC 6238)', () => {
  it('matches the RFC 6238 SHA-1 test vector', () => {
    // RFC 6238 appendix B: secret "12345678901234567890", T = 59 s → 94287082 (8 digits)
    const secret = new Secret({ buffer: new TextEncoder().encode('12345678901234567890').buffer });
    const eight = new TOTP({ secret, digits: 8 }).generate({ timestamp: 59_000 });
    expect(eight).toBe('94287082');
    // our six-digit codes are the low six digits of the same value
    expect(matchTotpStep(secret.base32, '287082', new Date(59_000))).toBe(1);
  });

  it('accepts the current step and one either side, nothing further', () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const step = timeStep(at);
    expect(matchTotpStep(secret, codeAt(secret, at), at)).toBe(step);
    expect(matchTotpStep(secret, codeAt(secret, new Date(at.getTime() - 30_000)), at)).toBe(
      step - 1,
    );
    expect(matchTotpStep(secret, codeAt(secret, new Date(at.getTime() + 30_000)), at)).toBe(
      step + 1,
    );
    expect(matchTotpStep(secret, codeAt(secret, new Date(at.getTime() + 90_000)), at)).toBeNull();
    expect(matchTotpStep(secret, 'abcdef', at)).toBeNull();
    expect(matchTotpStep(secret, '12345', at)).toBeNull();
  });

  it('builds an otpauth URI with the issuer, the account and the secret', () => {
    const uri = otpauthUri('JBSWY3DPEHPK3PXP', 'chief@copa.example');
    expect(uri).toMatch(/^otpauth:\/\/totp\/Oversight:chief%40copa\.example\?/);
    expect(uri).toContain('secret=JBSWY3DPEHPK3PXP');
    expect(uri).toContain('issuer=Oversight');
    expect(uri).toContain('period=30');
    expect(uri).toContain('digits=6');
  });
});
