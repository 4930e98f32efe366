import type { Db } from './db/client.ts';
import type { JurisdictionProfile } from './domain/profiles/profile.ts';
import type { Actor } from './policies/actor.ts';
import type { FieldCipher } from './security/encryption.ts';

/**
 * What a process opens once and every command draws on: the database, the field cipher, the
 * jurisdiction and its profile, and the clock (absent: the wall clock; tests pass a fixed one).
 * The runtime the CLI opens, and the app's own dependencies, are services.
 */
export interface Services {
  db: Db;
  cipher: FieldCipher;
  profile: JurisdictionProfile;
  jurisdiction: string;
  now?: () => Date;
}

/** The dependency bundle of one command run, for one caller. */
export interface Bundle<A extends Actor | 'system'> {
  db: Db;
  now: () => Date;
  jurisdiction: string;
  cipher: FieldCipher;
  profile: JurisdictionProfile;
  /** The staff member the command runs for, or `system` (the operator at the console). */
  actor: A;
  /** The caller's address; null at the console. */
  ip: string | null;
}

const wallClock = (): Date => new Date();

/**
 * The one place the dependency bundle is put together (issue 20 item 5): the HTTP routes (per
 * request, for the signed-in actor), the CLI and the demo (as `system`, or as a demo user) all
 * build it here. A command's own deps type is a part of it, so the whole bundle fits every one.
 */
export function bundle(services: Services): Bundle<'system'>;
export function bundle<A extends Actor | 'system'>(
  services: Services,
  actor: A,
  ip?: string | null,
): Bundle<A>;
export function bundle(
  services: Services,
  actor: Actor | 'system' = 'system',
  ip: string | null = null,
): Bundle<Actor | 'system'> {
  return {
    db: services.db,
    now: services.now ?? wallClock,
    jurisdiction: services.jurisdiction,
    cipher: services.cipher,
    profile: services.profile,
    actor,
    ip,
  };
}
