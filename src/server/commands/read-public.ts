import type { z } from 'zod';
import type { PublicCaseListQuery, PublicCaseOut } from '../../shared/schemas/public.ts';
import type { Queryable } from '../db/client.ts';
import { localDate } from '../../shared/dates.ts';
import {
  narrativeSource,
  narrativeVersion,
  type NarrativeReviewMark,
} from '../domain/narrative-review.ts';
import type { JurisdictionProfile } from '../domain/profiles/profile.ts';
import {
  publishNarrative,
  type KnownIdentities,
  type PublishedNarrative,
} from '../redaction/publish.ts';
import {
  narrativeWithholding,
  publicVisibility,
  type NarrativeWithheldReason,
} from '../domain/publication.ts';
import { nameLexiconOf, recordedFullName, type NameLexicon } from '../redaction/names.ts';
import { presentPublicCase, presentPublicListItem } from '../presenters/public/case.presenter.ts';
import {
  findPublicCase,
  listPublicCases,
  redactionHints,
  rosterNames,
} from '../repositories/portal-cases.repository.ts';
import { casePublishedStatements } from '../repositories/statements.repository.ts';
import { narrativePublication } from '../repositories/narrative-review.repository.ts';
import type { FieldCipher } from '../security/encryption.ts';
import { NotFoundError } from '../errors.ts';
import { decryptIdentity } from '../security/party-identity.ts';

/** What the public reads need: no actor, no session. */
export interface PublicReadDeps {
  db: Queryable;
  jurisdiction: string;
  timeZone: string;
  now: () => Date;
  cipher: FieldCipher;
  /** The jurisdiction's profile: its word lists and legal bases for redaction, and its choice for
   * unreviewed imported narratives. */
  profile: JurisdictionProfile;
}

/**
 * The portal list (PRODUCT.md §5 GET /api/public/v1/cases). Counting the whole history for
 * `total` costs more than the page itself, so totals per filter are kept for `ttlMs` (the same
 * refresh as the statistics; 0 counts every time).
 */
export function createPortalList(ttlMs: number): {
  /** Forgets every kept total (what is public changed). */
  clear(): void;
  list(
    deps: PublicReadDeps,
    q: PublicCaseListQuery,
  ): Promise<{
    items: Array<ReturnType<typeof presentPublicListItem>>;
    total: number;
    page: number;
    pageSize: number;
  }>;
} {
  const totals = new Map<string, { total: number; at: number }>();
  return {
    clear: () => totals.clear(),
    async list(deps, q) {
      const key = JSON.stringify([q.logNumber, q.year, q.category, q.status]);
      const now = deps.now().getTime();
      const known = totals.get(key);
      const fresh = ttlMs > 0 && known !== undefined && now - known.at < ttlMs;
      const { rows, total } = await listPublicCases(deps.db, deps.jurisdiction, {
        ...q,
        timeZone: deps.timeZone,
        oversightAgency: deps.profile.agencyRoles.oversight,
        ...(fresh ? { knownTotal: known.total } : {}),
      });
      if (ttlMs > 0 && !fresh) {
        if (totals.size > 5000) {
          totals.clear();
        }
        totals.set(key, { total, at: now });
      }
      return {
        items: rows.map((r) => presentPublicListItem(r, deps.timeZone, deps.profile.agencyRoles)),
        total,
        page: q.page,
        pageSize: q.pageSize,
      };
    },
  };
}

/** The roster's names and star numbers as the redaction's lexicon (docs/redaction.md rules 24, 30). */
export type RosterLexicon = (deps: RosterDeps) => Promise<NameLexicon>;
type RosterDeps = Pick<PublicReadDeps, 'db' | 'jurisdiction' | 'now'>;

/**
 * The roster lexicon, read at most once per `ttlMs` (0: every time): the roster changes with an
 * import or a new member, not per page, and reading its names takes about a third of a second
 * on the full history. Once read, an expired lexicon keeps serving while the next one is read,
 * so no page waits for the refresh; a failed read is not kept.
 */
export function createRosterLexicon(ttlMs: number): RosterLexicon & {
  /** Forgets the lexicon: the next page waits for the roster as it is now (a name just added). */
  forget(): void;
} {
  let current: { at: number; jurisdiction: string; lexicon: NameLexicon } | undefined;
  let pending: Promise<NameLexicon> | undefined;
  // a read begun before the roster changed is answered but not kept
  let generation = 0;
  const read = (deps: RosterDeps): Promise<NameLexicon> => {
    const started = generation;
    const job = (pending ??= readRosterLexicon(deps.db, deps.jurisdiction)
      .then((lexicon) => {
        if (started === generation) {
          current = { at: deps.now().getTime(), jurisdiction: deps.jurisdiction, lexicon };
        }
        return lexicon;
      })
      .finally(() => {
        if (pending === job) {
          pending = undefined;
        }
      }));
    return job;
  };
  const lexicon = async (deps: RosterDeps): Promise<NameLexicon> => {
    if (ttlMs <= 0 || current === undefined || current.jurisdiction !== deps.jurisdiction) {
      return read(deps);
    }
    if (deps.now().getTime() - current.at >= ttlMs) {
      // refresh behind the page; a failure leaves the old lexicon to be refreshed next time
      read(deps).catch(() => undefined);
    }
    return current.lexicon;
  };
  return Object.assign(lexicon, {
    forget: () => {
      generation++;
      current = undefined;
      pending = undefined;
    },
  });
}

/** The roster's names and star numbers as a lexicon, read now. */
export async function readRosterLexicon(db: Queryable, jurisdiction: string): Promise<NameLexicon> {
  const rows = await rosterNames(db, jurisdiction);
  return nameLexiconOf(
    rows.map((r) => ({ firstName: r.first_name, lastName: r.last_name, star: r.star })),
  );
}

/**
 * One case page: visibility decides the fields; a concluded COPA case's narrative is published
 * only from the text a person approved for its current version, or for unreviewed imported
 * history, machine-redacted and marked so when the profile says so (narrativeSource()); else it
 * is withheld with a reason code.
 */
export async function readPortalCase(
  deps: PublicReadDeps,
  logNumber: string,
  roster: RosterLexicon,
): Promise<z.input<typeof PublicCaseOut>> {
  const row = await findPublicCase(deps.db, deps.jurisdiction, logNumber);
  if (!row) {
    throw new NotFoundError(`Case ${logNumber}`, 'case_not_found');
  }
  const visibility = publicVisibility(
    {
      leadAgency: row.lead_agency,
      agencies: row.agencies.map((a) => a.agency),
      restricted: row.restricted,
    },
    deps.profile.agencyRoles,
  );
  let withheld: NarrativeWithheldReason | null = narrativeWithholding(
    visibility,
    row.status,
    row.narrative,
  );
  let narrative: PublishedNarrative | null = null;
  let review: NarrativeReviewMark | null = null;
  if (withheld === null) {
    const publication = await narrativePublication(
      deps.db,
      row.id,
      narrativeVersion(row.narrative),
    );
    const source = narrativeSource({
      imported: publication.imported,
      approved: publication.approved !== null,
      importedNarratives: deps.profile.importedNarratives,
    });
    if (source === 'approved') {
      narrative = publication.approved;
      review = 'office_reviewed';
    } else if (source === 'machine') {
      narrative = publishNarrative(row.narrative, {
        ...(await knownIdentities(deps, row.id)),
        nameLexicon: await roster(deps),
        jurisdiction: deps.profile.redaction,
      });
      review = narrative && 'machine_redacted';
      if (narrative === null) {
        withheld = 'identity_check_failed';
      }
    } else {
      withheld = 'not_reviewed';
    }
  }
  const statements = await casePublishedStatements(deps.db, row.id);
  return presentPublicCase(row, {
    agencies: deps.profile.agencyRoles,
    agencyNames: deps.profile.agencies,
    dutyStatusDisclosure: deps.profile.dutyStatusDisclosure,
    timeZone: deps.timeZone,
    today: localDate(deps.now(), deps.timeZone),
    statements,
    narrative,
    narrativeReview: review,
    narrativeWithheld: withheld,
  });
}

/**
 * The identities a case holds, decrypted in memory only to remove them from the narrative; they
 * are never returned, logged or kept. Not an identity *read* in the sense of ADR 0006 (no person
 * sees them), so no audit row; the redacted text is what leaves the server.
 */
export async function knownIdentities(
  deps: Pick<PublicReadDeps, 'db' | 'cipher'>,
  caseId: string,
): Promise<KnownIdentities> {
  const hints = await redactionHints(deps.db, caseId);
  const known: KnownIdentities = {
    names: [],
    otherValues: [],
    shelterLocations: [],
    recordNames: hints.record_names
      .map((n) => recordedFullName(n.first_name, n.last_name))
      .filter((n): n is string => n !== null),
  };
  let shelterResident = false;
  for (const p of hints.parties) {
    if (p.vulnerabilities.includes('shelter_resident')) {
      shelterResident = true;
    }
    if (!p.identity_enc) {
      continue;
    }
    const identity = decryptIdentity(deps.cipher, p);
    for (const [field, value] of Object.entries(identity)) {
      if (field === 'name') {
        known.names.push(value);
      } else if (field === 'organization') {
        known.names.push(value);
        known.otherValues.push(value);
      } else {
        known.otherValues.push(value);
      }
    }
  }
  if (shelterResident) {
    known.shelterLocations.push(
      ...[hints.facility_name, hints.facility_address].filter((v): v is string => !!v),
    );
  }
  return known;
}
