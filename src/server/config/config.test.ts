import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('works with an empty environment: embedded database in ./.oversight', () => {
    const c = loadConfig({});
    expect(c.databaseUrl).toBeUndefined();
    expect(c.dataDir).toBe(path.resolve('.oversight'));
    expect(c.port).toBe(3000);
    expect(c.jurisdiction).toBe('chicago');
  });

  it('lists every bad variable at once', () => {
    try {
      loadConfig({
        PORT: 'eighty',
        DATABASE_URL: 'not a url',
        OVERSIGHT_ENCRYPTION_KEY: 'c2hvcnQ=',
      });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const message = (err as Error).message;
      expect(message).toContain('PORT');
      expect(message).toContain('DATABASE_URL');
      expect(message).toContain('OVERSIGHT_ENCRYPTION_KEY');
    }
  });

  it('takes a primary and its standbys as a libpq host list, and a read URL only beside a server (ADR 0040)', () => {
    const url =
      'postgres://app@10.0.0.1:5432,10.0.0.2:5432/oversight?target_session_attrs=read-write';
    expect(loadConfig({ DATABASE_URL: url }).databaseUrl).toBe(url);
    expect(
      loadConfig({ DATABASE_URL: url, DATABASE_READ_URL: 'postgres://app@10.0.0.2/oversight' })
        .databaseReadUrl,
    ).toBe('postgres://app@10.0.0.2/oversight');
    expect(() => loadConfig({ DATABASE_READ_URL: 'postgres://app@10.0.0.2/oversight' })).toThrow(
      /DATABASE_READ_URL: needs DATABASE_URL/,
    );
    expect(() => loadConfig({ DATABASE_URL: 'not a url' })).toThrow(/DATABASE_URL/);
    expect(loadConfig({}).metricsAccess).toBe('loopback');
    expect(() => loadConfig({ OVERSIGHT_METRICS: 'public' })).toThrow(/OVERSIGHT_METRICS/);
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ DATABASE_URL: '' }).databaseUrl).toBeUndefined();
  });

  it('gives API tokens 90 days by default and at most 365, and refuses a default beyond the maximum', () => {
    expect(loadConfig({}).tokens).toEqual({ defaultDays: 90, maxDays: 365 });
    expect(
      loadConfig({ OVERSIGHT_TOKEN_DEFAULT_DAYS: '30', OVERSIGHT_TOKEN_MAX_DAYS: '60' }).tokens,
    ).toEqual({ defaultDays: 30, maxDays: 60 });
    expect(() =>
      loadConfig({ OVERSIGHT_TOKEN_DEFAULT_DAYS: '90', OVERSIGHT_TOKEN_MAX_DAYS: '30' }),
    ).toThrow(/OVERSIGHT_TOKEN_DEFAULT_DAYS/);
  });

  it('keeps OpenID Connect off unless the issuer is set, and then requires the client settings', () => {
    expect(loadConfig({}).oidc).toBeNull();
    try {
      loadConfig({ OVERSIGHT_OIDC_ISSUER: 'https://login.example.gov' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const message = (err as Error).message;
      expect(message).toContain('OVERSIGHT_OIDC_CLIENT_ID');
      expect(message).toContain('OVERSIGHT_OIDC_CLIENT_SECRET');
      expect(message).toContain('OVERSIGHT_OIDC_REDIRECT_URI');
    }
    expect(
      loadConfig({
        OVERSIGHT_OIDC_ISSUER: 'https://login.example.gov',
        OVERSIGHT_OIDC_CLIENT_ID: 'oversight',
        OVERSIGHT_OIDC_CLIENT_SECRET: 's3cret',
        OVERSIGHT_OIDC_REDIRECT_URI: 'https://oversight.example.gov/api/v1/session/oidc/callback',
        OVERSIGHT_OIDC_REQUIRE_AMR: 'mfa, hwk',
      }).oidc,
    ).toEqual({
      issuer: 'https://login.example.gov',
      clientId: 'oversight',
      clientSecret: 's3cret',
      redirectUri: 'https://oversight.example.gov/api/v1/session/oidc/callback',
      requireAmr: ['mfa', 'hwk'],
    });
  });

  it('keeps email off unless an SMTP host is set, and then requires the sender (issue 18)', () => {
    expect(loadConfig({}).mail).toBeNull();
    expect(() => loadConfig({ OVERSIGHT_SMTP_HOST: 'smtp.example.gov' })).toThrow(
      /OVERSIGHT_SMTP_FROM: required/,
    );
    expect(
      loadConfig({
        OVERSIGHT_SMTP_HOST: 'smtp.example.gov',
        OVERSIGHT_SMTP_PORT: '465',
        OVERSIGHT_SMTP_SECURE: 'true',
        OVERSIGHT_SMTP_USER: 'letters',
        OVERSIGHT_SMTP_PASSWORD: 'pw',
        OVERSIGHT_SMTP_FROM: 'COPA <letters@example.gov>',
        OVERSIGHT_SMTP_TIMEOUT_MS: '5000',
      }).mail,
    ).toEqual({
      host: 'smtp.example.gov',
      port: 465,
      secure: true,
      user: 'letters',
      password: 'pw',
      from: 'COPA <letters@example.gov>',
      timeoutMs: 5000,
    });
    expect(() =>
      loadConfig({
        OVERSIGHT_SMTP_HOST: 'h',
        OVERSIGHT_SMTP_FROM: 'x@y',
        OVERSIGHT_SMTP_TIMEOUT_MS: '5',
      }),
    ).toThrow(/OVERSIGHT_SMTP_TIMEOUT_MS/);
  });

  it('reads the field keyring and the retention period', () => {
    const key = Buffer.alloc(32, 7).toString('base64');
    const c = loadConfig({
      OVERSIGHT_DATA_DIR: '/srv/ovs',
      OVERSIGHT_ENCRYPTION_OLD_KEYS: `${key}, ${key}`,
      OVERSIGHT_IDENTITY_RETENTION_YEARS: '7',
    });
    expect(c.encryptionKeyFile).toBe('/srv/ovs/keys/field.key');
    expect(c.encryptionOldKeys).toEqual([key, key]);
    expect(c.identityRetentionYears).toBe(7);
    expect(loadConfig({}).identityRetentionYears).toBeUndefined();
    expect(() => loadConfig({ OVERSIGHT_ENCRYPTION_OLD_KEYS: 'c2hvcnQ=' })).toThrow(
      /OVERSIGHT_ENCRYPTION_OLD_KEYS/,
    );
    expect(() => loadConfig({ OVERSIGHT_IDENTITY_RETENTION_YEARS: '0' })).toThrow(
      /OVERSIGHT_IDENTITY_RETENTION_YEARS/,
    );
  });
});
