import { tableRouter } from '../routing.ts';
import type { JurisdictionProfile, LocalizedText } from './profile.ts';

/*
 * The New York City profile (issue 20 item 6; ADR 0045; docs/domain.md "Second city: New York
 * City"): the Civilian Complaint Review Board beside the Police Department, written as data only.
 * Every rule here is read by the same code as Chicago's; nothing outside this file knows New York.
 *
 * Sources: New York City Charter ch. 18-A §440 (the Board and its jurisdiction); Rules of the City
 * of New York, Title 38-A (the Board's rules: §1-01 definitions, incl. mediation; §1-02
 * jurisdiction; §1-33 case dispositions); New York Civil Service Law §75(4) (18 months to start
 * discipline); the Board's published contact page (below).
 */

const CHARTER = 'NYC Charter §440(c)(1)';
/** 2019 Charter revision: the Board may investigate untruthful material statements. */
const CHARTER_STATEMENTS = 'NYC Charter §440(c)(1) (as amended 2019)';

/** Why the Board investigates: the end of "CCRB investigates this case because …". */
function fado(en: string, es: string): LocalizedText {
  return {
    en: `it alleges ${en}, which the Board investigates under ${CHARTER}`,
    es: `denuncia ${es}, que la Junta investiga según la ${CHARTER}`,
  };
}

export const nycProfile: JurisdictionProfile = {
  code: 'nyc',
  name: 'City of New York',
  timeZone: 'America/New_York',
  office: {
    name: {
      en: 'Civilian Complaint Review Board (CCRB)',
      es: 'Junta de Revisión de Quejas Civiles (CCRB)',
    },
    address: ['100 Church Street, 10th Floor', 'New York, NY 10007'],
    phone: '1-800-341-2272',
    phoneE164: '+18003412272',
    hours: {
      en: 'Monday to Friday, 8:00 a.m. to 5:00 p.m.; by phone through 311 at any hour',
      es: 'De lunes a viernes, de 8:00 a. m. a 5:00 p. m.; por teléfono a través del 311 a cualquier hora',
    },
    emergencyPhone: '911',
    source: 'https://www.nyc.gov/site/ccrb/complaints/file-a-complaint/file-a-complaint.page',
  },
  // Charter §440(a): an independent civilian board; the Police Department investigates what the
  // Board does not; the Department of Investigation's Inspector General for the NYPD reviews the
  // Department's practices and may take part in a case, but routes none.
  agencies: {
    CCRB: {
      name: {
        en: 'the Civilian Complaint Review Board (CCRB)',
        es: 'la Junta de Revisión de Quejas Civiles (CCRB)',
      },
    },
    NYPD: {
      name: {
        en: 'the New York City Police Department (NYPD)',
        es: 'el Departamento de Policía de la Ciudad de Nueva York (NYPD)',
      },
    },
    OIG_NYPD: {
      name: {
        en: 'the Inspector General for the NYPD (Department of Investigation)',
        es: 'el Inspector General del NYPD (Departamento de Investigación)',
      },
    },
  },
  agencyRoles: { oversight: 'CCRB', internalAffairs: 'NYPD', inspectorGeneral: 'OIG_NYPD' },
  // Charter §440(c)(1): the Board "shall have the power to receive, investigate, hear, make
  // findings and recommend action upon complaints by members of the public against members of the
  // police department that allege misconduct involving excessive use of force, abuse of authority,
  // discourtesy, or use of offensive language" ("FADO"), and since the 2019 revision the
  // truthfulness of material official statements. Other misconduct is referred to the Department.
  // FADO allegations do not rank: each is the Board's under the same clause.
  routing: tableRouter({
    intake: {
      en: `The Board receives every complaint of police misconduct by a member of the public (${CHARTER}).`,
      es: `La Junta recibe todas las quejas del público por faltas policiales (${CHARTER}).`,
    },
    rules: [
      {
        rule: 'ccrb_force',
        categories: ['force'],
        agency: 'CCRB',
        clause: CHARTER,
        why: fado('excessive use of force', 'uso excesivo de la fuerza'),
      },
      {
        rule: 'ccrb_abuse_of_authority',
        categories: ['abuse_of_authority'],
        agency: 'CCRB',
        clause: CHARTER,
        why: fado('abuse of authority', 'abuso de autoridad'),
      },
      {
        rule: 'ccrb_discourtesy',
        categories: ['discourtesy'],
        agency: 'CCRB',
        clause: CHARTER,
        why: fado('discourtesy', 'descortesía'),
      },
      {
        rule: 'ccrb_offensive_language',
        categories: ['offensive_language'],
        agency: 'CCRB',
        clause: CHARTER,
        why: fado('offensive language', 'lenguaje ofensivo'),
      },
      {
        rule: 'ccrb_untruthful_statement',
        categories: ['untruthful_statement'],
        agency: 'CCRB',
        clause: CHARTER_STATEMENTS,
        why: {
          en: `it alleges an untruthful material official statement, which the Board investigates under ${CHARTER_STATEMENTS}`,
          es: `denuncia una declaración oficial falsa sobre un hecho relevante, que la Junta investiga según la ${CHARTER_STATEMENTS}`,
        },
      },
    ],
    residual: {
      rule: 'nypd_outside_fado',
      agency: 'NYPD',
      clause: CHARTER,
      why: {
        en: `none of its allegations is force, abuse of authority, discourtesy or offensive language, the misconduct ${CHARTER} gives the Board, so the Board refers it to the Police Department`,
        es: `ninguna de sus denuncias es de fuerza, abuso de autoridad, descortesía o lenguaje ofensivo, las faltas que la ${CHARTER} asigna a la Junta, por lo que la Junta la remite al Departamento de Policía`,
      },
    },
  }),
  categories: {
    force: { label: { en: 'Force', es: 'Uso de la fuerza' } },
    abuse_of_authority: { label: { en: 'Abuse of Authority', es: 'Abuso de autoridad' } },
    discourtesy: { label: { en: 'Discourtesy', es: 'Descortesía' } },
    offensive_language: { label: { en: 'Offensive Language', es: 'Lenguaje ofensivo' } },
    untruthful_statement: {
      label: { en: 'Untruthful Statement', es: 'Declaración falsa' },
    },
    other_misconduct: {
      label: { en: 'Other Misconduct (outside FADO)', es: 'Otras faltas (fuera de FADO)' },
    },
  },
  // 38-A RCNY §1-33: the Board's dispositions of an allegation after a full investigation, and
  // the outcomes of a complaint closed without one: resolved by mediation (§1-01 "Mediation": a
  // voluntary process with a neutral mediator) or truncated (closed before a full investigation,
  // e.g. the complainant withdrew or could not be reached). Only "substantiated" proves it.
  findings: {
    substantiated: {
      label: { en: 'Substantiated', es: 'Fundamentada' },
      legacyOnly: false,
    },
    unsubstantiated: {
      label: { en: 'Unsubstantiated', es: 'No fundamentada' },
      legacyOnly: false,
    },
    unfounded: { label: { en: 'Unfounded', es: 'Infundada' }, legacyOnly: false },
    exonerated: {
      label: { en: 'Exonerated', es: 'Exonerado (conducta justificada)' },
      legacyOnly: false,
    },
    officer_unidentified: {
      label: { en: 'Officer Unidentified', es: 'Agente no identificado' },
      legacyOnly: false,
    },
    mediated: { label: { en: 'Mediated', es: 'Resuelta por mediación' }, legacyOnly: false },
    truncated: {
      label: { en: 'Truncated', es: 'Cerrada sin investigación completa' },
      legacyOnly: false,
    },
  },
  // The Department is not bound by the Chicago notification list; the Board takes complaints.
  notificationTypes: {},
  // None of Chicago's clocks has a source in New York law (clockSources is empty), so none runs
  // and these lengths are never read. The limit that does bind is the 18 months to start
  // discipline (below).
  clocks: {
    acknowledgementBusinessDays: 0,
    sixMonthNoticeMonths: 0,
    sixMonthNoticeDueDays: 0,
    completionBenchmarkDays: 0,
    superintendentResponseDays: 0,
    superintendentExtensionDays: 0,
    superintendentMaxDays: 0,
    videoReleaseDays: 0,
    materialRequestDays: 0,
    quarterlyReportDates: [],
    annualReportDate: { month: 1, day: 1 },
  },
  investigationClocks: [],
  sixMonthNoticeAgencies: [],
  clockSources: {},
  // NY Civil Service Law §75(4): "no removal or disciplinary proceeding shall be commenced more
  // than eighteen months after the occurrence of the alleged incompetency or misconduct"
  // (the exception for conduct that would be a crime is a prosecutor's question, not a clock).
  disciplineLimitation: {
    months: 18,
    clause: 'NY Civil Service Law §75(4)',
    label: {
      en: 'Limit on starting discipline (18 months from the incident)',
      es: 'Plazo para iniciar un procedimiento disciplinario (18 meses desde el incidente)',
    },
  },
  // No business-day clock runs under this profile, so no holiday calendar is read yet.
  holidays: () => [],
  // NYPD ranks of lieutenant and above (the rank rule is Chicago's BIA practice; kept as data).
  lieutenantAndAboveRanks: [
    'Lieutenant',
    'Captain',
    'Deputy Inspector',
    'Inspector',
    'Deputy Chief',
    'Assistant Chief',
    'Bureau Chief',
    'Chief of Department',
  ],
  redaction: {
    streets: new Set(),
    moreStreets: new Set(),
    streetPairs: new Set(),
    // New York's Freedom of Information Law: an agency may deny access to records whose
    // disclosure "would constitute an unwarranted invasion of personal privacy" (Public Officers
    // Law §87(2)(b), §89(2)) or "could endanger the life or safety of any person" (§87(2)(f)).
    basis: {
      person_name: {
        en: 'Personal privacy: a person named in the narrative is not identified (NY Public Officers Law §87(2)(b))',
        es: 'Privacidad personal: no se identifica a las personas nombradas en el relato (Ley de Funcionarios Públicos de Nueva York, §87(2)(b))',
      },
      phone: {
        en: 'Personal privacy (personal telephone number) (NY Public Officers Law §87(2)(b))',
        es: 'Privacidad personal (teléfono personal) (Ley de Funcionarios Públicos de Nueva York, §87(2)(b))',
      },
      email: {
        en: 'Personal privacy (personal email address) (NY Public Officers Law §87(2)(b))',
        es: 'Privacidad personal (correo electrónico personal) (Ley de Funcionarios Públicos de Nueva York, §87(2)(b))',
      },
      street_address: {
        en: 'Personal privacy (home address): an address is shown at block level only (NY Public Officers Law §87(2)(b))',
        es: 'Privacidad personal (domicilio): una dirección se muestra solo a nivel de cuadra (Ley de Funcionarios Públicos de Nueva York, §87(2)(b))',
      },
      date_of_birth: {
        en: 'Personal privacy (date of birth) (NY Public Officers Law §87(2)(b))',
        es: 'Privacidad personal (fecha de nacimiento) (Ley de Funcionarios Públicos de Nueva York, §87(2)(b))',
      },
      licence_plate: {
        en: 'Personal privacy (personal licence plate) (NY Public Officers Law §87(2)(b))',
        es: 'Privacidad personal (placa de vehículo personal) (Ley de Funcionarios Públicos de Nueva York, §87(2)(b))',
      },
      shelter_location: {
        en: 'Safety and personal privacy of a vulnerable party: where a shelter resident lives is never published (NY Public Officers Law §87(2)(b) and (f))',
        es: 'Seguridad y privacidad personal de una persona vulnerable: nunca se publica dónde vive una persona albergada en un refugio (Ley de Funcionarios Públicos de Nueva York, §87(2)(b) y (f))',
      },
    },
  },
  importedNarratives: 'hold_for_review',
  // The Board's letters are not written yet: no language pack, so no letter is drafted.
  letters: {
    packs: {},
    officialLanguage: 'en',
    sixMonthNotice: {
      clause: CHARTER,
      complainant: false,
      accused: false,
      accusedCareOf: [],
      officials: [],
    },
    agencies: {},
  },
  // Nothing found in the Charter §440 or 38-A RCNY that makes the Department's modified or
  // suspended duty status public per case, and Civil Service Law §75 discipline records are
  // personnel matters: in doubt, the public answer discloses no duty-status action.
  dutyStatusDisclosure: {
    actions: [],
    decidingOffice: { en: 'the Police Commissioner', es: 'el Comisionado de Policía' },
    minUnitMembers: 5,
    source: 'none: no New York law found that makes per-case duty status public',
  },
};
