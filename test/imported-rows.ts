import type { Queryable } from '../src/server/db/client.ts';

/**
 * What an import wrote, as text lines per table with a stable order and without the values that
 * differ from run to run (row ids, which are random; everything is named by log number, import key
 * or member identity key instead). `verbatim` adds the source jsonb, and the content hashes of
 * cases and members (a child row's hash covers its case and member ids, which are random): with
 * it, two dumps are equal only when the importer wrote the same values; without it, two imports
 * are compared on what they mean (the same cases, allegations and findings from differently
 * shaped files, whose source columns are named differently).
 */
export async function importedRows(
  db: Queryable,
  opts: { verbatim: boolean },
): Promise<Record<string, string[]>> {
  const v = opts.verbatim;
  const queries: Record<string, string> = {
    cases: `SELECT c.log_number, c.case_type, c.received_at, c.incident_occurred_at, c.incident_beat,
              c.narrative, c.categories, c.flags, c.lead_agency, c.restricted, c.restriction_reasons,
              c.status, c.status_changed_at, c.closed_on::text AS closed_on, c.source_family,
              c.source_status, c.historical_agency
              ${v ? ', c.source, c.import_hash' : ''},
              (SELECT array_agg(a.agency || '/' || a.track || '/' || a.role ORDER BY a.agency, a.track)
                 FROM case_agencies a WHERE a.case_id = c.id) AS agencies
            FROM cases c ORDER BY c.log_number`,
    members: `SELECT m.identity_key, m.employee_number, m.star, m.first_name, m.last_name,
              m.middle_initial, m.suffix, m.rank, m.unit_code, m.appointed_date::text AS appointed_date,
              m.race, m.sex, m.birth_year ${v ? ', m.source, m.import_hash' : ''}
            FROM members m ORDER BY m.identity_key`,
    case_members: `SELECT c.log_number, ${v ? 'cm.import_key, cm.source,' : ''}
              m.identity_key AS member, cm.role, cm.rank_at_incident, cm.unit_at_incident,
              cm.star_at_incident
            FROM case_members cm JOIN cases c ON c.id = cm.case_id
            LEFT JOIN members m ON m.id = cm.member_id
            ORDER BY ${v ? '1, 2, 3, 4, 5, 6, 7' : '1, 2, 3, 4, 5, 6'}`,
    allegations: `SELECT c.log_number, a.import_key, m.identity_key AS member, a.category,
              a.summary, a.recommended_finding, a.recommended_penalty, a.final_finding,
              a.final_penalty, a.source_category_code, a.source_category
              ${v ? ', a.source' : ''}
            FROM allegations a JOIN cases c ON c.id = a.case_id
            LEFT JOIN members m ON m.id = a.member_id
            ORDER BY a.import_key`,
    allegation_findings: `SELECT a.import_key AS allegation, f.stage, f.finding, f.penalty, f.agency,
              f.recorded_at, f.source_value
            FROM allegation_findings f JOIN allegations a ON a.id = f.allegation_id
            ORDER BY 1, 2, 3, 4, 5, 6, 7`,
    parties: `SELECT c.log_number, p.import_key, p.role, p.race, p.sex, p.birth_year, p.age,
              p.injury ${v ? ', p.source' : ''}
            FROM parties p JOIN cases c ON c.id = p.case_id
            ORDER BY p.import_key`,
    case_investigators: `SELECT c.log_number, i.import_key, i.first_name, i.last_name, i.agency,
              i.investigator_type, i.rank, i.star, i.unit, i.assigned_on::text AS assigned_on
              ${v ? ', i.source' : ''}
            FROM case_investigators i JOIN cases c ON c.id = i.case_id
            ORDER BY i.import_key`,
  };
  const out: Record<string, string[]> = {};
  for (const [table, sql] of Object.entries(queries)) {
    const rows = await db.query<Record<string, unknown>>(sql);
    out[table] = rows.map((r) => JSON.stringify(r, replacer));
  }
  return out;
}

/** Dates as ISO text on both engines (PGlite and node-postgres both give Date objects). */
function replacer(this: unknown, _key: string, value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : value;
}
