import crypto from 'node:crypto';
import type { Agency, Role } from '../../shared/enums.ts';
import type { Db } from '../db/client.ts';
import { AuditAction, recordAudit } from '../audit/audit.ts';
import { findUserByEmail, insertToken, insertUser } from '../repositories/users.repository.ts';
import { generateToken, hashPassword } from '../security/credentials.ts';
import { ConflictError, NotFoundError } from '../errors.ts';

/** Dependencies of the administrative commands the CLI runs as `system`. */
export interface SystemDeps {
  db: Db;
  now: () => Date;
  jurisdiction: string;
}

/** Creates a staff user (CLI: `oversight users add`). */
export async function addUser(
  deps: SystemDeps,
  input: {
    email: string;
    displayName?: string;
    agency: Agency;
    roles: Role[];
    password?: string | undefined;
  },
): Promise<{ id: string; email: string }> {
  const email = input.email.trim().toLowerCase();
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  return deps.db.transaction(async (tx) => {
    if (await findUserByEmail(tx, deps.jurisdiction, email)) {
      throw new ConflictError('user_exists', `A user with email ${email} exists.`);
    }
    const now = deps.now();
    const id = crypto.randomUUID();
    await insertUser(tx, {
      id,
      jurisdiction: deps.jurisdiction,
      email,
      displayName: input.displayName ?? email.split('@')[0]!,
      agency: input.agency,
      roles: input.roles,
      passwordHash,
      createdAt: now,
    });
    await recordAudit(
      tx,
      { jurisdiction: deps.jurisdiction, actor: 'system', at: now },
      {
        action: AuditAction.user_added,
        entityType: 'user',
        entityId: id,
        changes: {
          email,
          agency: input.agency,
          roles: input.roles,
          password: passwordHash !== null,
        },
      },
    );
    return { id, email };
  });
}

/** Issues a bearer token for a user; the token is returned once and only its hash is stored. */
export async function createToken(
  deps: SystemDeps,
  input: { email: string; label?: string; expiresInDays?: number },
): Promise<{ token: string; expiresAt: Date | null }> {
  return deps.db.transaction(async (tx) => {
    const user = await findUserByEmail(tx, deps.jurisdiction, input.email);
    if (!user || user.disabled_at) {
      throw new NotFoundError(`Active user ${input.email}`, 'user_not_found');
    }
    const now = deps.now();
    const { token, hash } = generateToken();
    const id = crypto.randomUUID();
    const expiresAt = input.expiresInDays
      ? new Date(now.getTime() + input.expiresInDays * 86_400_000)
      : null;
    await insertToken(tx, {
      id,
      jurisdiction: deps.jurisdiction,
      userId: user.id,
      tokenHash: hash,
      label: input.label ?? 'cli',
      createdAt: now,
      expiresAt,
    });
    await recordAudit(
      tx,
      { jurisdiction: deps.jurisdiction, actor: 'system', at: now },
      {
        action: AuditAction.token_created,
        entityType: 'api_token',
        entityId: id,
        changes: { userId: user.id, expiresAt: expiresAt?.toISOString() ?? null },
      },
    );
    return { token, expiresAt };
  });
}
