import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { DEFAULT_POOL_SIZE, serverUrls } from '../db/hosts.ts';
import type { SessionSettings } from '../security/sessions.ts';
import type { TokenSettings } from '../commands/tokens/token-lifecycle.ts';
import type { OidcSettings } from '../security/oidc.ts';
import type { MailSettings } from '../letters/mailer.ts';

/** Everything the server reads from its environment, parsed once. */
export interface Config {
  /** PostgreSQL server URL; absent means embedded PGlite in `dataDir`. */
  databaseUrl: string | undefined;
  /**
   * A hot standby of the server at `databaseUrl` that read-only staff and public reads may use
   * (ADR 0040); absent: every read goes to `databaseUrl`. Needs `databaseUrl`.
   */
  databaseReadUrl: string | undefined;
  /** Connections in the PostgreSQL pool (ignored for the embedded database). */
  databasePoolSize: number;
  /** Folder of `pg_dump`/`pg_restore` for a server's backups; absent: the ones on the PATH. */
  pgBinDir: string | undefined;
  /** Folder holding the embedded database, its lock and the generated key. */
  dataDir: string;
  /** Base64 AES-256 key for personal data; generated into dataDir when absent and embedded. */
  encryptionKey: string | undefined;
  /** Older base64 keys that still decrypt (values not yet re-encrypted by `keys rotate`). */
  encryptionOldKeys: string[];
  /** Field-key file (one key a line, current first), used when no key is in the environment. */
  encryptionKeyFile: string;
  /** Years after a case closes before its civilians' identities are purged; absent: never. */
  identityRetentionYears: number | undefined;
  port: number;
  host: string;
  /** Jurisdiction key every row carries (distribution key for a multi-agency deployment). */
  jurisdiction: string;
  /** Largest accepted request body, bytes. */
  bodyLimit: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** The built web app (`npm run build` → dist/web), served at `/` and `/staff/`. */
  webRoot: string;
  /** Browser sessions: idle and absolute timeouts, Secure cookies behind a TLS proxy. */
  sessions: SessionSettings;
  /** Public statistics: cells counting fewer than this are suppressed (PRODUCT.md §4). */
  suppressionThreshold: number;
  /** Public statistics: seconds a computed grid is served before it is recomputed. */
  publicStatsTtlSeconds: number;
  /** Ed25519 private key (PEM) that signs audit checkpoints; a file, never the database. */
  auditKeyFile: string;
  /** Sign-in attempts allowed per client address per 15 minutes. */
  signInRateLimit: number;
  /** Minutes between signed audit checkpoints while serving (0: only by `oversight audit checkpoint`). */
  auditCheckpointMinutes: number;
  /**
   * Minutes between the embedded database's upkeep of the staff list (PGlite has no autovacuum;
   * 0: never; ADR 0058). A PostgreSQL server's autovacuum does it there.
   */
  embeddedMaintenanceMinutes: number;
  /** API token lifetimes: the default and the maximum, in days (ADR 0016). */
  tokens: TokenSettings;
  /** Sign-in through an OpenID Connect provider; null (off) unless the issuer is set. */
  oidc: OidcSettings | null;
  /** The SMTP server letters go out through; null (email letters fail, say so) unless set. */
  mail: MailSettings | null;
  /** Who may read `/metrics`: loopback clients only (default), or nobody (ADR 0040). */
  metricsAccess: 'loopback' | 'off';
}

const EnvSchema = z.object({
  /** One server, or libpq's host list for a primary and its standbys (ADR 0040). */
  DATABASE_URL: z
    .string()
    .refine((v) => serverUrls(v).every((u) => URL.canParse(u)), 'must be a URL')
    .optional(),
  DATABASE_READ_URL: z.string().url().optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(DEFAULT_POOL_SIZE),
  OVERSIGHT_PG_BIN_DIR: z.string().min(1).optional(),
  OVERSIGHT_DATA_DIR: z.string().min(1).default('./.oversight'),
  OVERSIGHT_ENCRYPTION_KEY: z
    .string()
    .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be 32 bytes, base64-encoded')
    .optional(),
  OVERSIGHT_ENCRYPTION_OLD_KEYS: z
    .string()
    .refine(
      (v) => v.split(',').every((k) => Buffer.from(k.trim(), 'base64').length === 32),
      'must be comma-separated 32-byte keys, base64-encoded',
    )
    .optional(),
  OVERSIGHT_ENCRYPTION_KEY_FILE: z.string().min(1).optional(),
  OVERSIGHT_IDENTITY_RETENTION_YEARS: z.coerce.number().int().min(1).max(100).optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  OVERSIGHT_JURISDICTION: z
    .string()
    .regex(/^[a-z][a-z0-9_]*$/)
    .default('chicago'),
  OVERSIGHT_BODY_LIMIT: z.coerce.number().int().positive().default(1_048_576),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  OVERSIGHT_WEB_ROOT: z.string().min(1).optional(),
  OVERSIGHT_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(1440).default(30),
  OVERSIGHT_SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(168).default(12),
  OVERSIGHT_SECURE_COOKIES: z.enum(['true', 'false']).default('false'),
  OVERSIGHT_SUPPRESSION_THRESHOLD: z.coerce.number().int().min(2).max(1000).default(5),
  OVERSIGHT_PUBLIC_STATS_TTL_SECONDS: z.coerce.number().int().min(0).max(86_400).default(300),
  OVERSIGHT_SIGN_IN_RATE_LIMIT: z.coerce.number().int().min(1).max(10_000).default(20),
  OVERSIGHT_AUDIT_KEY_FILE: z.string().min(1).optional(),
  OVERSIGHT_AUDIT_CHECKPOINT_MINUTES: z.coerce.number().int().min(0).max(10_080).default(60),
  OVERSIGHT_EMBEDDED_MAINTENANCE_MINUTES: z.coerce.number().int().min(0).max(10_080).default(1440),
  OVERSIGHT_TOKEN_DEFAULT_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  OVERSIGHT_TOKEN_MAX_DAYS: z.coerce.number().int().min(1).max(3650).default(365),
  OVERSIGHT_OIDC_ISSUER: z.string().url().optional(),
  OVERSIGHT_OIDC_CLIENT_ID: z.string().min(1).optional(),
  OVERSIGHT_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OVERSIGHT_OIDC_REDIRECT_URI: z.string().url().optional(),
  /** Comma-separated `amr` values of which the id_token must carry one (e.g. `mfa`). */
  OVERSIGHT_OIDC_REQUIRE_AMR: z.string().min(1).optional(),
  /** Letters by email (issue 18): the SMTP server, its credentials, the sender, the timeout. */
  OVERSIGHT_SMTP_HOST: z.string().min(1).optional(),
  OVERSIGHT_SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
  OVERSIGHT_SMTP_SECURE: z.enum(['true', 'false']).default('false'),
  OVERSIGHT_SMTP_USER: z.string().min(1).optional(),
  OVERSIGHT_SMTP_PASSWORD: z.string().min(1).optional(),
  OVERSIGHT_SMTP_FROM: z.string().min(3).optional(),
  OVERSIGHT_SMTP_TIMEOUT_MS: z.coerce.number().int().min(100).max(300_000).default(30_000),
  OVERSIGHT_METRICS: z.enum(['loopback', 'off']).default('loopback'),
});

/** dist/web of this checkout, wherever the process was started from. */
const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../../dist/web', import.meta.url));

/** Thrown when the environment is invalid; lists every bad variable at once. */
export class ConfigError extends Error {}

/**
 * Parses the environment. This is the only reader of process.env in the server; an empty
 * environment is valid (embedded database in ./.oversight).
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const problems: string[] = [];
  if (e.OVERSIGHT_TOKEN_DEFAULT_DAYS > e.OVERSIGHT_TOKEN_MAX_DAYS) {
    problems.push('  OVERSIGHT_TOKEN_DEFAULT_DAYS: must not exceed OVERSIGHT_TOKEN_MAX_DAYS');
  }
  if (e.OVERSIGHT_OIDC_ISSUER) {
    for (const name of [
      'OVERSIGHT_OIDC_CLIENT_ID',
      'OVERSIGHT_OIDC_CLIENT_SECRET',
      'OVERSIGHT_OIDC_REDIRECT_URI',
    ] as const) {
      if (!e[name]) {
        problems.push(`  ${name}: required when OVERSIGHT_OIDC_ISSUER is set`);
      }
    }
  }
  if (e.OVERSIGHT_SMTP_HOST && !e.OVERSIGHT_SMTP_FROM) {
    problems.push('  OVERSIGHT_SMTP_FROM: required when OVERSIGHT_SMTP_HOST is set');
  }
  if (e.DATABASE_READ_URL && !e.DATABASE_URL) {
    // the embedded database has one owner and no standby to read from
    problems.push('  DATABASE_READ_URL: needs DATABASE_URL (a standby of that server)');
  }
  if (problems.length > 0) {
    throw new ConfigError(`Invalid configuration:\n${problems.join('\n')}`);
  }
  return {
    databaseUrl: e.DATABASE_URL,
    databaseReadUrl: e.DATABASE_READ_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    pgBinDir: e.OVERSIGHT_PG_BIN_DIR ? path.resolve(e.OVERSIGHT_PG_BIN_DIR) : undefined,
    dataDir: path.resolve(e.OVERSIGHT_DATA_DIR),
    encryptionKey: e.OVERSIGHT_ENCRYPTION_KEY,
    encryptionOldKeys: (e.OVERSIGHT_ENCRYPTION_OLD_KEYS ?? '')
      .split(',')
      .map((k) => k.trim())
      .filter((k) => k !== ''),
    encryptionKeyFile: path.resolve(
      e.OVERSIGHT_ENCRYPTION_KEY_FILE ?? path.join(e.OVERSIGHT_DATA_DIR, 'keys', 'field.key'),
    ),
    identityRetentionYears: e.OVERSIGHT_IDENTITY_RETENTION_YEARS,
    port: e.PORT,
    host: e.HOST,
    jurisdiction: e.OVERSIGHT_JURISDICTION,
    bodyLimit: e.OVERSIGHT_BODY_LIMIT,
    logLevel: e.LOG_LEVEL,
    webRoot: e.OVERSIGHT_WEB_ROOT ? path.resolve(e.OVERSIGHT_WEB_ROOT) : DEFAULT_WEB_ROOT,
    sessions: {
      idleMinutes: e.OVERSIGHT_SESSION_IDLE_MINUTES,
      absoluteHours: e.OVERSIGHT_SESSION_ABSOLUTE_HOURS,
      secureCookies: e.OVERSIGHT_SECURE_COOKIES === 'true',
    },
    suppressionThreshold: e.OVERSIGHT_SUPPRESSION_THRESHOLD,
    publicStatsTtlSeconds: e.OVERSIGHT_PUBLIC_STATS_TTL_SECONDS,
    auditKeyFile: path.resolve(
      e.OVERSIGHT_AUDIT_KEY_FILE ?? path.join(e.OVERSIGHT_DATA_DIR, 'keys', 'audit-signing.pem'),
    ),
    auditCheckpointMinutes: e.OVERSIGHT_AUDIT_CHECKPOINT_MINUTES,
    embeddedMaintenanceMinutes: e.OVERSIGHT_EMBEDDED_MAINTENANCE_MINUTES,
    signInRateLimit: e.OVERSIGHT_SIGN_IN_RATE_LIMIT,
    tokens: { defaultDays: e.OVERSIGHT_TOKEN_DEFAULT_DAYS, maxDays: e.OVERSIGHT_TOKEN_MAX_DAYS },
    oidc: e.OVERSIGHT_OIDC_ISSUER
      ? {
          issuer: e.OVERSIGHT_OIDC_ISSUER,
          clientId: e.OVERSIGHT_OIDC_CLIENT_ID!,
          clientSecret: e.OVERSIGHT_OIDC_CLIENT_SECRET!,
          redirectUri: e.OVERSIGHT_OIDC_REDIRECT_URI!,
          requireAmr: (e.OVERSIGHT_OIDC_REQUIRE_AMR ?? '')
            .split(',')
            .map((v) => v.trim())
            .filter((v) => v !== ''),
        }
      : null,
    mail: e.OVERSIGHT_SMTP_HOST
      ? {
          host: e.OVERSIGHT_SMTP_HOST,
          port: e.OVERSIGHT_SMTP_PORT,
          secure: e.OVERSIGHT_SMTP_SECURE === 'true',
          user: e.OVERSIGHT_SMTP_USER,
          password: e.OVERSIGHT_SMTP_PASSWORD,
          from: e.OVERSIGHT_SMTP_FROM!,
          timeoutMs: e.OVERSIGHT_SMTP_TIMEOUT_MS,
        }
      : null,
    metricsAccess: e.OVERSIGHT_METRICS,
  };
}
