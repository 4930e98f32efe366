import type { PartyInput } from '../../shared/schemas/parties.ts';
import type { Vulnerability } from '../../shared/enums.ts';
import { AuditAction, recordAudit } from '../audit/audit.ts';
import { restrictionFor, tightenRestriction } from '../domain/restriction.ts';
import { CaseAction } from '../policies/case.policy.ts';
import {
  caseVulnerabilities,
  insertParties,
  setCaseRestriction,
} from '../repositories/parties.repository.ts';
import { auditContext, onCase, type CommandDeps } from './context.ts';
import { partyRow } from '../security/party-identity.ts';

/**
 * Adds a complainant, victim, witness, reporting party or intermediary. A minor or shelter
 * resident makes the case restricted from this moment (PRODUCT.md §4); restriction never lifts
 * automatically.
 */
export async function addParty(
  deps: CommandDeps,
  logNumber: string,
  input: PartyInput,
): Promise<{ partyId: string; restricted: boolean }> {
  return onCase(deps, logNumber, CaseAction.addParty, async (tx, { row }) => {
    const now = deps.now();
    const party = partyRow(deps, row.id, input, now);
    await insertParties(tx, [party]);
    const vulnerabilities = (await caseVulnerabilities(tx, row.id)) as Vulnerability[];
    const restriction = restrictionFor({
      categories: row.categories,
      vulnerabilities,
    });
    const { restricted, reasons, changed } = tightenRestriction(
      { restricted: row.restricted, reasons: row.restriction_reasons },
      restriction,
    );
    if (changed) {
      await setCaseRestriction(tx, row.id, restricted, reasons);
    }
    await recordAudit(tx, auditContext(deps, now), {
      action: AuditAction.party_added,
      entityType: 'party',
      entityId: party.id,
      caseId: row.id,
      changes: {
        role: input.role,
        anonymous: input.anonymous,
        vulnerabilities: input.vulnerabilities,
        identityEncrypted: party.identity_enc !== null,
        ...(restricted !== row.restricted
          ? { restricted: { from: row.restricted, to: restricted } }
          : {}),
      },
    });
    return { partyId: party.id, restricted };
  });
}
