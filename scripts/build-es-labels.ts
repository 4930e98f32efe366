// Builds test/fixtures/redaction-labels-es-constructed.json from the marked-up source
// test/fixtures/redaction-es-source.txt (issue 17 item 4). The narratives are constructed for
// the purpose, so their text is stored beside the labels; offsets are computed here, never typed
// by hand. Source format: a line `@@ <id> <register>` starts a narrative; the lines after it, up
// to the next `@@` line, are its text (trimmed); lines starting with `#` before the first `@@`
// are comments. A labelled span is written `[[TAG:text]]` with TAG one of TAGS below.
// Run: node --import tsx scripts/build-es-labels.ts
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const SOURCE_PATH = 'test/fixtures/redaction-es-source.txt';
export const LABELS_PATH = 'test/fixtures/redaction-labels-es-constructed.json';

/** Markup tag → the kind the English label files and docs/redaction.md use. */
export const TAGS = {
  NAME: 'person_name',
  PHONE: 'phone',
  EMAIL: 'email',
  ADDR: 'street_address',
  DOB: 'date_of_birth',
  PLATE: 'licence_plate',
  SHELTER: 'shelter_location',
} as const;

export type LabelKind = (typeof TAGS)[keyof typeof TAGS];
export const KINDS: readonly LabelKind[] = Object.values(TAGS);

export interface LabelSpan {
  start: number;
  end: number;
  kind: LabelKind;
}

export interface ConstructedNarrative {
  id: string;
  set: 'es-constructed';
  constructed: true;
  language: 'es';
  register: string;
  sha256: string;
  text: string;
  spans: LabelSpan[];
}

/** Marked spans with their text, for the test that checks the JSON against the source. */
export interface MarkedNarrative extends ConstructedNarrative {
  marked: string[];
}

export const ABOUT =
  'Constructed Spanish narratives for redaction (issue 17 item 4; docs/redaction.md, "The Spanish constructed set"). ' +
  'Every narrative, name, address, phone number, e-mail address, date of birth and plate is invented for the purpose: ' +
  'none is a real complaint, and the text is stored here because it is not taken from any source. ' +
  'Written and hand-labelled by a labelling helper who did not write the redaction engine and did not read, run or ' +
  'look at the output of its code while writing and labelling. Offsets are UTF-16 code units into `text`, end exclusive, ' +
  'computed by scripts/build-es-labels.ts from the inline markup in test/fixtures/redaction-es-source.txt; sha256 is of `text`. ' +
  'Labels follow docs/redaction.md "Labelling rules" and "Matching rule" exactly; the Spanish cases those rules do not cover were decided thus: ' +
  '(1) Titles and forms of address are not part of a name span: oficial, agente, sargento, teniente, detective, comandante, investigador, ' +
  'señor/señora/señorita, Sr./Sra./Srta., don/doña, Lic., Dr., tío/tía, and the article before a nickname (el Güero: only Güero). ' +
  '(2) A name with particles is one span from the first given name to the last surname, particles included ' +
  '(María de los Ángeles Pérez y Gómez, Juan de la Cruz); two surnames are one span; a possessive phrase (la mamá de Kevin) labels only the name. ' +
  '(3) Nicknames that point at a person are names (Güero, Chuy, Flaca, la Chaparra: Chaparra), in any case; a nickname inside a full name ' +
  '(Héctor "el Chino" Valdez) is within that name\'s one span. Descriptions (el güero alto), generic ethnic slurs used as names (hola Pancho), ' +
  'forms of address (amigo, paisa), endearments (mi amor, mi cielo, mija) and interjections (¡Jesús!, Dios mío, Virgen Santísima) are not names. ' +
  '(4) Words that are names elsewhere are labelled only when they name a person: rosa/blanco the colours, paz, luz, dolores, esperanza, ' +
  'Cruz Roja, Mercedes the car, Virgen de Guadalupe, parishes, schools, parks and hospitals named after people (Benito Juárez, Stroger, ' +
  'Harrison Park, Rosa Parks, César Chávez), and streets named after people used as streets (Pulaski, Kedzie, Cermak) are not. ' +
  '(5) Addresses: a house number with its street, in either order and with the words that join them, is one span ' +
  '(el 2400 S. Pulaski: 2400 S. Pulaski; el 2815 de la Cermak: 2815 de la Cermak; calle Kedzie número 3100: calle Kedzie número 3100; ' +
  '3542 W. 26th St, apt 2: with the apartment, piso, depto or unidad when attached). A round hundred with a street is a house number, ' +
  'as 7700 South Wolcott is in the English rules; a block-level phrase is not labelled (la cuadra 3500 de la calle 26, el bloque 2400 de Pulaski, ' +
  'the 2400 block), nor an intersection (la 26 y Pulaski, Cermak y Damen), nor a street alone (la calle 18, la 26), nor a neighbourhood or town ' +
  '(Pilsen, La Villita, Little Village, Cicero), nor the city, state or ZIP. ' +
  '(6) Phones: seven digits or more in any grouping, with + country code and parentheses; a number spelled out in words is a phone too. ' +
  'Badge and star numbers (placa 12345, estrella 8821), beat and car numbers (la unidad 1023), RD, log, CB, case and A-numbers are not phones or plates. ' +
  '(7) Plates: the plate characters of a vehicle (placas CK 48213) without the state; placa meaning an officer badge is not a plate. ' +
  '(8) Dates of birth: a date stated as a date of birth (fecha de nacimiento, nací el, f. nac., DOB), the date only; ages and incident dates are not. ' +
  '(9) Shelter location: the name, address, street or intersection that locates a shelter where a shelter resident lives (el albergue ..., the shelter on ...), each a shelter_location span ' +
  'and not also a street_address; a police district station whose lobby people slept in is a public building the complaint needs and is not labelled, ' +
  'unless written with a house number, when it is a street_address as any facility address is. ' +
  '(10) Names inside e-mail addresses are within the email span only (one span, kind email); names inside web addresses are person_name spans.';

const HEADER = /^@@\s+(\S+)\s+(\S+)\s*$/;
const MARK = /\[\[([A-Z]+):([^\]]*)\]\]/g;

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Strips one narrative's markup; offsets are JavaScript string indices (UTF-16 code units). */
export function stripMarkup(markedText: string): {
  text: string;
  spans: LabelSpan[];
  marked: string[];
} {
  let text = '';
  let last = 0;
  const spans: LabelSpan[] = [];
  const marked: string[] = [];
  for (const match of markedText.matchAll(MARK)) {
    const [whole, tag, inner] = match as unknown as [string, string, string];
    const kind = (TAGS as Record<string, LabelKind | undefined>)[tag];
    if (!kind) {
      throw new Error(`unknown tag ${tag} in: ${whole}`);
    }
    if (inner.length === 0 || inner !== inner.trim()) {
      throw new Error(`empty or padded span: ${whole}`);
    }
    text += markedText.slice(last, match.index);
    spans.push({ start: text.length, end: text.length + inner.length, kind });
    marked.push(inner);
    text += inner;
    last = match.index + whole.length;
  }
  text += markedText.slice(last);
  if (text.includes('[[') || text.includes(']]')) {
    throw new Error(`unbalanced markup in: ${markedText.slice(0, 80)}`);
  }
  return { text, spans, marked };
}

export function parseSource(source: string): MarkedNarrative[] {
  const narratives: MarkedNarrative[] = [];
  let current: { id: string; register: string; lines: string[] } | undefined;
  const flush = (): void => {
    if (!current) {
      return;
    }
    const { text, spans, marked } = stripMarkup(current.lines.join('\n').trim());
    if (text.length === 0) {
      throw new Error(`${current.id} has no text`);
    }
    narratives.push({
      id: current.id,
      set: 'es-constructed',
      constructed: true,
      language: 'es',
      register: current.register,
      sha256: sha256(text),
      text,
      spans,
      marked,
    });
  };
  for (const line of source.split('\n')) {
    const header = HEADER.exec(line);
    if (header) {
      flush();
      current = { id: header[1]!, register: header[2]!, lines: [] };
    } else if (current) {
      current.lines.push(line);
    } else if (line.trim() !== '' && !line.startsWith('#')) {
      throw new Error(`text before the first narrative: ${line}`);
    }
  }
  flush();
  const ids = new Set(narratives.map((n) => n.id));
  if (ids.size !== narratives.length) {
    throw new Error('duplicate narrative id');
  }
  return narratives;
}

export function buildLabels(source: string): {
  about: string;
  narratives: ConstructedNarrative[];
} {
  return {
    about: ABOUT,
    narratives: parseSource(source).map(({ marked: _marked, ...narrative }) => narrative),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const labels = buildLabels(readFileSync(SOURCE_PATH, 'utf8'));
  writeFileSync(LABELS_PATH, JSON.stringify(labels, null, 2) + '\n');
  const counts: Record<string, number> = {};
  for (const n of labels.narratives) {
    for (const s of n.spans) {
      counts[s.kind] = (counts[s.kind] ?? 0) + 1;
    }
  }
  console.log(`${labels.narratives.length} narratives`, counts);
}
