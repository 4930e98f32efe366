import { validateLetterPacks, type LetterLanguagePack } from '../letters.ts';
import type { LetterProfile } from './profile.ts';

/*
 * COPA's letters as data (issue 18 item 1; docs/domain.md "Letters"). Plain, respectful text in
 * English and Spanish (usted throughout). A third language is one more entry in LETTER_PACKS,
 * checked by validateLetterPacks() when the profile is loaded.
 */

const en: LetterLanguagePack = {
  name: 'English',
  locale: 'en-US',
  officeName: 'Civilian Office of Police Accountability (COPA)',
  salutation: 'Dear Sir or Madam:',
  closing: 'Sincerely,\n\nCivilian Office of Police Accountability',
  templates: {
    acknowledgement: {
      subject: 'We received your complaint (log number {logNumber})',
      body: [
        'Thank you for contacting the {officeName}. We received your complaint on {receivedDate} and registered it under log number {logNumber}. Please keep this number: it identifies your complaint whenever you contact us.',
        'The matter is being handled by {investigatingAgency}. We will write to you again when there is news, and at least every six months while an investigation remains open.',
        'If you have questions or more information, please call us at {officePhone} or write to us at {officeAddress}.',
      ].join('\n\n'),
    },
    six_month_notice: {
      subject: 'Status of the investigation, log number {logNumber}',
      body: [
        'The Municipal Code of Chicago (section 2-78-135) requires us to give notice when an investigation is not concluded within six months, and every six months after that until it is concluded.',
        'This notice concerns log number {logNumber}, received on {receivedDate}. The general nature of the complaint: {generalNature}.',
        'The investigation is not yet concluded because: {reasons}.',
        'The investigation continues. You will receive another notice in six months if it is still open. For questions, please call {officePhone}.',
      ].join('\n\n'),
    },
    referral: {
      subject: 'Your complaint has been referred (log number {logNumber})',
      body: [
        'We reviewed your complaint, log number {logNumber}. Under the Municipal Code of Chicago, {clause}, it is investigated by another agency, and we have referred it to {referredTo}.',
        'That agency will contact you about the investigation. Your complaint keeps the same log number.',
        'If you have questions, please call us at {officePhone}.',
      ].join('\n\n'),
    },
    closure_no_finding: {
      subject: 'Your complaint has been closed (log number {logNumber})',
      body: [
        'We are writing about your complaint, log number {logNumber}. We have closed it without a finding. The reason: {closureReason}.',
        'A closed complaint can be reopened if new material evidence comes to light. If you have such information, please call us at {officePhone}.',
      ].join('\n\n'),
    },
    outcome: {
      subject: 'The outcome of the investigation (log number {logNumber})',
      body: [
        'The investigation of your complaint, log number {logNumber}, has concluded. These are the findings:',
        '{findings}',
        '{discipline}',
        'If you have questions, please call us at {officePhone}.',
      ].join('\n\n'),
    },
    information_request: {
      subject: 'We need more information (log number {logNumber})',
      body: [
        'We are investigating your complaint, log number {logNumber}, and we need more information from you:',
        '{requestedInformation}',
        'Please contact us by {respondBy} at {officePhone} or at {officeAddress}. If we do not hear from you, we will continue with the information we have.',
      ].join('\n\n'),
    },
  },
  delayReasons: {
    evidence_being_gathered: 'evidence is still being gathered',
    witnesses_not_yet_interviewed: 'witnesses have not all been interviewed yet',
    awaiting_records: 'we are waiting for records from other agencies',
    parallel_criminal_proceeding: 'a related criminal investigation is under way',
    complex_investigation: 'the investigation involves several allegations or members',
  },
  closureReasons: {
    no_allegation: 'the information did not contain an allegation of misconduct',
    member_not_identified: 'the department member involved could not be identified',
    no_victim_or_witness_identified: 'no victim or witness could be identified',
    withdrawn: 'the complaint was withdrawn',
    duplicate: 'the matter is already being handled under another log number',
  },
  findings: {
    sustained: 'Sustained (the allegation was supported by the evidence)',
    not_sustained: 'Not sustained (the evidence was not enough to prove or disprove it)',
    unfounded: 'Unfounded (the allegation was not true)',
    exonerated: 'Exonerated (the conduct happened but was lawful and proper)',
    no_affidavit: 'Closed without a sworn affidavit',
    no_finding: 'No finding',
    administratively_closed: 'Administratively closed',
  },
  findingLine: '- {category}: {finding}',
  disciplineLine: 'Discipline decided: {penalty}.',
  disciplineWithheld:
    'Information about discipline is not included in this letter. It may be released only as the law allows.',
  penalties: {
    '000': 'violation noted',
    '100': 'reprimand',
    '200': 'suspension of more than 30 days',
    '301': 'administratively closed',
    '400': 'separation from the department',
    '600': 'no action taken',
    '601': 'no action taken',
    '800': 'the member resigned before the discipline was served',
    '999': 'the member is deceased',
  },
  suspension: 'suspension of {days} days',
};

const es: LetterLanguagePack = {
  name: 'Español',
  locale: 'es-US',
  officeName: 'Oficina Civil de Rendición de Cuentas Policiales (COPA)',
  salutation: 'Estimado(a) señor(a):',
  closing: 'Atentamente,\n\nOficina Civil de Rendición de Cuentas Policiales (COPA)',
  templates: {
    acknowledgement: {
      subject: 'Recibimos su queja (número de registro {logNumber})',
      body: [
        'Gracias por comunicarse con la {officeName}. Recibimos su queja el {receivedDate} y la registramos con el número {logNumber}. Por favor, conserve este número: identifica su queja cada vez que se comunique con nosotros.',
        'El asunto está a cargo de {investigatingAgency}. Le escribiremos de nuevo cuando haya novedades y, como mínimo, cada seis meses mientras la investigación siga abierta.',
        'Si tiene preguntas o más información, llámenos al {officePhone} o escríbanos a {officeAddress}.',
      ].join('\n\n'),
    },
    six_month_notice: {
      subject: 'Estado de la investigación, número de registro {logNumber}',
      body: [
        'El Código Municipal de Chicago (sección 2-78-135) nos exige dar aviso cuando una investigación no concluye en seis meses, y luego cada seis meses hasta que concluya.',
        'Este aviso se refiere al número de registro {logNumber}, recibido el {receivedDate}. Naturaleza general de la queja: {generalNature}.',
        'La investigación aún no ha concluido porque: {reasons}.',
        'La investigación continúa. Recibirá otro aviso dentro de seis meses si sigue abierta. Si tiene preguntas, llame al {officePhone}.',
      ].join('\n\n'),
    },
    referral: {
      subject: 'Su queja ha sido remitida (número de registro {logNumber})',
      body: [
        'Revisamos su queja, número de registro {logNumber}. Según el Código Municipal de Chicago, {clause}, la investiga otra agencia, y la hemos remitido a {referredTo}.',
        'Esa agencia se comunicará con usted sobre la investigación. Su queja conserva el mismo número de registro.',
        'Si tiene preguntas, llámenos al {officePhone}.',
      ].join('\n\n'),
    },
    closure_no_finding: {
      subject: 'Su queja ha sido cerrada (número de registro {logNumber})',
      body: [
        'Le escribimos sobre su queja, número de registro {logNumber}. La hemos cerrado sin una determinación. El motivo: {closureReason}.',
        'Una queja cerrada puede reabrirse si surgen nuevas pruebas importantes. Si usted tiene esa información, llámenos al {officePhone}.',
      ].join('\n\n'),
    },
    outcome: {
      subject: 'Resultado de la investigación (número de registro {logNumber})',
      body: [
        'La investigación de su queja, número de registro {logNumber}, ha concluido. Estas son las determinaciones:',
        '{findings}',
        '{discipline}',
        'Si tiene preguntas, llámenos al {officePhone}.',
      ].join('\n\n'),
    },
    information_request: {
      subject: 'Necesitamos más información (número de registro {logNumber})',
      body: [
        'Estamos investigando su queja, número de registro {logNumber}, y necesitamos que usted nos dé más información:',
        '{requestedInformation}',
        'Por favor, comuníquese con nosotros a más tardar el {respondBy} al {officePhone} o en {officeAddress}. Si no sabemos de usted, continuaremos con la información que tenemos.',
      ].join('\n\n'),
    },
  },
  delayReasons: {
    evidence_being_gathered: 'todavía se están reuniendo pruebas',
    witnesses_not_yet_interviewed: 'aún no se ha entrevistado a todos los testigos',
    awaiting_records: 'estamos esperando documentos de otras agencias',
    parallel_criminal_proceeding: 'hay una investigación penal relacionada en curso',
    complex_investigation: 'la investigación abarca varias denuncias o varios agentes',
  },
  closureReasons: {
    no_allegation: 'la información no contenía una denuncia de mala conducta',
    member_not_identified: 'no fue posible identificar al agente del departamento involucrado',
    no_victim_or_witness_identified: 'no fue posible identificar a una víctima ni a un testigo',
    withdrawn: 'la queja fue retirada',
    duplicate: 'el asunto ya se tramita con otro número de registro',
  },
  findings: {
    sustained: 'Acreditada (las pruebas respaldaron la denuncia)',
    not_sustained: 'No acreditada (las pruebas no bastaron para probarla ni para descartarla)',
    unfounded: 'Infundada (la denuncia no era cierta)',
    exonerated: 'Exonerado (los hechos ocurrieron, pero la conducta fue legal y correcta)',
    no_affidavit: 'Cerrada sin declaración jurada',
    no_finding: 'Sin determinación',
    administratively_closed: 'Cerrada administrativamente',
  },
  findingLine: '- {category}: {finding}',
  disciplineLine: 'Medida disciplinaria decidida: {penalty}.',
  disciplineWithheld:
    'Esta carta no incluye información sobre medidas disciplinarias. Esa información solo puede divulgarse en la medida en que la ley lo permita.',
  penalties: {
    '000': 'infracción anotada',
    '100': 'amonestación',
    '200': 'suspensión de más de 30 días',
    '301': 'cerrado administrativamente',
    '400': 'separación del departamento',
    '600': 'sin medidas',
    '601': 'sin medidas',
    '800': 'el agente renunció antes de cumplir la sanción',
    '999': 'el agente falleció',
  },
  suspension: 'suspensión de {days} días',
};

/** The language packs, by language code; checked here, so a bad template fails at load. */
export const LETTER_PACKS: Record<string, LetterLanguagePack> = { en, es };
validateLetterPacks(LETTER_PACKS);

/**
 * Chicago's letters: the packs, the language written to officials and members, and who the
 * §2-78-135 notice goes to. MCC 2-78-135: "the Chief Administrator shall notify, within five days
 * after the end of the six-month period, the Mayor or his designee, the Superintendent, the
 * Chairman of the City Council Committee on Public Safety, the complainant, and the employee named
 * in the complaint, or his or her counsel" — and again every six months until the investigation
 * is completed. Officials' addresses are their published offices (City Hall, 121 N. LaSalle St.;
 * CPD Headquarters, 3510 S. Michigan Ave.); a member is written to in care of the department.
 */
export const CHICAGO_LETTERS: LetterProfile = {
  packs: LETTER_PACKS,
  officialLanguage: 'en',
  sixMonthNotice: {
    clause: 'MCC 2-78-135',
    complainant: true,
    accused: true,
    accusedCareOf: ['c/o Chicago Police Department', '3510 S. Michigan Ave.', 'Chicago, IL 60653'],
    officials: [
      {
        code: 'mayor',
        name: 'The Mayor of Chicago (or designee)',
        address: [
          'Office of the Mayor, City Hall',
          '121 N. LaSalle St., 5th Floor',
          'Chicago, IL 60602',
        ],
      },
      {
        code: 'superintendent',
        name: 'The Superintendent of Police',
        address: ['Chicago Police Department', '3510 S. Michigan Ave.', 'Chicago, IL 60653'],
      },
      {
        code: 'public_safety_chair',
        name: 'The Chair of the City Council Committee on Public Safety',
        address: ['City Council, City Hall', '121 N. LaSalle St., 2nd Floor', 'Chicago, IL 60602'],
      },
    ],
  },
  agencies: {
    COPA: {
      en: 'the Civilian Office of Police Accountability (COPA)',
      es: 'la Oficina Civil de Rendición de Cuentas Policiales (COPA)',
    },
    BIA: {
      en: 'the Bureau of Internal Affairs of the Chicago Police Department (BIA)',
      es: 'la Oficina de Asuntos Internos del Departamento de Policía de Chicago (BIA)',
    },
    OIG: {
      en: 'the Office of Inspector General (OIG)',
      es: 'la Oficina del Inspector General (OIG)',
    },
  },
};
