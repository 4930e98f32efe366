import type { Agency, Role } from '../../shared/enums.ts';

/** The signed-in staff member a request acts for. */
export interface Actor {
  id: string;
  email: string;
  displayName: string;
  agency: Agency;
  roles: readonly Role[];
}

export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return roles.some((r) => actor.roles.includes(r));
}
