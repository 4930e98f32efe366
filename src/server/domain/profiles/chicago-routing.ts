import type { Category, NotificationType } from '../../../shared/enums.ts';
import { isLieutenantOrAbove, type RoutingDecision, type RoutingInput } from '../routing.ts';
import type { JurisdictionProfile, LocalizedText } from './profile.ts';

/*
 * The Chicago routing rules (MCC §2-78-120; PRODUCT.md §4): the profile's `routing`. They are
 * code, not a table, because the ordinance's clauses turn on facts beyond the categories (an
 * injury, custody, the Chief Administrator's discretion, a joint determination, a rank).
 */

/** Stable codes of the routing rules. */
export const ROUTING_RULES = [
  'copa_officer_involved_death',
  'copa_firearm_discharge',
  'copa_taser_serious_injury',
  'copa_other_weapon_discretion',
  'copa_death_or_injury_in_custody',
  'copa_serious_injury_police_action',
  'copa_sexual_misconduct',
  'copa_domestic_violence',
  'copa_excessive_force',
  'copa_coercion',
  'copa_verbal_abuse',
  'copa_bias',
  'copa_improper_search_seizure',
  'copa_denial_of_counsel',
  'bia_joint_determination',
  'bia_firearm_no_person_at_risk',
  'bia_taser_no_serious_injury',
  'bia_other_weapon_no_discretion',
  'bia_custody_no_serious_injury',
  'bia_residual',
] as const;
export type ChicagoRoutingRule = (typeof ROUTING_RULES)[number];

/** MCC §2-78-120(a): COPA receives and registers every complaint, whoever investigates. */
export const INTAKE_CLAUSE = 'MCC 2-78-120(a)';
/** Source of the rule that BIA headquarters keeps cases against lieutenants and above. */
export const RANK_RETENTION_SOURCE = 'CPD General Order G08-01';

const CLAUSE = {
  b: 'MCC 2-78-120(b)',
  b5: 'MCC 2-78-120(b-5)',
  c: 'MCC 2-78-120(c)',
  d: 'MCC 2-78-120(d)',
  e: 'MCC 2-78-120(e)',
  f: 'MCC 2-78-120(f)',
} as const;

/** One reason COPA has the case. `rank` orders them: lower is stronger. */
interface CopaBasis {
  rule: ChicagoRoutingRule;
  clause: string;
  rank: number;
  /** Why, as the end of a sentence: "…because <why>". */
  why: LocalizedText;
}

/** A COPA clause whose trigger was close but not met; explains a BIA decision. */
interface NearMiss {
  rule: ChicagoRoutingRule;
  why: LocalizedText;
}

/*
 * Precedence when several clauses apply (lower number wins; deterministic, independent of the
 * order categories were entered):
 *   1 (e) officer-involved death — a death triggers the strictest regime (50 ILCS 727/1-5);
 *   2 (c) weapon discharges — the clause that names the instrument is more specific than (d),
 *         so a taser that caused serious injury is cited as (c)(ii), not (d);
 *   3 (d) death or serious bodily injury in custody or from police action;
 *   4 (b-5) sexual misconduct — before (b) because it carries its own transfer procedure;
 *   5 (b) domestic violence, excessive force, coercion, verbal abuse (incl. bias), in that order;
 *   6 (f) improper search or seizure, then denial of counsel.
 * Incident clauses (c)–(e) come before allegation clauses (b)–(f) because they apply "including
 * those [incidents] in which no allegation of misconduct is made" and cannot be transferred.
 */
const ALLEGATION_BASES: ReadonlyArray<{
  category: Category;
  rule: ChicagoRoutingRule;
  clause: string;
  rank: number;
}> = [
  { category: 'sexual_misconduct', rule: 'copa_sexual_misconduct', clause: CLAUSE.b5, rank: 40 },
  { category: 'domestic_violence', rule: 'copa_domestic_violence', clause: CLAUSE.b, rank: 50 },
  { category: 'excessive_force', rule: 'copa_excessive_force', clause: CLAUSE.b, rank: 51 },
  { category: 'coercion', rule: 'copa_coercion', clause: CLAUSE.b, rank: 52 },
  { category: 'verbal_abuse', rule: 'copa_verbal_abuse', clause: CLAUSE.b, rank: 53 },
  // Verbal abuse "incl. bias" (PRODUCT.md §4): bias-based conduct is routed with (b).
  { category: 'bias', rule: 'copa_bias', clause: CLAUSE.b, rank: 54 },
  {
    category: 'improper_search_seizure',
    rule: 'copa_improper_search_seizure',
    clause: CLAUSE.f,
    rank: 60,
  },
  { category: 'denial_of_counsel', rule: 'copa_denial_of_counsel', clause: CLAUSE.f, rank: 61 },
];

const FIREARM_NOTIFICATIONS: ReadonlySet<NotificationType> = new Set([
  'firearm_discharge_injury',
  'firearm_discharge_at_person_no_injury',
  'firearm_discharge_unintentional_or_animal',
]);
const OTHER_WEAPON_NOTIFICATIONS: ReadonlySet<NotificationType> = new Set([
  'oc_discharge',
  'chemical_smoke_distraction_device',
]);

function label(profile: JurisdictionProfile, category: Category): LocalizedText {
  return profile.categories[category]?.label ?? { en: category, es: category };
}

function collectBases(
  input: RoutingInput,
  profile: JurisdictionProfile,
): { bases: CopaBasis[]; nearMisses: NearMiss[]; sexualMisconductMoved: boolean } {
  const categories = new Set(input.categories);
  const nt = input.notificationType;
  const bases: CopaBasis[] = [];
  const nearMisses: NearMiss[] = [];
  const ntLabel = nt ? profile.notificationTypes[nt]?.label : undefined;

  // (e) officer-involved death as defined in 50 ILCS 727/1-5, which includes deaths in motor
  // vehicle incidents during an apprehension: the fatal-crash notification lands here.
  if (categories.has('officer_involved_death') || nt === 'fatal_motor_vehicle_incident') {
    const what = ntLabel && nt === 'fatal_motor_vehicle_incident' ? ntLabel : undefined;
    bases.push({
      rule: 'copa_officer_involved_death',
      clause: CLAUSE.e,
      rank: 10,
      why: {
        en: `it concerns an officer-involved death${what ? ` (${what.en.toLowerCase()})` : ''}, which COPA investigates under ${CLAUSE.e} (as defined in 50 ILCS 727/1-5)`,
        es: `se trata de una muerte relacionada con la actuación policial${what ? ` (${what.es.toLowerCase()})` : ''}, que COPA investiga según el ${CLAUSE.e} (definida en 50 ILCS 727/1-5)`,
      },
    });
  }

  // (c)(i) a firearm discharged "in a manner that potentially could strike another individual".
  // Discharges at a person always qualify. For unintentional and animal discharges we route to
  // COPA unless intake explicitly records that no person could have been struck: whether a
  // person was at risk is a finding of the investigation, and COPA can refer the case if not.
  const firearm =
    categories.has('firearm_discharge') || (nt ? FIREARM_NOTIFICATIONS.has(nt) : false);
  if (firearm) {
    const atPerson =
      nt === 'firearm_discharge_injury' || nt === 'firearm_discharge_at_person_no_injury';
    if (atPerson || input.couldStrikePerson !== false) {
      bases.push({
        rule: 'copa_firearm_discharge',
        clause: CLAUSE.c,
        rank: 20,
        why: {
          en: `a member discharged a firearm in a manner that could potentially strike a person, which COPA investigates under ${CLAUSE.c}(i) even when no misconduct is alleged`,
          es: `un miembro disparó un arma de fuego de manera que podía alcanzar a una persona, lo que COPA investiga según el ${CLAUSE.c}(i) aunque no se denuncie ninguna falta`,
        },
      });
    } else {
      nearMisses.push({
        rule: 'bia_firearm_no_person_at_risk',
        why: {
          en: `the firearm discharge could not have struck a person; ${CLAUSE.c}(i) gives COPA only discharges that could potentially strike someone`,
          es: `el disparo no podía alcanzar a ninguna persona; ${CLAUSE.c}(i) asigna a COPA solo los disparos que podían alcanzar a alguien`,
        },
      });
    }
  }

  // (c)(ii) a stun gun or taser discharged "in a manner that results in death or serious bodily
  // injury"; other taser discharges stay with the Department.
  if (categories.has('taser_discharge') || nt === 'taser_discharge') {
    if (input.seriousInjuryOrDeath === true) {
      bases.push({
        rule: 'copa_taser_serious_injury',
        clause: CLAUSE.c,
        rank: 21,
        why: {
          en: `a Taser discharge resulted in death or serious bodily injury, which COPA investigates under ${CLAUSE.c}(ii)`,
          es: `un disparo de Taser causó la muerte o lesiones corporales graves, lo que COPA investiga según el ${CLAUSE.c}(ii)`,
        },
      });
    } else {
      nearMisses.push({
        rule: 'bia_taser_no_serious_injury',
        why: {
          en: `no death or serious bodily injury is recorded for the Taser discharge; ${CLAUSE.c}(ii) gives COPA only Taser discharges with that result`,
          es: `no consta muerte ni lesión corporal grave por el disparo de Taser; ${CLAUSE.c}(ii) asigna a COPA solo los disparos de Taser con ese resultado`,
        },
      });
    }
  }

  // (c)(iii) other weapons (OC spray, chemical, smoke or distraction devices, equipment used as a
  // weapon) only "in the Chief Administrator's discretion": the recorded choice decides.
  const otherWeapon =
    categories.has('oc_discharge') || (nt ? OTHER_WEAPON_NOTIFICATIONS.has(nt) : false);
  if (input.chiefAdministratorDiscretion === true) {
    bases.push({
      rule: 'copa_other_weapon_discretion',
      clause: CLAUSE.c,
      rank: 22,
      why: {
        en: `the Chief Administrator used the discretion ${CLAUSE.c}(iii) gives COPA over other weapons discharges and equipment used as a weapon`,
        es: `el Administrador en Jefe ejerció la facultad discrecional que ${CLAUSE.c}(iii) otorga a COPA sobre el uso de otras armas y de equipo como arma`,
      },
    });
  } else if (otherWeapon) {
    nearMisses.push({
      rule: 'bia_other_weapon_no_discretion',
      why: {
        en: `COPA takes OC spray and other chemical or distraction devices only at the Chief Administrator's discretion under ${CLAUSE.c}(iii), and no such decision is recorded`,
        es: `COPA asume los casos de gas pimienta y otros dispositivos químicos o de distracción solo por decisión discrecional del Administrador en Jefe según el ${CLAUSE.c}(iii), y no consta tal decisión`,
      },
    });
  }

  // (d) a person "dies or sustains a serious bodily injury while detained or in Police Department
  // custody, or as a result of police actions". The custody category and the death-in-custody
  // notification imply it, unless intake explicitly records no serious injury (e.g. a suicide
  // attempt without injury).
  const custodyCase =
    categories.has('death_or_injury_in_custody') ||
    (nt === 'death_in_custody' && input.seriousInjuryOrDeath !== false);
  if (custodyCase || (input.seriousInjuryOrDeath === true && input.inCustody === true)) {
    bases.push({
      rule: 'copa_death_or_injury_in_custody',
      clause: CLAUSE.d,
      rank: 30,
      why: {
        en: `a person died or was seriously injured while detained or in police custody, which COPA investigates under ${CLAUSE.d}`,
        es: `una persona murió o sufrió lesiones graves mientras estaba detenida o bajo custodia policial, lo que COPA investiga según el ${CLAUSE.d}`,
      },
    });
  } else if (input.seriousInjuryOrDeath === true) {
    bases.push({
      rule: 'copa_serious_injury_police_action',
      clause: CLAUSE.d,
      rank: 31,
      why: {
        en: `a person died or was seriously injured as a result of police action, which COPA investigates under ${CLAUSE.d}`,
        es: `una persona murió o sufrió lesiones graves como resultado de una actuación policial, lo que COPA investiga según el ${CLAUSE.d}`,
      },
    });
  } else if (nt === 'death_in_custody') {
    nearMisses.push({
      rule: 'bia_custody_no_serious_injury',
      why: {
        en: `the custody incident caused no death or serious bodily injury; ${CLAUSE.d} gives COPA only deaths and serious injuries`,
        es: `el incidente bajo custodia no causó muerte ni lesión corporal grave; ${CLAUSE.d} asigna a COPA solo las muertes y lesiones graves`,
      },
    });
  }

  // (b), (b-5), (f): allegation clauses.
  let sexualMisconductMoved = false;
  for (const entry of ALLEGATION_BASES) {
    if (!categories.has(entry.category)) {
      continue;
    }
    // (b-5): a recorded joint determination lets BIA investigate sexual misconduct.
    if (entry.category === 'sexual_misconduct' && input.jointDetermination) {
      sexualMisconductMoved = true;
      continue;
    }
    const l = label(profile, entry.category);
    bases.push({
      rule: entry.rule,
      clause: entry.clause,
      rank: entry.rank,
      why: {
        en: `it alleges ${l.en.toLowerCase()}, which COPA investigates under ${entry.clause}`,
        es: `denuncia ${l.es.toLowerCase()}, que COPA investiga según el ${entry.clause}`,
      },
    });
  }

  bases.sort((a, b) => a.rank - b.rank);
  return { bases, nearMisses, sexualMisconductMoved };
}

function uniqueClauses(bases: CopaBasis[]): string[] {
  return [...new Set(bases.map((b) => b.clause))];
}

/**
 * Decides which agency investigates a case and cites the clause that decided it
 * (MCC §2-78-120; PRODUCT.md §4). COPA registers every complaint under (a); COPA keeps the
 * cases (b)–(f) give it; everything else goes to BIA. When several clauses apply, the strongest
 * wins by a fixed precedence: (e), (c), (d), (b-5), (b), (f).
 *
 * @throws RangeError when a joint determination is passed without a reason.
 */
export function chicagoRouting(input: RoutingInput, profile: JurisdictionProfile): RoutingDecision {
  const joint = input.jointDetermination;
  if (joint && joint.reason.trim() === '') {
    // MCC §2-78-120(b-5): the determination is a recorded, reasoned decision; without a reason
    // it cannot move a case.
    throw new RangeError('A joint COPA-BIA determination must record its reason');
  }
  const { bases, nearMisses, sexualMisconductMoved } = collectBases(input, profile);
  const intakeEn = `COPA registers every complaint and notification first (${INTAKE_CLAUSE}).`;
  const intakeEs = `COPA registra primero todas las quejas y notificaciones (${INTAKE_CLAUSE}).`;

  const strongest = bases[0];
  if (strongest) {
    const clauses = uniqueClauses(bases);
    const others = clauses.filter((c) => c !== strongest.clause);
    let en = `COPA investigates this case because ${strongest.why.en}.`;
    let es = `COPA investiga este caso porque ${strongest.why.es}.`;
    if (others.length > 0) {
      en += ` It also falls under ${others.join(', ')}, but ${strongest.clause} takes precedence.`;
      es += ` También le son aplicables ${others.join(', ')}, pero prevalece el ${strongest.clause}.`;
    }
    if (sexualMisconductMoved) {
      en += ` A joint COPA-BIA determination under ${CLAUSE.b5} was recorded, but it cannot move the case while another COPA clause applies.`;
      es += ` Consta una determinación conjunta de COPA y BIA según el ${CLAUSE.b5}, pero no puede trasladar el caso mientras se aplique otra cláusula de COPA.`;
    }
    return {
      agency: 'COPA',
      clause: strongest.clause,
      explanation: `${en} ${intakeEn}`,
      explanationEs: `${es} ${intakeEs}`,
      rule: strongest.rule,
      oversightClauses: clauses,
    };
  }

  let decision: RoutingDecision;
  if (sexualMisconductMoved && joint) {
    const l = label(profile, 'sexual_misconduct');
    decision = {
      agency: 'BIA',
      clause: CLAUSE.b5,
      explanation: `BIA investigates this case. A ${l.en.toLowerCase()} case is COPA's under ${CLAUSE.b5}, but a joint COPA-BIA determination recorded on ${joint.recordedAt} moved it to BIA. Reason recorded: "${joint.reason.trim()}". ${intakeEn}`,
      explanationEs: `BIA investiga este caso. Los casos de ${l.es.toLowerCase()} corresponden a COPA según el ${CLAUSE.b5}, pero una determinación conjunta de COPA y BIA registrada el ${joint.recordedAt} trasladó este caso a BIA. Motivo registrado: «${joint.reason.trim()}». ${intakeEs}`,
      rule: 'bia_joint_determination',
      jointDetermination: joint,
      oversightClauses: [],
    };
  } else {
    const miss = nearMisses[0];
    const en = miss
      ? `BIA investigates this case because ${miss.why.en}. No other COPA clause of MCC 2-78-120(b)-(f) applies.`
      : 'BIA investigates this case because none of the allegations or incident types that MCC 2-78-120(b)-(f) reserve to COPA is present.';
    const es = miss
      ? `BIA investiga este caso porque ${miss.why.es}. No se aplica ninguna otra cláusula de COPA del MCC 2-78-120(b)-(f).`
      : 'BIA investiga este caso porque no concurre ninguna de las denuncias ni de los tipos de incidente que el MCC 2-78-120(b)-(f) reserva a COPA.';
    decision = {
      agency: 'BIA',
      clause: INTAKE_CLAUSE,
      explanation: `${en} COPA registered it under ${INTAKE_CLAUSE} and refers it to BIA.`,
      explanationEs: `${es} COPA la registró según el ${INTAKE_CLAUSE} y la remite a BIA.`,
      rule: miss ? miss.rule : 'bia_residual',
      oversightClauses: [],
    };
  }

  // CPD G08-01: BIA retains investigations of lieutenants and above at headquarters; they are
  // never sent down to a unit (district) sergeant, who would be investigating a superior.
  const ranks = input.accusedRanks ?? [];
  const senior = ranks.find((r) => isLieutenantOrAbove(r, profile));
  if (senior !== undefined) {
    decision.keptByRank = true;
    decision.explanation += ` An accused member is a ${senior.trim()} (lieutenant or above), so BIA keeps the investigation at headquarters instead of assigning it to a unit sergeant (${RANK_RETENTION_SOURCE}: BIA retains lieutenant and above).`;
    decision.explanationEs += ` Un miembro acusado tiene el rango de ${senior.trim()} (teniente o superior), por lo que BIA conserva la investigación en su sede en lugar de asignarla a un sargento de la unidad (${RANK_RETENTION_SOURCE}: BIA conserva los casos de tenientes y rangos superiores).`;
  }
  return decision;
}
