import { hasRole, type Actor } from './actor.ts';

/**
 * The roster (names, stars, ranks of department members) is public record; staff who work cases,
 * publish, audit or administer may search it. Analysts work on de-identified aggregates only.
 */
export function canReadRoster(actor: Actor): boolean {
  return hasRole(
    actor,
    'intake',
    'investigator',
    'supervisor',
    'chief_administrator',
    'public_information',
    'auditor',
    'admin',
  );
}
