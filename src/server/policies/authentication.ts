import { ROLES, type Role } from '../../shared/enums.ts';

/**
 * The authentication policy in one place (issue 6, ADR 0015). Which roles must present a second
 * factor when they sign in with a password: every staff role, because every one of them can reach
 * personal data or the audit trail (PRODUCT.md §2), and a stolen password alone must not open a
 * session (NIST SP 800-63B AAL2). A deployment that wants a narrower list edits this row and
 * nothing else; the rest of the code asks {@link requiresSecondFactor}.
 */
export const SECOND_FACTOR_ROLES: readonly Role[] = ROLES;

/** How long the step between a right password and the code may take. */
export const SIGN_IN_CHALLENGE_MINUTES = 5;

/** Whether a user holding `roles` must present a TOTP code after the password. */
export function requiresSecondFactor(roles: readonly Role[]): boolean {
  return roles.some((r) => SECOND_FACTOR_ROLES.includes(r));
}
