import { describe, expect, it } from 'vitest';
import { DEADLINE_BASIS_CODES, DeadlineKind, type DeadlineBasisCode } from '../../shared/enums.ts';
import {
  computeCaseDeadlines,
  extendDeadline,
  materialRequestDeadline,
  reportDeadlines,
  reopeningDeadlines,
  sixMonthNotice,
  superintendentResponseDeadline,
  type Deadline,
  type DeadlineAnchorKind,
} from './clocks.ts';
import { deadlineBasis } from './deadline-basis.ts';
import { DISCIPLINE_WITHHELD_BASIS, NARRATIVE_WITHHELD_BASIS } from './publication.ts';
import { PUBLISHED_REDACTION_BASIS } from '../redaction/publish.ts';
import { CHICAGO_REDACTION } from './profiles/chicago-redaction.ts';
import { REDACTION_KINDS } from '../redaction/engine.ts';
import { chicagoProfile } from './profiles/chicago.ts';
import type { LocalizedText } from './profiles/profile.ts';

/*
 * PRODUCT.md §6: English and Spanish for everything a complainant or the public sees (issue 15
 * defect 8). Every basis the server can emit (deadlines, redactions, withheld discipline,
 * withheld narratives) exists in both languages and cites public law only, never one of the
 * project's own documents.
 */

/** A citation of the project's own documents, which mean nothing to the public. */
const INTERNAL = /docs\/|\.md\b|\bADR\b|PRODUCT|STYLE|issue \d/i;
/** English words that give away an untranslated Spanish text. */
const ENGLISH = /\b(the|within|of|and|from|due|days?|receipt|notice|report)\b/i;

function expectBilingual(text: LocalizedText, label: string, clause?: string): void {
  expect(text.en.trim().length, label).toBeGreaterThan(10);
  expect(text.es.trim().length, label).toBeGreaterThan(10);
  expect(text.es, label).not.toBe(text.en);
  expect(text.en, label).not.toMatch(INTERNAL);
  expect(text.es, label).not.toMatch(INTERNAL);
  // a clause is a legal name (e.g. "City of Chicago Video Release Policy"): the rest is Spanish
  const spanish = clause ? text.es.split(clause).join('') : text.es;
  expect(spanish, label).not.toMatch(ENGLISH);
}

const ANCHOR_KINDS: DeadlineAnchorKind[] = [
  'received',
  'incident',
  'investigation_started',
  'recommendation',
  'request',
  'calendar',
];

describe('deadline bases', () => {
  it('every kind, anchor, repetition and extension has an English and a Spanish basis', () => {
    const reached = new Set<DeadlineBasisCode>();
    for (const kind of Object.values(DeadlineKind)) {
      const clause = chicagoProfile.clockSources[kind].clause;
      expect(clause).not.toMatch(INTERNAL);
      for (const anchorKind of ANCHOR_KINDS) {
        for (const sequence of [1, 2, 3]) {
          for (const extensionRequested of [false, true]) {
            for (const extensions of [
              [],
              [{ byDays: 1, unit: 'business' as const, dueDate: '2024-03-04' }],
              [
                { byDays: 10, unit: 'calendar' as const, dueDate: '2024-03-14' },
                { byDays: 2, unit: 'calendar' as const, dueDate: '2024-03-16' },
              ],
            ]) {
              const basis = deadlineBasis(
                {
                  kind,
                  anchor: { kind: anchorKind, date: '2024-02-29' },
                  sequence,
                  clause,
                  extensions,
                  extensionRequested,
                },
                chicagoProfile,
              );
              const label = `${kind} ${anchorKind} #${sequence} ${extensions.length} ext`;
              expect(DEADLINE_BASIS_CODES, label).toContain(basis.code);
              reached.add(basis.code);
              expectBilingual(basis, label, clause);
              expect(basis.en, label).toContain(`(${clause})`);
              expect(basis.es, label).toContain(`(${clause})`);
              for (const e of extensions) {
                expect(basis.en, label).toContain(e.dueDate);
                expect(basis.es, label).toContain(e.dueDate);
              }
            }
          }
        }
      }
    }
    expect([...reached].sort()).toEqual([...DEADLINE_BASIS_CODES].sort());
  });

  it('the clocks carry the same texts a stored row gives back from its codes', () => {
    const profile = chicagoProfile;
    const received = new Date('2023-06-16T01:00:00Z');
    const all: Deadline[] = [
      ...computeCaseDeadlines(
        {
          receivedAt: received,
          caseType: 'complaint',
          categories: ['firearm_discharge'],
          incidentAt: new Date('2023-06-10T12:00:00Z'),
        },
        profile,
      ),
      ...computeCaseDeadlines(
        { receivedAt: received, caseType: 'complaint', categories: ['taser_discharge'] },
        profile,
      ),
      ...[1, 2, 3].map((n) =>
        sixMonthNotice({ kind: 'investigation_started', date: '2023-06-15' }, n, profile),
      ),
      ...reopeningDeadlines(new Date('2024-02-01T18:00:00Z'), 'COPA', profile),
      // the second notice of a run that a reopening started, the case's fifth
      sixMonthNotice({ kind: 'reopened', date: '2024-02-01' }, 2, profile, 5),
      superintendentResponseDeadline(received, false, profile),
      superintendentResponseDeadline(received, true, profile),
      materialRequestDeadline(received, profile),
      ...reportDeadlines(2024, profile),
    ];
    all.push(
      extendDeadline(extendDeadline(all[0]!, 5, 'business', profile), 3, 'calendar', profile),
    );
    for (const d of all) {
      const fromCodes = deadlineBasis(
        {
          kind: d.kind,
          anchor: d.anchor,
          sequence: d.sequence ?? 1,
          ...(d.position !== undefined ? { position: d.position } : {}),
          clause: d.clause,
          extensions: (d.extensions ?? []).map((e) => ({
            byDays: e.byDays,
            unit: e.unit,
            dueDate: e.newDueDate,
          })),
          extensionRequested: d.basisCode === 'superintendent_response_extended',
        },
        profile,
      );
      expect({ code: d.basisCode, en: d.basis, es: d.basisEs }).toEqual(fromCodes);
    }
  });
});

describe('redaction bases', () => {
  it('every kind the engine and the portal emit has both languages and cites Illinois law', () => {
    for (const kind of REDACTION_KINDS) {
      expect(PUBLISHED_REDACTION_BASIS[kind]).toEqual(CHICAGO_REDACTION.basis[kind]);
    }
    for (const [kind, basis] of Object.entries(PUBLISHED_REDACTION_BASIS)) {
      expectBilingual(basis, kind);
      expect(basis.en, kind).toMatch(/5 ILCS 140\/7\(1\)\([b-d]\)/);
      expect(basis.es, kind).toMatch(/5 ILCS 140\/7\(1\)\([b-d]\)/);
    }
    expect(Object.keys(PUBLISHED_REDACTION_BASIS).sort()).toEqual(
      [...REDACTION_KINDS, 'known_identity'].sort(),
    );
  });
});

describe('withholding bases', () => {
  it('withheld discipline cites the Personnel Record Review Act in both languages', () => {
    expectBilingual(DISCIPLINE_WITHHELD_BASIS, 'discipline');
    expect(DISCIPLINE_WITHHELD_BASIS.en).toContain('820 ILCS 40/8');
    expect(DISCIPLINE_WITHHELD_BASIS.es).toContain('820 ILCS 40/8');
  });

  it('every reason a narrative is withheld has both languages', () => {
    expect(Object.keys(NARRATIVE_WITHHELD_BASIS).sort()).toEqual(
      [
        'identity_check_failed',
        'no_narrative',
        'not_public',
        'open_investigation',
        'not_reviewed',
      ].sort(),
    );
    for (const [code, basis] of Object.entries(NARRATIVE_WITHHELD_BASIS)) {
      expectBilingual(basis, code);
    }
  });
});
