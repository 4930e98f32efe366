import type { Category } from '../../../../shared/enums.ts';
import { restrictionFor } from '../../../domain/restriction.ts';
import { routeCase } from '../../../domain/routing.ts';
import { COPA_CATEGORIES, mapHistoricalAgency } from '../../../domain/profiles/chicago-legacy.ts';
import type { FieldDeclaration, KindDeclaration } from '../../mapping.ts';
import { contentHash } from '../hash.ts';
import type { CaseImport, Family } from '../entities.ts';
import {
  clean,
  dateOf,
  localMidnight,
  localMidnightMs,
  mapCaseType,
  mapCpdCategory,
  mapSourceStatus,
  numberText,
  RowError,
  yes,
} from '../values.ts';
import type { ChicagoKind, Grouping, RowContext, RowValues } from './kind.ts';
import { CR_ID, ROW_ID } from './fields.ts';

/*
 * What the two complaints kinds (CMS and CLEAR) share: the case-level columns, and the grouping
 * of a case's rows (CMS repeats a case once per allegation code, CLEAR sometimes per incident
 * location) into one case.
 */

const keptOnly: FieldDeclaration = { keptOnly: true };

/** Case-level columns both families write. */
export const CASE_FIELDS = {
  row_id: ROW_ID,
  cr_id: CR_ID,
  complaint_date: {
    required: true,
    synonyms: ['received_date', 'date_received', 'log_date', 'complaint_received_date'],
  },
  incident_date: { synonyms: ['date_of_incident', 'incident_dt'] },
  incident_time: { synonyms: ['time_of_incident'] },
  closed_date: { synonyms: ['date_closed', 'close_date', 'closure_date'] },
  case_type: { vocabulary: 'case_type', synonyms: ['log_type', 'type_of_case'] },
  current_status: { vocabulary: 'case_status', synonyms: ['status', 'case_status'] },
  investigating_agency: { synonyms: ['agency', 'investigative_agency'] },
  beat: { synonyms: ['beat_no', 'beat_number', 'police_beat'] },
  days_to_closure: keptOnly,
  apartment_number: keptOnly,
  city: keptOnly,
  state: keptOnly,
  zip: { keptOnly: true, synonyms: ['zip_code', 'zipcode', 'postal_code'] },
  location_code: keptOnly,
  civil_suit_no: keptOnly,
  suit_settled_date: keptOnly,
  biased_language_i: { synonyms: ['biased_language', 'bias_language'] },
  pursuit_related_i: { synonyms: ['pursuit_related', 'pursuit'] },
  domestic_violence_i: { synonyms: ['domestic_violence'] },
  police_shooting: { synonyms: ['officer_involved_shooting'] },
  complainant_type: keptOnly,
} satisfies Record<string, FieldDeclaration>;

/** A complaints kind of one family: the case-level columns and the family's own, rows per case. */
export function complaintsKind(
  family: Family,
  declaration: Pick<KindDeclaration, 'kind' | 'label'> & {
    fields: Record<string, FieldDeclaration>;
  },
): ChicagoKind {
  return {
    declaration: {
      kind: declaration.kind,
      label: declaration.label,
      nameWords: ['complaints', 'complaint', 'cases'],
      fields: { ...CASE_FIELDS, ...declaration.fields },
    },
    family,
    dedupe: true,
    grouping: caseGrouping(family),
  };
}

/** What the pre-pass keeps of a case's rows: lines, categories and flags, not the rows. */
interface CaseGroup {
  lines: number[];
  categories: Set<Category>;
  sourceCategories: string[];
  domesticViolence: boolean;
  bias: boolean;
  shooting: boolean;
  pursuit: boolean;
}

/** A CMS row's category: COPA's own category, else the CPD code's; null = no allegation. */
export function cmsCategory(text: string | null, code: string | null): Category | null {
  const mapped = text ? COPA_CATEGORIES.lookup(text) : undefined;
  // a known placeholder ('Closed-No Allegation') is no allegation; an unknown text falls back to
  // the CPD code
  return mapped === undefined ? (code ? mapCpdCategory(code, text ?? '') : null) : mapped;
}

/** The grouping of a family's complaints rows into cases. */
export function caseGrouping(family: Family): Grouping<CaseGroup> {
  return {
    check: (v, ctx) => checkCaseRow(v, ctx),
    create: () => ({
      lines: [],
      categories: new Set(),
      sourceCategories: [],
      domesticViolence: false,
      bias: false,
      shooting: false,
      pursuit: false,
    }),
    add(group, values, line) {
      group.lines.push(line);
      if (family === 'cms') {
        const text = clean(values['allegation_category']);
        const code = clean(values['complaint_code']);
        const category = cmsCategory(text, code);
        if (category) {
          group.categories.add(category);
        }
        group.sourceCategories.push(`${code ?? ''} ${text ?? ''}`.trim());
      } else {
        const code = clean(values['category_code']);
        const text = clean(values['category']);
        // a release without category columns leaves the case's categories unknown (empty)
        if (values['category_code'] !== undefined || values['category'] !== undefined) {
          group.categories.add(
            mapCpdCategory(values['category_code'] ?? '', values['category'] ?? ''),
          );
        }
        group.sourceCategories.push(`${code ?? ''} ${text ?? ''}`.trim());
      }
      group.domesticViolence ||= yes(values['domestic_violence_i']);
      group.bias ||= yes(values['biased_language_i']) || yes(values['biased_based_pro_i']);
      group.shooting ||= yes(values['police_shooting']);
      group.pursuit ||= yes(values['pursuit_related_i']);
    },
    lines: (group) => group.lines,
    emit(key, first, group, ctx) {
      ctx.out.cases.push(buildCase(family, key, first, group, ctx));
      ctx.out.rowsPerKey.set(key, group.lines);
    },
  };
}

/**
 * Validates a complaints row on its own (so a bad row is rejected alone); returns its log number:
 * a case already known under another shape of the same id (`2019-75`, `258959.0`) keeps its own.
 */
function checkCaseRow(v: RowValues, ctx: RowContext): string {
  const today = ctx.today;
  const { log } = ctx.caseOf(v);
  dateOf(v, 'complaint_date', today, true);
  dateOf(v, 'incident_date', today);
  dateOf(v, 'closed_date', today);
  // a column the release lacks is unknown, not wrong: only a value outside the vocabulary is
  if (v['case_type'] !== undefined && !mapCaseType(v['case_type'])) {
    throw new RowError('case_type', `"${v['case_type']}" is not a known case type`);
  }
  if (v['current_status'] !== undefined && !mapSourceStatus(v['current_status'])) {
    throw new RowError('current_status', `"${v['current_status']}" is not a known status`);
  }
  return log;
}

/** One case: case-level fields from its first row, categories and flags from all its rows. */
function buildCase(
  family: Family,
  log: string,
  first: RowValues,
  group: CaseGroup,
  ctx: RowContext,
): CaseImport {
  const profile = ctx.profile;
  // without a case type column, a log is a complaint register entry (a complaint)
  const caseType =
    first['case_type'] === undefined ? 'complaint' : mapCaseType(first['case_type'])!;
  const received = clean(first['complaint_date'])!;
  const incident = clean(first['incident_date']);
  const time = clean(first['incident_time']);
  const closed = clean(first['closed_date']);
  const sourceStatus =
    first['current_status'] === undefined ? null : clean(first['current_status']);
  let status = sourceStatus === null ? null : mapSourceStatus(first['current_status']!)!;
  if (status && !status.exact) {
    ctx.noteValue('statuses mapped by prefix rule', sourceStatus!);
  }
  if (status === null) {
    // no status column: the stage is only what the closing date says (closed → final, else open)
    status = { status: closed ? 'final' : 'investigation', exact: false };
    ctx.noteValue(
      'cases without a status (stage from the closing date)',
      closed ? 'closed' : 'open',
    );
  }
  const agencyText = clean(first['investigating_agency']) ?? (family === 'cms' ? 'COPA' : '');
  const cats = [...group.categories].sort();
  const sourceCategories = group.sourceCategories;
  const flags = new Set<string>();
  if (group.domesticViolence || cats.includes('domestic_violence')) {
    flags.add('domestic_violence');
  }
  if (group.bias || cats.includes('bias')) {
    flags.add('bias');
  }
  if (group.shooting) {
    flags.add('police_shooting');
  }
  if (group.pursuit) {
    flags.add('pursuit');
  }
  if (cats.includes('sexual_misconduct')) {
    flags.add('sexual_misconduct');
  }
  const lead =
    mapHistoricalAgency(agencyText) ?? routeCase({ caseType, categories: cats }, profile).agency;
  const restriction = restrictionFor({ categories: cats, vulnerabilities: [] });
  const tz = profile.timeZone;
  const incidentAt =
    incident === null
      ? null
      : time && time !== '00:00:00'
        ? new Date(localMidnightMs(incident, tz) + secondsOf(time) * 1000).toISOString()
        : localMidnight(incident, tz);
  const beat = numberText(first['beat']);
  const mapped = {
    caseType,
    receivedAt: localMidnight(received, tz),
    incidentOccurredAt: incidentAt,
    incidentBeat: beat ? beat.padStart(4, '0') : null,
    narrative:
      clean(family === 'cms' ? first['final_finding_narrative'] : first['narrative']) ?? '',
    categories: cats,
    flags: [...flags].sort(),
    leadAgency: lead,
    restricted: restriction.restricted,
    restrictionReasons: restriction.reasons,
    status: status.status,
    statusChangedAt: localMidnight(closed ?? received, tz),
    closedOn: closed,
    sourceStatus,
    historicalAgency: agencyText,
  };
  // the verbatim row with what the grouping adds, built in place (this runs for every case)
  const source = ctx.source();
  source['_categories'] = sourceCategories;
  source['_rows'] = group.lines.length;
  const categoryColumns =
    family === 'cms' ? ['allegation_category', 'complaint_code'] : ['category', 'category_code'];
  if (sourceStatus === null && first['current_status'] === undefined) {
    // a release without statuses: a child file carrying them fills them in (import-chicago.ts)
    source['_statusUnknown'] = true;
  }
  if (categoryColumns.every((c) => first[c] === undefined)) {
    // a release without categories: its accused file fills them in (import-chicago.ts)
    source['_categoriesUnknown'] = true;
  }
  const hash = contentHash({ ...mapped, source });
  return { key: log, logNumber: log, family, ...mapped, source, hash };
}

function secondsOf(time: string): number {
  const [h, m, s] = time.split(':').map(Number);
  return (h ?? 0) * 3600 + (m ?? 0) * 60 + (s ?? 0);
}
