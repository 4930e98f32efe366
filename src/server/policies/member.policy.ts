import type { Actor } from './actor.ts';
import { allowedGlobally, GlobalAction } from './global-grants.ts';

/**
 * The roster (names, stars, ranks of department members) is public record; staff who work cases,
 * publish, audit or administer may search it. Analysts work on de-identified aggregates only.
 * The roles are the `roster.read` row of the authorization table.
 */
export function canReadRoster(actor: Actor): boolean {
  return allowedGlobally(actor, GlobalAction.readRoster);
}
