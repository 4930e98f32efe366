import { describe, expect, it } from 'vitest';
import { PublicComplaintRequest } from '../../shared/schemas/public.ts';
import { chicagoProfile } from './profiles/chicago.ts';
import { acknowledgementText, nextComplainantClock, toIntakeRequest } from './public-complaint.ts';
import { receivesLetters } from '../../shared/letters.ts';
import { publishNarrative } from '../redaction/publish.ts';

const now = new Date('2023-09-14T20:00:00Z');

describe('toIntakeRequest', () => {
  it('maps an intermediary filing to a complainant and an intermediary party', () => {
    const form = PublicComplaintRequest.parse({
      language: 'es',
      narrative: 'Algo pasó',
      anonymous: true,
      aboutPerson: { shelterResident: true },
      filedBy: 'intermediary',
      intermediary: { organization: 'Refugio', name: 'Ana', consentScope: 'todo' },
    });
    const intake = toIntakeRequest(form, now);
    expect(intake.channel).toBe('intermediary');
    expect(intake.receivedAt).toBe(now.toISOString());
    expect(intake.parties).toHaveLength(2);
    expect(intake.parties[0]).toMatchObject({
      role: 'complainant',
      anonymous: true,
      language: 'es',
      vulnerabilities: ['shelter_resident'],
    });
    expect(intake.parties[0]).not.toHaveProperty('name');
    expect(intake.parties[1]).toMatchObject({
      role: 'intermediary',
      organization: 'Refugio',
      consentScope: 'todo',
    });
  });

  it('refuses contact details on an anonymous complaint and an intermediary without details', () => {
    expect(
      PublicComplaintRequest.safeParse({
        language: 'en',
        narrative: 'x',
        anonymous: true,
        contact: { name: 'A Person' },
      }).success,
    ).toBe(false);
    expect(
      PublicComplaintRequest.safeParse({
        language: 'en',
        narrative: 'x',
        anonymous: true,
        filedBy: 'intermediary',
      }).success,
    ).toBe(false);
    expect(
      PublicComplaintRequest.safeParse({ language: 'fr', narrative: 'x', anonymous: true }).success,
    ).toBe(false);
  });
});

describe('acknowledgementText', () => {
  it('names the investigating agency in the chosen language', () => {
    const base = {
      logNumber: '2023-0000001',
      receivedDate: '2023-09-14',
      confirmationNumber: 'OV-AAAA-BBBB-CCCC',
    };
    const { COPA, BIA } = chicagoProfile.agencies;
    expect(acknowledgementText({ ...base, language: 'es', agencyName: COPA.name.es })).toMatch(
      /^Recibimos su queja.*COPA/,
    );
    expect(acknowledgementText({ ...base, language: 'en', agencyName: BIA.name.en })).toMatch(
      /^We received your complaint.*Internal Affairs/,
    );
  });
});

describe('nextComplainantClock', () => {
  it('picks the earliest open clock of interest', () => {
    expect(
      nextComplainantClock([
        { kind: 'completion_benchmark', due_date: '2024-03-12', met_at: null },
        { kind: 'acknowledgement_letter', due_date: '2023-09-21', met_at: new Date() },
        { kind: 'six_month_notice', due_date: '2024-03-19', met_at: null },
        { kind: 'quarterly_report', due_date: '2023-10-15', met_at: null },
      ])?.kind,
    ).toBe('completion_benchmark');
  });

  it('leaves out the acknowledgement letter for one the office cannot write to', () => {
    const clocks = [
      { kind: 'acknowledgement_letter', due_date: '2023-09-21', met_at: null },
      { kind: 'completion_benchmark', due_date: '2024-03-12', met_at: null },
    ];
    expect(nextComplainantClock(clocks, true)?.kind).toBe('acknowledgement_letter');
    expect(nextComplainantClock(clocks, false)?.kind).toBe('completion_benchmark');
  });
});

describe('receivesLetters', () => {
  it('needs an email or postal address for the complainant or their intermediary', () => {
    expect(receivesLetters([])).toBe(false);
    expect(receivesLetters([{ role: 'complainant', email: null, address: null }])).toBe(false);
    expect(receivesLetters([{ role: 'complainant', email: '  ' }])).toBe(false);
    expect(receivesLetters([{ role: 'witness', email: 'w@example.org' }])).toBe(false);
    expect(receivesLetters([{ role: 'complainant', email: 'c@example.org' }])).toBe(true);
    expect(receivesLetters([{ role: 'complainant', address: '1 N State St' }])).toBe(true);
    expect(receivesLetters([{ role: 'intermediary', email: 'i@example.org' }])).toBe(true);
  });
});

describe('publishNarrative', () => {
  it('removes identities the case holds, with offsets into the redacted text', () => {
    const out = publishNarrative(
      'Maria Lopez called from 312-555-0199 and wrote to maria@example.org about Refugio Sol.',
      {
        names: ['Maria Lopez'],
        otherValues: ['312-555-0199', 'maria@example.org', 'Refugio Sol'],
        shelterLocations: [],
        recordNames: [],
      },
    );
    expect(out).not.toBeNull();
    expect(out!.text).not.toMatch(/Maria|Lopez|555|example\.org|Refugio Sol/);
    for (const r of out!.redactions) {
      expect(out!.text.slice(r.start, r.end)).toBe(r.replacement);
      expect(r.basis.length).toBeGreaterThan(10);
    }
  });
});
