import type { Config } from './config/config.ts';
import { lockDataDir, openPglite, openPostgres, type Db } from './db/client.ts';
import { migrate } from './db/migrate.ts';
import { ensureAuditHead } from './audit/audit.ts';
import { loadOrCreateSigningKey, type AuditSigningKey } from './audit/checkpoints.ts';
import { chicagoProfile } from './domain/profiles/chicago.ts';
import { nycProfile } from './domain/profiles/nyc.ts';
import type { JurisdictionProfile } from './domain/profiles/profile.ts';
import {
  cipherForKeySource,
  resolveFieldKeys,
  type FieldCipher,
  type FieldKeySource,
} from './security/encryption.ts';

/** An open, migrated database with everything a process needs to run commands. */
export interface Runtime {
  db: Db;
  cipher: FieldCipher;
  /** Where the field keys came from (rotation rewrites the key file, ADR 0017). */
  keySource: FieldKeySource;
  profile: JurisdictionProfile;
  jurisdiction: string;
  /** Signs audit checkpoints (loaded from, or created in, the configured key file). */
  auditKey: AuditSigningKey;
  /** Closes the database and releases the data-directory lock. */
  close(): Promise<void>;
}

/**
 * Profiles by jurisdiction key (`OVERSIGHT_JURISDICTION`). Chicago is the first; New York City
 * the second, written as data only (ADR 0045); another city adds its own file here.
 */
const PROFILES: Record<string, JurisdictionProfile> = { chicago: chicagoProfile, nyc: nycProfile };

/** The profile of a jurisdiction key (`OVERSIGHT_JURISDICTION`). */
export function profileOf(jurisdiction: string): JurisdictionProfile {
  const profile = PROFILES[jurisdiction];
  if (!profile) {
    throw new Error(
      `No jurisdiction profile named ${jurisdiction}; known: ${Object.keys(PROFILES).join(', ')}.`,
    );
  }
  return profile;
}

/**
 * Opens the configured database alone — no keys, no migrations — holding the embedded
 * data-directory lock until `release` (the backup reads the data as it is, ADR 0039).
 */
export async function openDatabase(
  config: Config,
  purpose: string,
  opts: { embeddedSharedBuffers?: string } = {},
): Promise<{ db: Db; release: () => void }> {
  const release = config.databaseUrl ? () => undefined : lockDataDir(config.dataDir, purpose);
  try {
    const db = config.databaseUrl
      ? openPostgres(config.databaseUrl, config.databasePoolSize, config.databaseReadUrl)
      : await openPglite(
          config.dataDir,
          opts.embeddedSharedBuffers ? { sharedBuffers: opts.embeddedSharedBuffers } : {},
        );
    return { db, release };
  } catch (err) {
    release();
    throw err;
  }
}

/**
 * Opens the configured database (PGlite in the data directory, or PostgreSQL at DATABASE_URL),
 * takes the embedded data-directory lock, and applies pending migrations.
 */
export async function openRuntime(
  config: Config,
  purpose: string,
  opts: {
    migrate?: boolean;
    /** The embedded database's buffer pool (PostgreSQL `shared_buffers`); default 128MB. */
    embeddedSharedBuffers?: string;
  } = {},
): Promise<Runtime> {
  const profile = profileOf(config.jurisdiction);
  // before the database opens: a bad key file fails fast and leaves nothing to close
  const auditKey = loadOrCreateSigningKey(config.auditKeyFile);
  const embedded = !config.databaseUrl;
  const { db, release } = await openDatabase(config, purpose, opts);
  try {
    if (opts.migrate !== false) {
      await migrate(db);
      await ensureAuditHead(db, config.jurisdiction);
    }
  } catch (err) {
    release();
    throw err;
  }
  let keySource: FieldKeySource;
  try {
    keySource = resolveFieldKeys({
      configured: config.encryptionKey,
      oldKeys: config.encryptionOldKeys,
      keyFile: config.encryptionKeyFile,
      embedded,
    });
  } catch (err) {
    await db.close();
    release();
    throw err;
  }
  const cipher = cipherForKeySource(keySource);
  return {
    db,
    cipher,
    keySource,
    auditKey,
    profile,
    jurisdiction: config.jurisdiction,
    async close() {
      try {
        await db.close();
      } finally {
        release();
      }
    },
  };
}
