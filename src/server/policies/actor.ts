import type { Agency, Role, TokenScope } from '../../shared/enums.ts';

/** The signed-in staff member a request acts for. */
export interface Actor {
  id: string;
  email: string;
  displayName: string;
  agency: Agency;
  roles: readonly Role[];
  /**
   * The scopes of the API token the request carries (ADR 0016); absent for a browser session.
   * The authorization table reads them: a token never does more than the roles allow.
   */
  scopes?: readonly TokenScope[] | null;
}

export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return roles.some((r) => actor.roles.includes(r));
}
