import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp, type TestUser } from './test-app.ts';
import { approveNarrative, fileCase, walk } from './factories.ts';

/*
 * Issue 15 defect 8: English inside Spanish pages. Every basis a civilian sees (the next clock of
 * follow-my-complaint, each redaction of a published narrative, why a narrative is withheld)
 * comes in English and Spanish, written from stable codes (never from the English text a
 * deadline row stores), and cites public law, never the project's own documents. Staff get the
 * same bilingual deadline bases, so their Spanish pages are Spanish too.
 */

/** A citation of the project's own documents. */
const INTERNAL = /docs\/|\.md\b|\bADR\b|PRODUCT|STYLE/i;

let t: TestApp;
let chief: TestUser;
beforeAll(async () => {
  t = await testApp();
  chief = await t.user('chief_administrator');
});
afterAll(async () => t.close());

interface Basis {
  basisCode: string;
  basis: string;
  basisEs: string;
}

/** Overwrites the English text stored with a case's deadlines, as old rows and other wording would. */
async function scrambleStoredBases(logNumber: string): Promise<void> {
  await t.db.query(
    `UPDATE deadlines SET basis = 'stored English text that no page should show'
      WHERE case_id = (SELECT id FROM cases WHERE log_number = $1)`,
    [logNumber],
  );
}

describe('follow-my-complaint: the next clock in both languages', () => {
  it('gives the acknowledgement letter basis in English and Spanish, from its codes', async () => {
    const filed = await t.app.inject({
      method: 'POST',
      url: '/api/public/v1/complaints',
      payload: {
        language: 'es',
        narrative: 'Un oficial me empujó durante una parada de tráfico.',
        categories: ['excessive_force'],
        // an email to write to: the letter's clock is shown only to one who can receive it
        anonymous: false,
        contact: { email: 'denunciante@example.org' },
      },
    });
    expect(filed.statusCode, filed.body).toBe(201);
    const { confirmationNumber, passphrase, logNumber } = filed.json<{
      confirmationNumber: string;
      passphrase: string;
      logNumber: string;
    }>();
    const lookup = async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/public/v1/complaints/lookup',
        payload: { confirmationNumber, passphrase },
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json<{ nextClock: (Basis & { kind: string }) | null }>().nextClock!;
    };
    const next = await lookup();
    expect(next.kind).toBe('acknowledgement_letter');
    expect(next.basisCode).toBe('acknowledgement_letter');
    expect(next.basis).toMatch(/^Acknowledgement letter within 5 business days of receipt on /);
    expect(next.basisEs).toMatch(
      /^Carta de acuse de recibo dentro de 5 días hábiles desde la recepción del \d{4}-\d{2}-\d{2}, en el idioma del denunciante/,
    );
    expect(next.basisEs).toContain('(MCC 2-78-120; COPA Rules)');
    expect(next.basis + next.basisEs).not.toMatch(INTERNAL);

    // a row stored with other English words reads the same: the texts come from the codes
    await scrambleStoredBases(logNumber);
    expect(await lookup()).toEqual(next);
  });
});

describe('the public case page: redaction and withholding bases in both languages', () => {
  it('gives every redaction a Spanish basis citing Illinois FOIA, never an internal document', async () => {
    const log = await fileCase(t, chief, {
      narrative:
        'Officer Brandon Kowalczyk stopped the complainant and called her at 312-555-0199 the next day.',
      parties: [{ role: 'complainant', name: 'Maria Example', language: 'es' }],
    });
    const open = await t.app.inject({ method: 'GET', url: `/api/public/v1/cases/${log}` });
    expect(open.statusCode, open.body).toBe(200);
    const openCase = open.json<{
      narrativeWithheld: string;
      narrativeWithheldBasis: string;
      narrativeWithheldBasisEs: string;
    }>();
    expect(openCase.narrativeWithheld).toBe('open_investigation');
    expect(openCase.narrativeWithheldBasis).toContain('5 ILCS 140/7(1)(d)');
    expect(openCase.narrativeWithheldBasisEs).toMatch(/^El relato .*5 ILCS 140\/7\(1\)\(d\)/);

    await walk(t, chief, log, [{ to: 'closed_no_finding', reason: 'withdrawn' }]);
    await approveNarrative(t, chief, log);
    const res = await t.app.inject({ method: 'GET', url: `/api/public/v1/cases/${log}` });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<{
      narrative: { text: string; redactions: Array<{ kind: string } & Omit<Basis, 'basisCode'>> };
    }>();
    const kinds = body.narrative.redactions.map((r) => r.kind);
    expect(kinds).toEqual(expect.arrayContaining(['person_name', 'phone']));
    for (const r of body.narrative.redactions) {
      expect(r.basis, r.kind).toMatch(/Illinois FOIA, 5 ILCS 140\/7\(1\)\([bc]\)/);
      expect(r.basisEs, r.kind).toMatch(
        /Ley de Libertad de Información de Illinois \(FOIA\), 5 ILCS 140\/7\(1\)\([bc]\)/,
      );
      expect(r.basis + r.basisEs, r.kind).not.toMatch(INTERNAL);
    }
    expect(body.narrative.redactions.find((r) => r.kind === 'phone')!.basisEs).toMatch(
      /^Información privada \(número de teléfono personal\)/,
    );
  });
});

describe('the staff case page: deadline bases in both languages', () => {
  it('writes each basis from its codes, extensions included, whatever text the row stores', async () => {
    const log = await fileCase(t, chief, {
      categories: ['firearm_discharge'],
      incident: { occurredAt: '2023-09-10T22:00:00-05:00' },
    });
    const read = async () => {
      const res = await t.as(chief, { method: 'GET', url: `/api/v1/cases/${log}` });
      expect(res.statusCode, res.body).toBe(200);
      return res.json<{ deadlines: Array<Basis & { id: string; kind: string }> }>().deadlines;
    };
    const before = await read();
    const video = before.find((d) => d.kind === 'video_release')!;
    expect(video.basisCode).toBe('video_release');
    expect(video.basisEs).toBe(
      'Publicación de video, audio y los informes policiales especificados dentro de 60 días calendario desde el incidente del 2023-09-10 (City of Chicago Video Release Policy (2016))',
    );
    for (const d of before) {
      expect(d.basisEs, d.kind).not.toBe(d.basis);
      expect(d.basis + d.basisEs, d.kind).not.toMatch(INTERNAL);
    }
    const ext = await t.as(chief, {
      method: 'POST',
      url: `/api/v1/cases/${log}/deadlines/${video.id}/extensions`,
      payload: { days: 10, reason: 'Footage still being redacted.' },
    });
    expect(ext.statusCode, ext.body).toBe(201);
    const extended = (await read()).find((d) => d.id === video.id)!;
    expect(extended.basis).toBe(
      'Release of video, audio and specified police reports within 60 calendar days of the incident on 2023-09-10 (City of Chicago Video Release Policy (2016)); extended by 10 calendar days to 2023-11-19',
    );
    expect(extended.basisEs).toBe(
      `${video.basisEs}; prorrogado 10 días calendario hasta el 2023-11-19`,
    );

    await scrambleStoredBases(log);
    expect((await read()).find((d) => d.id === video.id)).toEqual(extended);
    const dash = await t.as(chief, { method: 'GET', url: '/api/v1/dashboard' });
    expect(dash.statusCode, dash.body).toBe(200);
    const due = dash.json<{ deadlines: Basis[] }>().deadlines;
    expect(due.length).toBeGreaterThan(0);
    for (const d of due) {
      expect(d.basis).not.toContain('stored English text');
      expect(d.basisEs.length).toBeGreaterThan(10);
    }
  });
});
