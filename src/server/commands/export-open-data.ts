import { stringify } from 'csv-stringify/sync';
import { localDate } from '../../shared/dates.ts';
import { publicOutcome, publicVisibility } from '../domain/publication.ts';
import { PENALTY_CODES } from '../domain/findings.ts';
import type { ExportDictionaryResponse } from '../../shared/schemas/public.ts';
import type { z } from 'zod';
import type { Queryable } from '../db/client.ts';
import type { JurisdictionProfile } from '../domain/profiles/profile.ts';
import { allegationOutcome } from '../repositories/allegations.repository.ts';
import { exportChunk } from '../repositories/open-data.repository.ts';

/**
 * The open-data columns, in order, with their meaning: the data dictionary served at
 * /api/public/v1/export/dictionary and written out in docs/open-data.md (a test keeps them equal).
 * One row per case (`record_type` = case) and one per allegation (`record_type` = allegation).
 */
export const EXPORT_COLUMNS = [
  {
    name: 'record_type',
    description: '`case` or `allegation`.',
    descriptionEs: '`case` (caso) o `allegation` (acusación).',
  },
  {
    name: 'log_number',
    description: 'The case log number (legacy 6–7 digits or YYYY-NNNNNNN).',
    descriptionEs: 'El número de registro del caso (antiguo de 6–7 dígitos o AAAA-NNNNNNN).',
  },
  {
    name: 'visibility',
    description:
      '`full` (COPA case), `category_and_status` (restricted category: sexual misconduct, domestic violence, or a minor or shelter-resident party), `status_only` (a case only BIA investigates). Fields a level does not publish are empty.',
    descriptionEs:
      '`full` (caso de COPA), `category_and_status` (categoría restringida: conducta sexual indebida, violencia doméstica, o una persona menor de edad o residente de un albergue), `status_only` (un caso que solo investiga BIA). Los campos que un nivel no publica están vacíos.',
  },
  {
    name: 'status',
    description:
      'Current stage, as a code (`intake` … `final`, `closed_no_finding`, `closed_referred`; each is listed below).',
    descriptionEs:
      'Etapa actual, como código (`intake` … `final`, `closed_no_finding`, `closed_referred`; cada uno figura abajo).',
  },
  {
    name: 'case_type',
    description: '`complaint`, `notification` or `miscellaneous` (full only).',
    descriptionEs:
      '`complaint` (queja), `notification` (notificación) o `miscellaneous` (varios) (solo full).',
  },
  {
    name: 'categories',
    description: 'Case categories, `;`-separated codes (not for `status_only` rows).',
    descriptionEs: 'Categorías del caso, códigos separados por `;` (no en filas `status_only`).',
  },
  {
    name: 'received_date',
    description: 'Date received, Chicago local (full only).',
    descriptionEs: 'Fecha de recepción, hora local de Chicago (solo full).',
  },
  {
    name: 'incident_date',
    description: 'Incident date, Chicago local, when known (full only).',
    descriptionEs: 'Fecha del incidente, hora local de Chicago, si se conoce (solo full).',
  },
  {
    name: 'closed_on',
    description:
      'Date closed, when closed (full only); empty for a closed case whose source records give no closing date.',
    descriptionEs:
      'Fecha de cierre, si está cerrado (solo full); vacía para un caso cerrado cuyos registros de origen no dan fecha de cierre.',
  },
  {
    name: 'lead_agency',
    description: 'Investigating agency, COPA or BIA (full only).',
    descriptionEs: 'Agencia investigadora, COPA o BIA (solo full).',
  },
  {
    name: 'agencies',
    description: 'Every agency with a track on the case, `;`-separated (full only).',
    descriptionEs: 'Cada agencia que trabaja el caso, separadas por `;` (solo full).',
  },
  {
    name: 'district',
    description:
      'CPD district of the incident (full only; empty when a vulnerable party is on the case).',
    descriptionEs:
      'Distrito del CPD del incidente (solo full; vacío cuando hay una persona vulnerable en el caso).',
  },
  {
    name: 'allegation_category',
    description: 'Allegation rows: the category code.',
    descriptionEs: 'Filas de acusación: el código de la categoría.',
  },
  {
    name: 'recommended_finding',
    description:
      'Allegation rows: finding recommended by the investigating agency (concluded cases only).',
    descriptionEs:
      'Filas de acusación: conclusión recomendada por la agencia investigadora (solo casos concluidos).',
  },
  {
    name: 'final_finding',
    description: 'Allegation rows: final finding (concluded cases only).',
    descriptionEs: 'Filas de acusación: conclusión final (solo casos concluidos).',
  },
  {
    name: 'penalty',
    description:
      'Allegation rows: CPD penalty code (final, else recommended; each is listed below); empty when none, withheld, or the case is not concluded.',
    descriptionEs:
      'Filas de acusación: código de sanción del CPD (la final, si no la recomendada; cada uno figura abajo); vacío si no hay, si se retiene o si el caso no ha concluido.',
  },
  {
    name: 'penalty_withheld',
    description:
      'Allegation rows: set when discipline more than 4 years old is withheld (Illinois Personnel Record Review Act, 820 ILCS 40/8).',
    descriptionEs:
      'Filas de acusación: indicado cuando se retiene una sanción de más de 4 años (Ley de Revisión de Expedientes de Personal de Illinois, 820 ILCS 40/8).',
  },
] as const;

export type ExportColumn = (typeof EXPORT_COLUMNS)[number]['name'];

/**
 * GET /export/dictionary: every column in English and Spanish, and the legend of the penalty
 * codes the `penalty` column and case pages carry (their labels live with the codes,
 * domain/findings.ts; the web catalogs label the other codes).
 */
export function exportDictionary(): z.input<typeof ExportDictionaryResponse> {
  return {
    columns: EXPORT_COLUMNS.map((c) => ({
      name: c.name,
      description: c.description,
      descriptionEs: c.descriptionEs,
    })),
    penalties: Object.entries(PENALTY_CODES).map(([code, p]) => ({
      code,
      label: p.label.en,
      labelEs: p.label.es,
    })),
  };
}
export type ExportRow = Record<ExportColumn, string>;

const EMPTY: ExportRow = Object.fromEntries(EXPORT_COLUMNS.map((c) => [c.name, ''])) as ExportRow;

/** Export chunk size: big enough to amortize a round trip, small enough to stream. */
const CHUNK = 5000;

/**
 * Streams the open data, case by case in log-number order, never holding more than one chunk.
 * Each case row is cut to its visibility; allegations are listed for fully public cases only.
 */
export async function* exportOpenData(deps: {
  db: Queryable;
  jurisdiction: string;
  /** The profile: whose cases are public (its oversight agency). */
  profile: JurisdictionProfile;
  timeZone: string;
  now: () => Date;
  year?: number | undefined;
}): AsyncGenerator<ExportRow> {
  const today = localDate(deps.now(), deps.timeZone);
  let after = '';
  for (;;) {
    const rows = await exportChunk(
      deps.db,
      deps.jurisdiction,
      deps.timeZone,
      after,
      CHUNK,
      deps.year,
    );
    for (const r of rows) {
      const visibility = publicVisibility(
        { leadAgency: r.lead_agency, agencies: r.agencies, restricted: r.restricted },
        deps.profile.agencyRoles,
      );
      const base: ExportRow = {
        ...EMPTY,
        record_type: 'case',
        log_number: r.log_number,
        visibility,
        status: r.status,
      };
      if (visibility === 'status_only') {
        yield base;
        continue;
      }
      if (visibility === 'category_and_status') {
        yield { ...base, categories: r.categories.join(';') };
        continue;
      }
      yield {
        ...base,
        case_type: r.case_type,
        categories: r.categories.join(';'),
        received_date: r.received_date,
        incident_date: r.incident_date ?? '',
        closed_on: r.closed_on ?? '',
        lead_agency: r.lead_agency,
        agencies: r.agencies.join(';'),
        district: r.vulnerable ? '' : (r.district ?? ''),
      };
      for (const a of r.allegations ?? []) {
        const o = publicOutcome(r.status, allegationOutcome(a), today);
        yield {
          ...EMPTY,
          record_type: 'allegation',
          log_number: r.log_number,
          visibility,
          status: r.status,
          allegation_category: a.category,
          recommended_finding: o.recommendedFinding ?? '',
          final_finding: o.finalFinding ?? '',
          penalty: o.penalty ?? '',
          penalty_withheld: o.penaltyWithheld ? 'personnel_record_review_act' : '',
        };
      }
    }
    if (rows.length < CHUNK) {
      return;
    }
    after = rows[rows.length - 1]!.log_number;
  }
}

/**
 * Open-data CSV options (csv-stringify): RFC 4180 quoting, CRLF line ends, and a field with a
 * lone line feed or carriage return quoted too (csv-stringify quotes only the CRLF it writes).
 */
const CSV_OPTIONS = { record_delimiter: '\r\n', quoted_match: /[\r\n]/ } as const;

/** A cell a spreadsheet would run as a formula (leading = + - @) defused; numbers stay as they are. */
function defused(value: string): string {
  // a spreadsheet would run a cell starting with = + - @ as a formula (CSV injection)
  return /^[=+\-@\t\r]/.test(value) && !/^-?\d/.test(value) ? `'${value}` : value;
}

/** One RFC 4180 field: quoted when it holds a comma, quote or line break; leading =+-@ defused. */
export function csvField(value: string): string {
  return stringify([[defused(value)]], { ...CSV_OPTIONS, eof: false });
}

/** The CSV lines of the export: header first, CRLF line ends (RFC 4180). */
export async function* exportCsv(rows: AsyncIterable<ExportRow>): AsyncGenerator<string> {
  yield stringify([EXPORT_COLUMNS.map((c) => c.name)], CSV_OPTIONS);
  let batch: string[][] = [];
  for await (const row of rows) {
    batch.push(EXPORT_COLUMNS.map((c) => defused(row[c.name])));
    if (batch.length === 500) {
      yield stringify(batch, CSV_OPTIONS);
      batch = [];
    }
  }
  if (batch.length > 0) {
    yield stringify(batch, CSV_OPTIONS);
  }
}

/** The JSON export: one array of row objects, streamed element by element. */
export async function* exportJson(rows: AsyncIterable<ExportRow>): AsyncGenerator<string> {
  yield '[';
  let first = true;
  let batch = '';
  let n = 0;
  for await (const row of rows) {
    batch += `${first ? '\n' : ',\n'}${JSON.stringify(row)}`;
    first = false;
    if (++n % 500 === 0) {
      yield batch;
      batch = '';
    }
  }
  yield `${batch}\n]\n`;
}
