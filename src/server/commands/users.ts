import crypto from 'node:crypto';
import type { Agency, Role } from '../../shared/enums.ts';
import type { Db } from '../db/client.ts';
import { AuditAction, recordAudit } from '../audit/audit.ts';
import { findUserByEmail, insertUser } from '../repositories/users.repository.ts';
import { hashPassword } from '../security/credentials.ts';
import { ConflictError } from '../errors.ts';
import { systemAuditContext } from './context.ts';

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
    await recordAudit(tx, systemAuditContext(deps.jurisdiction, now), {
      action: AuditAction.user_added,
      entityType: 'user',
      entityId: id,
      changes: {
        email,
        agency: input.agency,
        roles: input.roles,
        password: passwordHash !== null,
      },
    });
    return { id, email };
  });
}

/** Token commands live in tokens/; createToken is re-exported for the callers that create users and tokens. */
export { createToken } from './tokens/create-token.ts';
