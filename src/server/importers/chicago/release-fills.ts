/**
 * What one file of a release fills in on cases another file left without: categories from the
 * accused file's allegations, statuses from a file that has them.
 */
import type { Queryable } from '../../db/client.ts';
import { restrictionFor } from '../../domain/restriction.ts';
import { mapSourceStatus } from '../../domain/profiles/chicago-legacy.ts';
import {
  casesAwaitingCategories,
  casesAwaitingStatus,
  insertCaseSourceChanges,
  updateCaseCategories,
  updateCaseStatuses,
} from '../../repositories/import-cases.repository.ts';
import type { FileSummary } from './import-chicago.ts';

/**
 * Cases whose complaints file had no categories take them from their allegations, with the
 * flags and restriction they imply (a sexual-misconduct allegation restricts its case).
 */
export async function fillCategoriesFromAllegations(
  tx: Queryable,
  jurisdiction: string,
  runId: string,
  now: string,
  caseIds: string[],
): Promise<void> {
  const cases = await casesAwaitingCategories(tx, jurisdiction, caseIds);
  const filled = cases.map((c) => {
    const categories = c.categories;
    const flags = new Set(c.flags);
    for (const f of ['domestic_violence', 'bias', 'sexual_misconduct'] as const) {
      if (categories.includes(f)) {
        flags.add(f);
      }
    }
    const restriction = restrictionFor({ categories, vulnerabilities: [] });
    return {
      id: c.id,
      categories,
      flags: [...flags].sort(),
      restricted: restriction.restricted,
      restriction_reasons: restriction.reasons,
    };
  });
  await updateCaseCategories(tx, filled);
  await recordFilled(tx, jurisdiction, runId, now, filled, ['categories', 'flags', 'restricted']);
}

/**
 * Cases whose complaints file had no status take the one another file of the release carries
 * (the stage by the profile's status vocabulary, the status verbatim), recorded in their source
 * history. A status outside the vocabulary leaves the case as it was, noted.
 */
export async function fillStatusesFromFile(
  tx: Queryable,
  jurisdiction: string,
  runId: string,
  now: string,
  statuses: Map<string, string>,
  caseIds: Map<string, string>,
  summary: FileSummary,
): Promise<void> {
  const byId = new Map<string, string>();
  for (const [log, text] of statuses) {
    const id = caseIds.get(log);
    if (id) {
      byId.set(id, text);
    }
  }
  const waiting = await casesAwaitingStatus(tx, jurisdiction, [...byId.keys()]);
  const rows: Array<{ id: string; status: string; source_status: string }> = [];
  for (const id of waiting) {
    const text = byId.get(id)!;
    const mapped = mapSourceStatus(text);
    if (!mapped) {
      summary.notes.push(`statuses outside the vocabulary, not applied: ${text}`);
      continue;
    }
    rows.push({ id, status: mapped.status, source_status: text });
  }
  await updateCaseStatuses(tx, rows);
  await recordFilled(tx, jurisdiction, runId, now, rows, ['status', 'source_status']);
  summary.statusesFilled = (summary.statusesFilled ?? 0) + rows.length;
}

/** The fields a file filled in on cases, in their source history (an update by this run). */
async function recordFilled(
  tx: Queryable,
  jurisdiction: string,
  runId: string,
  now: string,
  cases: ReadonlyArray<{ id: string }>,
  fields: string[],
): Promise<void> {
  await insertCaseSourceChanges(
    tx,
    cases.map((c) => ({
      jurisdiction,
      case_id: c.id,
      import_run_id: runId,
      change: 'updated' as const,
      fields,
      changed_at: now,
    })),
  );
}
