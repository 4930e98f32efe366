import { fireEvent, waitFor } from '@testing-library/react';
import type { ComponentType } from 'react';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import type { z } from 'zod';
import type { FieldError } from '../../../api/client.ts';
import { CaseOut, type CaseAbility } from '../../../../shared/schemas/cases.ts';
import type { Problem } from '../../../../shared/schemas/common.ts';
import type { Case } from '../../../api/client.ts';
import { en } from '../../../i18n/en.ts';
import { es } from '../../../i18n/es.ts';
import type { Lang } from '../../../i18n/i18n.tsx';
import { renderIn } from '../../../test/render.tsx';
import { caseCtx, type CaseCtx } from './section.tsx';

/*
 * What the case page's section tests share: one case fixture checked by the shared schema the
 * server answers with, rendering a section as the page does, and a stubbed browser `fetch` (the
 * global one in happy-dom, not our server) that answers a call with a problem+json body.
 */

/** The fixture's investigating agencies: codes of no real jurisdiction (the web holds none). */
export const LEAD = 'OVS';
export const OTHER = 'IAD';

/** A stable UUID for fixture rows. */
export const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const AT = '2026-03-02T15:30:00.000Z';
const member = {
  id: uuid(20),
  star: '12345',
  firstName: 'Dana',
  lastName: 'Reyes',
  rank: 'Police Officer',
};

/** The base case: a complaint in investigation with one of each row a section lists. */
const BASE: z.input<typeof CaseOut> = {
  logNumber: '2026-0000123',
  view: 'full',
  caseType: 'complaint',
  notificationType: null,
  channel: 'online',
  receivedAt: AT,
  status: 'investigation',
  statusChangedAt: AT,
  closedOn: null,
  categories: ['excessive_force'],
  restricted: false,
  leadAgency: LEAD,
  investigatingAgencies: [LEAD, OTHER],
  routing: {
    agency: LEAD,
    clause: 'MCC 2-78-120(b)',
    rule: 'excessive_force',
    explanation: 'Excessive force is investigated by the oversight agency.',
    explanationEs: 'La fuerza excesiva la investiga la agencia de supervisión.',
    decidedAt: AT,
  },
  routingHistory: [],
  routingReview: null,
  incident: { occurredAt: AT, address: '100 W Randolph St', beat: '0111', district: '001' },
  facility: null,
  narrative: 'The officer pushed me to the ground.',
  agencies: [{ agency: LEAD, track: 'administrative', role: 'lead', addedAt: AT }],
  parties: [
    {
      id: uuid(1),
      role: 'complainant',
      anonymous: false,
      identity: { name: 'Alex Doe', phone: '312-555-0100' },
      identityMasked: false,
      consentScope: null,
      language: 'es',
      contactChannel: 'phone',
      contactSafety: {},
      vulnerabilities: [],
      createdAt: AT,
    },
  ],
  assignments: [],
  allegations: [
    {
      id: uuid(2),
      member,
      category: 'excessive_force',
      summary: 'Pushed the complainant to the ground.',
      recommendedFinding: null,
      recommendedPenalty: null,
      finalFinding: null,
      finalPenalty: null,
      history: [],
      createdAt: AT,
    },
  ],
  reportedOfficers: [
    {
      id: uuid(3),
      member: null,
      name: 'Officer Smith',
      star: null,
      description: 'tall, beard',
      source: 'public_form',
      status: 'reported',
      allegationId: null,
      resolutionNote: null,
      resolvedAt: null,
      reportedAt: AT,
    },
  ],
  activities: [],
  dutyStatus: [],
  statements: [
    {
      id: uuid(4),
      logNumbers: ['2026-0000123'],
      language: 'en',
      text: 'The agency is investigating.',
      translationOf: null,
      translationId: null,
      status: 'draft',
      createdAt: AT,
      author: 'Pat Info',
      authorId: uuid(40),
      reviewedAt: null,
      reviewer: null,
      publishedAt: null,
    },
  ],
  pressInquiries: [],
  deadlines: [
    {
      id: uuid(5),
      kind: 'completion_benchmark',
      sequence: 1,
      dueDate: '2026-09-02',
      dueAt: '2026-09-03T04:59:59.999Z',
      anchor: { kind: 'received', date: '2026-03-02' },
      basisCode: 'completion_benchmark',
      basis: 'Six months from receipt (MCC 2-78-135).',
      basisEs: 'Seis meses desde la recepción (MCC 2-78-135).',
      clause: 'MCC 2-78-135',
      metAt: null,
      supersededAt: null,
      supersededBy: null,
      extensions: [],
    },
  ],
  attachments: [],
  sourceHistory: [],
  complainantAdditions: [],
  statusHistory: [],
  abilities: { actions: [], transitions: [] },
};

/**
 * A case as GET /api/v1/cases/{logNumber} answers it (parsed by the shared `CaseOut`, so a
 * fixture the server could not send fails here): `over` replaces top-level fields, `actions` are
 * the caller's abilities; transitions come from `over.abilities` when given.
 */
export function caseFixture(
  over: Partial<z.input<typeof CaseOut>> = {},
  actions: CaseAbility[] = [],
): Case {
  return CaseOut.parse({
    ...BASE,
    ...over,
    abilities: { transitions: over.abilities?.transitions ?? [], actions },
  });
}

/** Renders one section of the page as CasePage does, in a language; `reload` is a spy. */
export function renderSection(lang: Lang, Section: ComponentType<CaseCtx>, c: Case) {
  const reload = vi.fn(() => Promise.resolve());
  const view = renderIn(lang, <Section {...caseCtx(c, reload)} />);
  return { ...view, reload };
}

// no test reaches a network: lists answer empty and changes fail unless a test says otherwise;
// each test stubs fetch afresh, so none leaks into the next test's calls
beforeEach(() => {
  answerWithProblem([], { get: { items: [] } });
});
afterEach(() => {
  vi.unstubAllGlobals();
});

/**
 * Every call that changes something answers `status` with a problem+json body carrying these
 * field errors; a GET answers 200 with `get` (a section's own list, such as its letters).
 */
export function answerWithProblem(
  errors: FieldError[],
  { status = 422, get = {} }: { status?: number; get?: unknown } = {},
) {
  const problem: Problem = {
    type: 'about:blank',
    title: 'Unprocessable Content',
    status,
    detail: 'The request could not be processed.',
    code: status === 409 ? 'conflict' : 'validation_failed',
    errors,
  };
  const fetch = vi.fn((_url: string, init?: RequestInit) => {
    const read = (init?.method ?? 'GET') === 'GET';
    return Promise.resolve(
      new Response(JSON.stringify(read ? get : problem), {
        status: read ? 200 : status,
        headers: { 'content-type': read ? 'application/json' : 'application/problem+json' },
      }),
    );
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

/** Submits the action form with this test id (its disclosure need not be open). */
export function submitForm(formId: string) {
  const form = document.querySelector(`[data-testid="${formId}"] form`);
  expect(form, formId).not.toBeNull();
  fireEvent.submit(form!);
}

/** Waits for the field's error message, and checks it sits in the field's own form group. */
export async function expectFieldError(controlId: string, text: string) {
  await waitFor(() => {
    expect(document.getElementById(`${controlId}-error`)?.textContent).toBe(text);
  });
  const group = document.getElementById(controlId)?.closest('.usa-form-group');
  expect(group?.contains(document.getElementById(`${controlId}-error`))).toBe(true);
}

/** The messages the interface shows for a server message, by catalog key, in each language. */
export const catalogs = { en, es } as const;

/**
 * The tests every action form of a section gets: it is there exactly when its ability is listed,
 * and a problem+json field error from the server shows next to its control, translated, in both
 * languages (the server's English message mapped to the catalog's `messageKey`).
 */
export function actionFormTests({
  Section,
  c = (actions) => caseFixture({}, actions),
  form,
  ability,
  field,
  control,
  message,
  messageKey,
}: {
  Section: ComponentType<CaseCtx>;
  c?: (actions: CaseAbility[]) => Case;
  form: string;
  ability: CaseAbility;
  field: string;
  control: string;
  message: string;
  messageKey: keyof typeof en;
}) {
  it(`shows ${form} only when the case lists ${ability}`, () => {
    const { unmount } = renderSection('en', Section, c([ability]));
    expect(document.querySelector(`[data-testid="${form}"]`)).not.toBeNull();
    unmount();
    renderSection('en', Section, c([]));
    expect(document.querySelector(`[data-testid="${form}"]`)).toBeNull();
  });
  for (const lang of ['en', 'es'] as const) {
    it(`shows the server's problem with ${field} next to #${control} (${lang})`, async () => {
      const fetch = answerWithProblem([{ field, message }]);
      const { reload } = renderSection(lang, Section, c([ability]));
      submitForm(form);
      await expectFieldError(control, catalogs[lang][messageKey]);
      expect(fetch).toHaveBeenCalled();
      expect(reload).not.toHaveBeenCalled();
    });
  }
}
