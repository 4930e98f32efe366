/*
 * The words of the statutory reports (issue 18 items 6–8) in English and Spanish: table titles,
 * column names and the fixed row keys. The HTML, CSV and PDF outputs and the staff Reports page
 * read these (the web's i18n catalogs spread them in), so a table is named the same everywhere.
 * Category and penalty names come from the jurisdiction profile.
 */

export const reportEn = {
  'report.title.quarterly': 'Quarterly report {period}',
  'report.title.annual': 'Annual report {period}',
  'report.staffVersion': 'Staff version: no cell is suppressed.',
  'report.publicVersion':
    'Public version: counts under {threshold} are suppressed (shown as “—”); a sum that covers one is a lower bound (shown with “≥”).',
  'report.period': 'Period: {from} to {to} (local dates, {timeZone}).',
  'report.lastImport': 'Records last imported: {at}.',
  'report.noImport': 'No records were imported: the figures are the cases filed in Oversight.',
  'report.generated': 'Generated {at}.',
  'report.citation':
    'Required by MCC §2-78-150 (quarterly and annual reports to the City Council).',
  'report.limits': 'What this table counts and what the records cannot support',
  'report.recommendations':
    'Policy recommendations made in the period and the department’s responses',
  'report.noRecommendations': 'No recommendation was made in the period.',
  'report.noResponse': 'No response yet.',
  'report.suppressed': '—',
  'report.table.intake_by_source': 'Intake by source and case type',
  'report.table.intake_by_channel': 'Intake by channel',
  'report.table.intake_by_district': 'Intake by police district of the incident',
  'report.table.retained_referred': 'Complaints and notifications retained or referred',
  'report.table.pending_by_age': 'Pending investigations by age at the end of the period',
  'report.table.concluded_by_category': 'Concluded investigations by category',
  'report.table.findings_by_category': 'Findings by allegation category',
  'report.table.discipline_concurrence': 'Recommended and final discipline',
  'report.table.officer_involved_shootings': 'Officer-involved shootings',
  'report.table.policy_recommendations': 'Policy recommendations by implementation status',
  'report.col.row': 'Row',
  'report.col.disposition': 'Disposition',
  'report.col.agency': 'Agency',
  'report.col.clause': 'Clause',
  'report.col.civilian': 'Civilian',
  'report.col.cpd_employee': 'CPD employee',
  'report.col.not_recorded': 'Not recorded',
  'report.col.total': 'Total',
  'report.col.cases': 'Cases',
  'report.col.complaint': 'Complaints',
  'report.col.notification': 'Notifications',
  'report.col.miscellaneous': 'Miscellaneous',
  'report.col.with_finding': 'With a finding',
  'report.col.without_finding': 'Without a finding',
  'report.col.median_days': 'Median days to close',
  'report.col.mean_days': 'Mean days to close',
  'report.col.sustained': 'Sustained',
  'report.col.not_sustained': 'Not sustained',
  'report.col.unfounded': 'Unfounded',
  'report.col.exonerated': 'Exonerated',
  'report.col.other_finding': 'Other finding',
  'report.col.none_recorded': 'No finding recorded',
  'report.col.decided': 'On the merits',
  'report.col.allegations': 'Allegations',
  'report.col.sustained_rate': 'Sustained rate',
  'report.col.recommended': 'Recommended',
  'report.col.concurred': 'Final as recommended',
  'report.col.differed': 'Final differs',
  'report.col.final_recorded': 'Final recorded',
  'report.col.concurrence_rate': 'Rate of concurrence',
  'report.col.recommendations': 'Recommendations',
  'report.row.total': 'Total',
  'report.row.complaint': 'Complaint',
  'report.row.notification': 'Notification',
  'report.row.miscellaneous': 'Miscellaneous',
  'report.row.not_recorded': 'Not recorded',
  'report.row.unknown': 'Unknown',
  'report.row.no_category': 'No category',
  'report.row.retained': 'Retained',
  'report.row.referred': 'Referred',
  'report.row.under_180_days': 'Under 180 days',
  'report.row.180_to_365_days': '180 to 365 days',
  'report.row.1_to_2_years': '1 to 2 years',
  'report.row.over_2_years': 'Over 2 years',
  'report.row.opened': 'Opened in the period',
  'report.row.pending_at_end': 'Pending at the end of the period',
  'report.row.concluded': 'Concluded in the period',
  'report.row.pending': 'Pending',
  'report.row.in_progress': 'In progress',
  'report.row.implemented': 'Implemented',
  'report.row.partially_implemented': 'Partially implemented',
  'report.row.declined': 'Declined',
  'report.row.district': 'District {district}',
  'report.note.source':
    'Source is the complainant type the releases record (civilian or CPD employee); cases filed in Oversight do not record it and count as not recorded.',
  'report.note.channel':
    'The CMS and CLEAR releases do not say how a complaint arrived: imported cases count as not recorded.',
  'report.note.district':
    'District of the incident: the one recorded at intake, else the first two digits of the beat the release gives (CPD numbers beats within their district); unknown when neither is known.',
  'report.note.retained':
    'Retained: the office leads the case. Referred: the release names another agency in referred_to_agency, or another agency leads (CLEAR cases BIA investigated).',
  'report.note.clause':
    'The clause is that of the routing decision recorded in Oversight (MCC §2-78-120); the releases carry none, so imported cases show not recorded.',
  'report.note.pending':
    'Pending at {to}: received by then and not closed by then. Age is counted from the local date of receipt to the end of the period.',
  'report.note.closed_date_unknown':
    '{count} closed cases have no closing date in the release and cannot be placed (counted neither pending nor concluded).',
  'report.note.concluded':
    'Concluded: the case closed in the period (closing date as released, or the day a closing in Oversight set). With a finding: at least one allegation has a finding on the merits (sustained, not sustained, unfounded, exonerated), final else recommended.',
  'report.note.concluded_categories':
    'A case with several categories counts under each; the total counts it once. Days to close run from the local date of receipt to the closing date.',
  'report.note.findings':
    'Allegations of the cases concluded in the period; an allegation’s finding is its final finding, else the recommended one. Sustained rate = sustained ÷ findings on the merits.',
  'report.note.discipline':
    'Allegations of the cases concluded in the period with a recommended penalty (by CPD penalty code); concurred = the final penalty is the recommended one. Rate of concurrence = concurred ÷ allegations with a final penalty.',
  'report.note.discipline_sources':
    'The CLEAR 2018 release holds only the final outcome, so CLEAR-era allegations have no recommended discipline and do not appear; the CMS release fills final penalties only for cases at Case Final.',
  'report.note.ois':
    'Officer-involved shootings: cases flagged police_shooting (the releases’ police_shooting column). Opened = received in the period; pending and concluded as in the tables above.',
  'report.note.policy':
    'Recommendations made to the department in the period, by implementation status; each is listed with the department’s response below. The releases hold none: they are recorded in Oversight.',
  'report.note.policy_responded': '{responded} of {total} have a response from the department.',
} as const;

export type ReportLabelKey = keyof typeof reportEn;

export const reportEs: Record<ReportLabelKey, string> = {
  'report.title.quarterly': 'Informe trimestral {period}',
  'report.title.annual': 'Informe anual {period}',
  'report.staffVersion': 'Versión para el personal: no se suprime ninguna celda.',
  'report.publicVersion':
    'Versión pública: los recuentos menores de {threshold} se suprimen (se muestran como «—»); una suma que cubre uno es un mínimo (se muestra con «≥»).',
  'report.period': 'Periodo: del {from} al {to} (fechas locales, {timeZone}).',
  'report.lastImport': 'Última importación de registros: {at}.',
  'report.noImport':
    'No se importaron registros: las cifras son los casos registrados en Oversight.',
  'report.generated': 'Generado el {at}.',
  'report.citation':
    'Exigido por el MCC §2-78-150 (informes trimestrales y anuales al Concejo Municipal).',
  'report.limits': 'Qué cuenta esta tabla y qué no permiten los registros',
  'report.recommendations':
    'Recomendaciones de política hechas en el periodo y las respuestas del departamento',
  'report.noRecommendations': 'No se hizo ninguna recomendación en el periodo.',
  'report.noResponse': 'Aún sin respuesta.',
  'report.suppressed': '—',
  'report.table.intake_by_source': 'Ingreso por origen y tipo de caso',
  'report.table.intake_by_channel': 'Ingreso por canal',
  'report.table.intake_by_district': 'Ingreso por distrito policial del incidente',
  'report.table.retained_referred': 'Quejas y notificaciones retenidas o remitidas',
  'report.table.pending_by_age': 'Investigaciones pendientes por antigüedad al final del periodo',
  'report.table.concluded_by_category': 'Investigaciones concluidas por categoría',
  'report.table.findings_by_category': 'Conclusiones por categoría de alegación',
  'report.table.discipline_concurrence': 'Disciplina recomendada y definitiva',
  'report.table.officer_involved_shootings': 'Disparos con participación de agentes',
  'report.table.policy_recommendations': 'Recomendaciones de política por estado de implementación',
  'report.col.row': 'Fila',
  'report.col.disposition': 'Destino',
  'report.col.agency': 'Agencia',
  'report.col.clause': 'Cláusula',
  'report.col.civilian': 'Civil',
  'report.col.cpd_employee': 'Empleado del CPD',
  'report.col.not_recorded': 'No registrado',
  'report.col.total': 'Total',
  'report.col.cases': 'Casos',
  'report.col.complaint': 'Quejas',
  'report.col.notification': 'Notificaciones',
  'report.col.miscellaneous': 'Varios',
  'report.col.with_finding': 'Con conclusión',
  'report.col.without_finding': 'Sin conclusión',
  'report.col.median_days': 'Mediana de días hasta el cierre',
  'report.col.mean_days': 'Media de días hasta el cierre',
  'report.col.sustained': 'Fundada',
  'report.col.not_sustained': 'No fundada',
  'report.col.unfounded': 'Infundada',
  'report.col.exonerated': 'Exonerado',
  'report.col.other_finding': 'Otra conclusión',
  'report.col.none_recorded': 'Sin conclusión registrada',
  'report.col.decided': 'Sobre el fondo',
  'report.col.allegations': 'Alegaciones',
  'report.col.sustained_rate': 'Tasa de alegaciones fundadas',
  'report.col.recommended': 'Recomendada',
  'report.col.concurred': 'Definitiva igual a la recomendada',
  'report.col.differed': 'Definitiva distinta',
  'report.col.final_recorded': 'Definitiva registrada',
  'report.col.concurrence_rate': 'Tasa de concordancia',
  'report.col.recommendations': 'Recomendaciones',
  'report.row.total': 'Total',
  'report.row.complaint': 'Queja',
  'report.row.notification': 'Notificación',
  'report.row.miscellaneous': 'Varios',
  'report.row.not_recorded': 'No registrado',
  'report.row.unknown': 'Desconocido',
  'report.row.no_category': 'Sin categoría',
  'report.row.retained': 'Retenida',
  'report.row.referred': 'Remitida',
  'report.row.under_180_days': 'Menos de 180 días',
  'report.row.180_to_365_days': 'De 180 a 365 días',
  'report.row.1_to_2_years': 'De 1 a 2 años',
  'report.row.over_2_years': 'Más de 2 años',
  'report.row.opened': 'Abiertos en el periodo',
  'report.row.pending_at_end': 'Pendientes al final del periodo',
  'report.row.concluded': 'Concluidos en el periodo',
  'report.row.pending': 'Pendiente',
  'report.row.in_progress': 'En curso',
  'report.row.implemented': 'Implementada',
  'report.row.partially_implemented': 'Implementada en parte',
  'report.row.declined': 'Rechazada',
  'report.row.district': 'Distrito {district}',
  'report.note.source':
    'El origen es el tipo de denunciante que registran las publicaciones (civil o empleado del CPD); los casos registrados en Oversight no lo indican y cuentan como no registrado.',
  'report.note.channel':
    'Las publicaciones CMS y CLEAR no dicen cómo llegó la queja: los casos importados cuentan como no registrado.',
  'report.note.district':
    'Distrito del incidente: el registrado en el ingreso, si no las dos primeras cifras del sector (beat) que da la publicación (el CPD numera los sectores dentro de su distrito); desconocido cuando no se sabe ninguno.',
  'report.note.retained':
    'Retenida: la oficina dirige el caso. Remitida: la publicación nombra otra agencia en referred_to_agency, u otra agencia dirige el caso (casos CLEAR investigados por BIA).',
  'report.note.clause':
    'La cláusula es la de la decisión de asignación registrada en Oversight (MCC §2-78-120); las publicaciones no traen ninguna, así que los casos importados muestran no registrado.',
  'report.note.pending':
    'Pendientes al {to}: recibidos hasta esa fecha y no cerrados hasta entonces. La antigüedad se cuenta desde la fecha local de recepción hasta el final del periodo.',
  'report.note.closed_date_unknown':
    '{count} casos cerrados no tienen fecha de cierre en la publicación y no se pueden situar (no cuentan ni como pendientes ni como concluidos).',
  'report.note.concluded':
    'Concluido: el caso se cerró en el periodo (fecha de cierre publicada, o el día en que lo cerró Oversight). Con conclusión: al menos una alegación tiene una conclusión sobre el fondo (fundada, no fundada, infundada, exonerado), definitiva o, si no, recomendada.',
  'report.note.concluded_categories':
    'Un caso con varias categorías cuenta en cada una; el total lo cuenta una vez. Los días hasta el cierre van desde la fecha local de recepción hasta la fecha de cierre.',
  'report.note.findings':
    'Alegaciones de los casos concluidos en el periodo; la conclusión de una alegación es la definitiva o, si no, la recomendada. Tasa de fundadas = fundadas ÷ conclusiones sobre el fondo.',
  'report.note.discipline':
    'Alegaciones de los casos concluidos en el periodo con una sanción recomendada (por código de sanción del CPD); concordancia = la sanción definitiva es la recomendada. Tasa de concordancia = concordantes ÷ alegaciones con sanción definitiva.',
  'report.note.discipline_sources':
    'La publicación CLEAR de 2018 solo trae el resultado definitivo, así que las alegaciones de esa época no tienen disciplina recomendada y no aparecen; la publicación CMS solo rellena la sanción definitiva de los casos en Case Final.',
  'report.note.ois':
    'Disparos con participación de agentes: casos marcados police_shooting (la columna police_shooting de las publicaciones). Abiertos = recibidos en el periodo; pendientes y concluidos como en las tablas anteriores.',
  'report.note.policy':
    'Recomendaciones hechas al departamento en el periodo, por estado de implementación; cada una se enumera abajo con la respuesta del departamento. Las publicaciones no traen ninguna: se registran en Oversight.',
  'report.note.policy_responded': '{responded} de {total} tienen respuesta del departamento.',
};

type Lang = 'en' | 'es';

/** A report text with `{name}` placeholders filled. */
export function reportText(
  lang: Lang,
  key: ReportLabelKey,
  vars: Record<string, string | number> = {},
): string {
  const text = (lang === 'es' ? reportEs : reportEn)[key];
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

/**
 * The label of a row key of table `table`: fixed keys from this catalog, categories and penalty
 * codes from `names` (the profile's), districts by number, anything else (agencies as released)
 * verbatim.
 */
export function reportRowLabel(
  lang: Lang,
  table: string,
  key: string,
  names: Record<string, string> = {},
): string {
  const fixed = `report.row.${key}` as ReportLabelKey;
  if (table === 'intake_by_district' && /^\d+$/.test(key)) {
    return reportText(lang, 'report.row.district', { district: key });
  }
  if (fixed in reportEn) {
    return reportText(lang, fixed);
  }
  return names[key] ?? key.replace(/_/g, ' ');
}

/** A table's note: what it counts, or what the records cannot support. */
export interface ReportNote {
  code: string;
  vars: Record<string, string | number>;
  /** The note in English (the JSON's reader need not know the codes). */
  text: string;
}

/** A note by its code (`report.note.<code>`), with its English text. */
export function reportNote(code: string, vars: Record<string, string | number> = {}): ReportNote {
  return { code, vars, text: reportText('en', `report.note.${code}` as ReportLabelKey, vars) };
}

/** The label of a column key. */
export function reportColumnLabel(lang: Lang, key: string): string {
  const k = `report.col.${key}` as ReportLabelKey;
  return k in reportEn ? reportText(lang, k) : key.replace(/_/g, ' ');
}
