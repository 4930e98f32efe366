/**
 * Writing one normalized chunk of a release file: the file's lookups, its entities upserted
 * table by table (cases, members, allegations, parties, investigators), rows naming no known case
 * rejected, and the members they name resolved (ADR 0025).
 */
import type { Queryable } from '../../db/client.ts';
import {
  caseFieldsBeforeChange,
  caseIdsByLog,
  nativeLogNumbers,
  replaceImportedFindings,
  upsertCases,
} from '../../repositories/import-cases.repository.ts';
import {
  accusedByCaseAndStar,
  membersByStars,
  upsertMembers,
  type MemberRowImport,
} from '../../repositories/import-members.repository.ts';
import type { Outcome } from '../../repositories/import-merge.repository.ts';
import { upsertChildren, type ChildTable } from '../../repositories/import.repository.ts';
import type { Rejection } from '../read-csv.ts';
import { isComplaintsKind, type FileKind } from './kinds/index.ts';
import { contentHash, type MemberRef, type NormalizedFile } from './normalize.ts';
import { canonicalJsonText } from './hash.ts';
import { fillCategoriesFromAllegations, fillStatusesFromFile } from './release-fills.ts';
import { recordSourceChanges } from './source-changes.ts';
import type { FileSummary, ImportDeps } from './import-chicago.ts';

/** Imported keys per child table and the cases they cover, for removing what a release dropped. */
export type StaleTracker = Map<ChildTable, { keys: string[]; cases: Set<string> }>;

/**
 * Log number → case id, read once and shared by the files that hang off cases: only a
 * complaints file changes it, and it is read again after one (13 reads of ~100,000 rows each
 * were 1.8 s of server time and the client's decoding besides).
 */
export class CaseIdCache {
  private ids: Map<string, string> | null = null;

  async get(tx: Queryable, jurisdiction: string): Promise<Map<string, string>> {
    this.ids ??= await caseIdsByLog(tx, jurisdiction);
    return this.ids;
  }

  /** After a complaints file: it may have added cases (or, rolled back, not). */
  invalidate(): void {
    this.ids = null;
  }
}

/**
 * Lookups a file needs once: case ids by log number, accused by case and star, and (for a
 * complaints file) the log numbers of cases filed in Oversight itself.
 */
interface FileContext {
  caseIds: Map<string, string>;
  accusedByStar: Map<string, string[]>;
  nativeLogs: Set<string>;
  /** No earlier run of the file's kind wrote rows: its keys should all be new (copyFresh). */
  fresh: boolean;
}

export async function loadContext(
  tx: Queryable,
  deps: ImportDeps,
  kind: FileKind,
  caseIds: CaseIdCache,
): Promise<FileContext> {
  if (isComplaintsKind(kind)) {
    return {
      caseIds: new Map(),
      accusedByStar: new Map(),
      nativeLogs: await nativeLogNumbers(tx, deps.jurisdiction),
      fresh: false,
    };
  }
  return {
    caseIds: await caseIds.get(tx, deps.jurisdiction),
    accusedByStar:
      kind === 'accused_clear_findings'
        ? await accusedByCaseAndStar(tx, deps.jurisdiction)
        : new Map<string, string[]>(),
    nativeLogs: new Set(),
    fresh: false,
  };
}

/**
 * The row of one imported entity of a case: its case, its own columns, its source and key, and
 * the hash of them all (what a later import compares); `unhashed` columns (when it was created)
 * are written but never compared.
 */
function caseChildRow<T extends Record<string, unknown>>(
  jurisdiction: string,
  entity: { caseId: string; key: string; source: Record<string, unknown> },
  own: T,
  unhashed: { created_at?: string } = {},
) {
  const row = {
    jurisdiction,
    case_id: entity.caseId,
    ...own,
    source: canonicalJsonText(entity.source),
    import_key: entity.key,
  };
  return { ...row, ...unhashed, import_hash: contentHash(row) };
}

/** Rejects the rows of an entity whose case is not in the database. */
function rejectOrphans<T extends { key: string; logNumber: string }>(
  items: T[],
  caseIds: Map<string, string>,
  norm: NormalizedFile,
  file: string,
  rejected: Rejection[],
  summary: FileSummary,
): Array<T & { caseId: string }> {
  const kept: Array<T & { caseId: string }> = [];
  for (const item of items) {
    const caseId = caseIds.get(item.logNumber);
    if (caseId) {
      // the chunk's own entity, given its case (a copy of each was 1 s of a full import)
      kept.push(Object.assign(item, { caseId }));
      continue;
    }
    const lines = norm.rowsPerKey.get(item.key) ?? [];
    summary.unmatched += lines.length;
    for (const line of lines) {
      rejected.push({
        file,
        line,
        column: 'cr_id',
        reason: `no case ${item.logNumber} in the database (not in any imported complaints file)`,
      });
    }
    norm.rowsPerKey.delete(item.key);
  }
  return kept;
}

export async function writeEntities(
  tx: Queryable,
  deps: ImportDeps,
  runId: string,
  kind: FileKind,
  file: string,
  norm: NormalizedFile,
  context: FileContext,
  outcomes: Map<string, Outcome>,
  rejected: Rejection[],
  summary: FileSummary,
  memberNotes: Array<{ file: string; line: number; what: string }>,
  stale: StaleTracker,
): Promise<void> {
  const j = deps.jurisdiction;
  const now = deps.now().toISOString();
  const merge = (m: Map<string, Outcome>): void => {
    for (const [k, v] of m) {
      outcomes.set(k, v);
    }
  };

  if (norm.cases.length > 0) {
    const native = context.nativeLogs;
    const cases = norm.cases.filter((c) => {
      if (!native.has(c.logNumber)) {
        return true;
      }
      for (const line of norm.rowsPerKey.get(c.key) ?? []) {
        rejected.push({
          file,
          line,
          column: 'cr_id',
          reason: `log number ${c.logNumber} belongs to a case filed in Oversight; not overwritten`,
        });
      }
      norm.rowsPerKey.delete(c.key);
      return false;
    });
    const before = await caseFieldsBeforeChange(
      tx,
      j,
      cases.map((c) => ({ log_number: c.logNumber, import_hash: c.hash })),
    );
    const { outcomes: o, ids: caseRowIds } = await upsertCases(
      tx,
      cases.map((c) => ({
        jurisdiction: j,
        log_number: c.logNumber,
        case_type: c.caseType,
        received_at: c.receivedAt,
        incident_occurred_at: c.incidentOccurredAt,
        incident_beat: c.incidentBeat,
        narrative: c.narrative,
        categories: c.categories,
        flags: c.flags,
        officers_unknown: false,
        lead_agency: c.leadAgency,
        restricted: c.restricted,
        restriction_reasons: c.restrictionReasons,
        status: c.status,
        status_changed_at: c.statusChangedAt,
        created_at: now,
        closed_on: c.closedOn,
        source_family: c.family,
        source_status: c.sourceStatus,
        historical_agency: c.historicalAgency,
        source: c.source,
        import_hash: c.hash,
        imported_at: now,
        agencies: [c.leadAgency],
      })),
      () => undefined,
      deps.profile.timeZone,
      context.fresh,
    );
    merge(o);
    await recordSourceChanges(tx, j, runId, now, cases, o, caseRowIds, before);
    return;
  }

  const caseIds = context.caseIds;
  const track = (table: ChildTable, rows: Array<Record<string, unknown>>): void => {
    const entry = stale.get(table) ?? { keys: [], cases: new Set<string>() };
    for (const r of rows) {
      entry.keys.push(r['import_key'] as string);
      entry.cases.add(r['case_id'] as string);
    }
    stale.set(table, entry);
  };
  const memberIds = await resolveMembers(tx, deps, kind, file, norm, summary, memberNotes);

  if (norm.caseMembers.length > 0) {
    const items = rejectOrphans(norm.caseMembers, caseIds, norm, file, rejected, summary);
    const rows = items.map((cm) =>
      caseChildRow(j, cm, {
        member_id: cm.member ? (memberIds.get(memberKeyOf(cm.member)) ?? null) : null,
        role: cm.role,
        rank_at_incident: cm.rankAtIncident,
        unit_at_incident: cm.unitAtIncident,
        star_at_incident: cm.starAtIncident,
      }),
    );
    const { outcomes: o } = await upsertChildren(
      tx,
      'case_members',
      rows,
      () => undefined,
      context.fresh,
    );
    merge(o);
    track('case_members', rows);
  }

  if (norm.allegations.length > 0) {
    const items = rejectOrphans(norm.allegations, caseIds, norm, file, rejected, summary);
    // read once per file: the findings file adds allegations, never accused (case_members)
    const byStar = context.accusedByStar;
    let unmatched = 0;
    const rows = items.map((a) => {
      let memberId: string | null = a.member
        ? (memberIds.get(memberKeyOf(a.member)) ?? null)
        : null;
      if (a.findOnCaseByStar) {
        const found = byStar.get(`${a.caseId}:${a.findOnCaseByStar}`) ?? [];
        memberId = found.length === 1 ? found[0]! : null;
        if (found.length !== 1) {
          unmatched++;
          memberNotes.push({
            file,
            line: norm.rowsPerKey.get(a.key)?.[0] ?? 0,
            what:
              found.length === 0
                ? `case ${a.logNumber}: no accused profile with star ${a.findOnCaseByStar}; allegation kept without a member`
                : `case ${a.logNumber}: star ${a.findOnCaseByStar} matches ${found.length} accused; not merged`,
          });
        }
      } else if (a.findOnCaseByStar === null && !a.member && kind === 'accused_clear_findings') {
        unmatched++;
      }
      return caseChildRow(
        j,
        a,
        {
          member_id: memberId,
          category: a.category,
          summary: a.summary,
          recommended_finding: a.recommendedFinding,
          recommended_penalty: a.recommendedPenalty,
          final_finding: a.finalFinding,
          final_penalty: a.finalPenalty,
          source_category_code: a.sourceCategoryCode,
          source_category: a.sourceCategory,
        },
        { created_at: now },
      );
    });
    summary.allegationsWithoutMember += unmatched;
    const { outcomes: o, ids } = await upsertChildren(
      tx,
      'allegations',
      rows,
      () => undefined,
      context.fresh,
    );
    merge(o);
    const changed = rows.filter((r) => ids.has(r.import_key));
    const agency = kind === 'accused_cms' ? 'COPA' : 'BIA';
    const findingsByKey = new Map(items.map((a) => [a.key, a.findings]));
    await replaceImportedFindings(
      tx,
      changed.flatMap((r) =>
        (findingsByKey.get(r.import_key) ?? []).map((f) => ({
          jurisdiction: j,
          allegation_id: ids.get(r.import_key)!,
          stage: f.stage,
          finding: f.finding,
          penalty: f.penalty,
          agency,
          recorded_at: now,
          source_value: f.sourceValue,
        })),
      ),
      [...ids.values()],
      deps.profile.timeZone,
    );
    track('allegations', rows);
    await fillCategoriesFromAllegations(tx, j, runId, now, [
      ...new Set(rows.map((r) => r.case_id)),
    ]);
  }

  const childKinds: Array<[ChildTable, Array<Record<string, unknown>>]> = [];
  if (norm.parties.length > 0) {
    const items = rejectOrphans(norm.parties, caseIds, norm, file, rejected, summary);
    const rows = items.map((p) =>
      caseChildRow(
        j,
        p,
        {
          role: p.role,
          anonymous: false,
          contact_safety: {},
          vulnerabilities: [],
          race: p.race,
          sex: p.sex,
          birth_year: p.birthYear,
          age: p.age,
          injury: p.injury,
        },
        { created_at: now },
      ),
    );
    childKinds.push(['parties', rows]);
  }
  if (norm.investigators.length > 0) {
    const items = rejectOrphans(norm.investigators, caseIds, norm, file, rejected, summary);
    const rows = items.map((i) =>
      caseChildRow(j, i, {
        first_name: i.firstName,
        last_name: i.lastName,
        agency: i.agency,
        investigator_type: i.investigatorType,
        rank: i.rank,
        star: i.star,
        unit: i.unit,
        assigned_on: i.assignedOn,
      }),
    );
    childKinds.push(['case_investigators', rows]);
  }
  for (const [table, rows] of childKinds) {
    const { outcomes: o } = await upsertChildren(tx, table, rows, () => undefined, context.fresh);
    merge(o);
    track(table, rows);
  }
  if (norm.caseStatuses.size > 0) {
    await fillStatusesFromFile(tx, j, runId, now, norm.caseStatuses, caseIds, summary);
  }
}

/** The identity key a member reference resolves to (after resolveMembers registered it). */
function memberKeyOf(m: MemberRef): string {
  return (
    m.employeeKey ??
    `name:${m.star ?? ''}:${(m.lastName ?? '').toUpperCase()}:${(m.firstName ?? '').toUpperCase()}:${m.star ? '' : (m.birthYear ?? '')}`
  );
}

/**
 * Finds or creates the members a file names. Employee numbers identify a member outright. Without
 * one, a member with the same star and the same first and last name is the same person when
 * exactly one such member exists; several candidates are reported and never merged; names
 * without a star stay their own record.
 */
async function resolveMembers(
  tx: Queryable,
  deps: ImportDeps,
  kind: FileKind,
  file: string,
  norm: NormalizedFile,
  summary: FileSummary,
  memberNotes: Array<{ file: string; line: number; what: string }>,
): Promise<Map<string, string>> {
  const refs: Array<{ ref: MemberRef; line: number }> = [];
  for (const e of [...norm.caseMembers, ...norm.allegations]) {
    if (e.member) {
      refs.push({ ref: e.member, line: norm.rowsPerKey.get(e.key)?.[0] ?? 0 });
    }
  }
  const ids = new Map<string, string>();
  if (refs.length === 0) {
    return ids;
  }
  const stars = [
    ...new Set(refs.filter((r) => !r.ref.employeeKey && r.ref.star).map((r) => r.ref.star!)),
  ];
  const candidates = stars.length > 0 ? await membersByStars(tx, deps.jurisdiction, stars) : [];
  const byStarName = new Map<string, typeof candidates>();
  for (const c of candidates) {
    const k = `${c.star}:${c.last_name ?? ''}:${c.first_name ?? ''}`;
    byStarName.set(k, [...(byStarName.get(k) ?? []), c]);
  }
  const toUpsert = new Map<string, MemberRowImport>();
  const now = deps.now().toISOString();
  const noted = new Set<string>();
  for (const { ref, line } of refs) {
    const key = memberKeyOf(ref);
    if (ids.has(key) || toUpsert.has(key)) {
      continue;
    }
    if (!ref.employeeKey && ref.star) {
      const matches = (
        byStarName.get(
          `${ref.star}:${(ref.lastName ?? '').toUpperCase()}:${(ref.firstName ?? '').toUpperCase()}`,
        ) ?? []
      ).filter((c) => c.identity_key !== key);
      if (matches.length === 1) {
        ids.set(key, matches[0]!.id);
        continue;
      }
      if (matches.length > 1 && !noted.has(key)) {
        noted.add(key);
        memberNotes.push({
          file,
          line,
          what: `star ${ref.star} ${ref.lastName ?? ''}, ${ref.firstName ?? ''} matches ${matches.length} members; kept as a separate member, not merged`,
        });
      }
    }
    const attributes = {
      employee_number: ref.employeeKey ? ref.employeeKey.slice(4) : null,
      star: ref.star,
      first_name: ref.firstName,
      last_name: ref.lastName,
      middle_initial: ref.middleInitial,
      suffix: ref.suffix,
      rank: ref.rank,
      unit_code: ref.unit,
      appointed_date: ref.appointedDate,
      race: ref.race,
      sex: ref.sex,
      birth_year: ref.birthYear,
    };
    toUpsert.set(key, {
      jurisdiction: deps.jurisdiction,
      identity_key: key,
      ...attributes,
      source: { _kind: kind },
      import_hash: contentHash(attributes),
      created_at: now,
    });
  }
  const result = await upsertMembers(tx, [...toUpsert.values()], kind === 'accused_clear_profiles');
  for (const [k, id] of result.ids) {
    ids.set(k, id);
  }
  for (const o of result.outcomes.values()) {
    if (o !== 'unchanged') {
      summary.members[o]++;
    }
  }
  return ids;
}
