/** Each case's source history: which release file added or changed which fields. */
import type { Queryable } from '../../db/client.ts';
import {
  caseFieldsNow,
  insertCaseSourceChanges,
  TRACKED_CASE_FIELDS,
} from '../../repositories/import-cases.repository.ts';
import type { Outcome } from '../../repositories/import-merge.repository.ts';
import { type CaseImport } from './normalize.ts';

/** Case columns by the mapped field they come from, for the source history of an added case. */
const CASE_FIELD_OF: Record<(typeof TRACKED_CASE_FIELDS)[number], keyof CaseImport> = {
  case_type: 'caseType',
  received_at: 'receivedAt',
  incident_occurred_at: 'incidentOccurredAt',
  incident_beat: 'incidentBeat',
  narrative: 'narrative',
  categories: 'categories',
  flags: 'flags',
  lead_agency: 'leadAgency',
  restricted: 'restricted',
  status: 'status',
  closed_on: 'closedOn',
  source_status: 'sourceStatus',
  historical_agency: 'historicalAgency',
  source: 'source',
};

/**
 * The releases layer's record: per case this file added, the fields it gave; per case it
 * changed, the fields whose values differ from what the earlier release had written.
 */
export async function recordSourceChanges(
  tx: Queryable,
  jurisdiction: string,
  runId: string,
  now: string,
  cases: CaseImport[],
  outcomes: Map<string, Outcome>,
  ids: Map<string, string>,
  before: Map<string, Record<string, unknown>>,
): Promise<void> {
  const updated = cases.filter((c) => outcomes.get(c.key) === 'updated').map((c) => c.logNumber);
  const after = await caseFieldsNow(tx, jurisdiction, updated);
  const rows = [];
  for (const c of cases) {
    const outcome = outcomes.get(c.key);
    const id = ids.get(c.key);
    if (!id || (outcome !== 'inserted' && outcome !== 'updated')) {
      continue;
    }
    let fields: string[];
    if (outcome === 'inserted') {
      fields = TRACKED_CASE_FIELDS.filter((f) => {
        const v = c[CASE_FIELD_OF[f]];
        return v !== null && v !== '' && !(Array.isArray(v) && v.length === 0);
      });
    } else {
      const old = before.get(c.logNumber) ?? {};
      const current = after.get(c.logNumber) ?? {};
      fields = TRACKED_CASE_FIELDS.filter(
        (f) => JSON.stringify(old[f] ?? null) !== JSON.stringify(current[f] ?? null),
      );
    }
    rows.push({
      jurisdiction,
      case_id: id,
      import_run_id: runId,
      change: outcome === 'inserted' ? ('added' as const) : ('updated' as const),
      fields,
      changed_at: now,
    });
  }
  await insertCaseSourceChanges(tx, rows);
}
