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

/** The user columns an actor is made of, as the users, sessions and tokens reads return them. */
export interface ActorColumns {
  email: string;
  display_name: string;
  agency: Agency;
  roles: readonly Role[];
}

/** The actor for user `id` from its row (a session's row names the user `user_id`, hence `id`). */
export function actorFromRow(
  id: string,
  row: ActorColumns,
  scopes?: readonly TokenScope[] | null,
): Actor {
  const actor: Actor = {
    id,
    email: row.email,
    displayName: row.display_name,
    agency: row.agency,
    roles: row.roles,
  };
  return scopes === undefined ? actor : { ...actor, scopes };
}
