import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  KINDS,
  LABELS_PATH,
  SOURCE_PATH,
  buildLabels,
  parseSource,
  stripMarkup,
  type ConstructedNarrative,
} from './build-es-labels.ts';

const labels = JSON.parse(readFileSync(LABELS_PATH, 'utf8')) as {
  about: string;
  narratives: ConstructedNarrative[];
};
const source = readFileSync(SOURCE_PATH, 'utf8');

describe('stripMarkup', () => {
  it('computes UTF-16 offsets after accented and astral characters', () => {
    const { text, spans } = stripMarkup(
      '¡Ay! 😢 [[NAME:María José]] vive en el [[ADDR:2400 S. Pulaski]]',
    );
    expect(text).toBe('¡Ay! 😢 María José vive en el 2400 S. Pulaski');
    expect(spans).toEqual([
      { start: 8, end: 18, kind: 'person_name' },
      { start: 30, end: 45, kind: 'street_address' },
    ]);
    expect(text.slice(8, 18)).toBe('María José');
  });

  it('refuses an unknown tag, an empty span and unbalanced markup', () => {
    expect(() => stripMarkup('[[NOMBRE:Ana]]')).toThrow(/unknown tag/);
    expect(() => stripMarkup('[[NAME:]]')).toThrow();
    expect(() => stripMarkup('[[NAME: Ana]]')).toThrow(/padded/);
    expect(() => stripMarkup('[[NAME:Ana')).toThrow(/unbalanced/);
  });
});

describe('the Spanish constructed label set', () => {
  it('is what the build script makes from the committed source (rebuild after editing it)', () => {
    expect(labels).toEqual(buildLabels(source));
  });

  it('says it is constructed, by whom, and the rules followed', () => {
    expect(labels.about).toMatch(/constructed/i);
    expect(labels.about).toMatch(/did not write the redaction engine/);
    expect(labels.about).toMatch(/Labelling rules/);
  });

  it('has at least 150 Spanish narratives, each marked constructed, with a unique id', () => {
    expect(labels.narratives.length).toBeGreaterThanOrEqual(150);
    expect(new Set(labels.narratives.map((n) => n.id)).size).toBe(labels.narratives.length);
    for (const n of labels.narratives) {
      expect(n.constructed).toBe(true);
      expect(n.language).toBe('es');
    }
  });

  it('has the sha256 of each text', () => {
    for (const n of labels.narratives) {
      expect(n.sha256, n.id).toBe(createHash('sha256').update(n.text, 'utf8').digest('hex'));
    }
  });

  it('has spans in range, of known kinds, in order, not overlapping, and equal to the marked text', () => {
    const marked = new Map(parseSource(source).map((n) => [n.id, n.marked]));
    for (const n of labels.narratives) {
      let previousEnd = 0;
      n.spans.forEach((span, i) => {
        const where = `${n.id} span ${i}`;
        expect(KINDS, where).toContain(span.kind);
        expect(Number.isInteger(span.start) && Number.isInteger(span.end), where).toBe(true);
        expect(span.start, where).toBeGreaterThanOrEqual(previousEnd);
        expect(span.end, where).toBeGreaterThan(span.start);
        expect(span.end, where).toBeLessThanOrEqual(n.text.length);
        expect(n.text.slice(span.start, span.end), where).toBe(marked.get(n.id)?.[i]);
        expect(n.text.slice(span.start, span.end).trim(), where).toBe(
          n.text.slice(span.start, span.end),
        );
        previousEnd = span.end;
      });
    }
  });

  it('keeps titles, ranks and the article before a nickname out of name spans (about, rule 1)', () => {
    const title =
      /^(el|la|los|las|don|doña|sr|sra|srta|lic|dr|dra|ms|mr|mrs|sgt|oficial|officer|agente|sargento|teniente|detective|comandante|señor|señora|tío|tía)\.?\s/i;
    for (const n of labels.narratives) {
      for (const span of n.spans.filter((s) => s.kind === 'person_name')) {
        expect(n.text.slice(span.start, span.end), n.id).not.toMatch(title);
      }
    }
  });

  it('covers every kind but shelter locations many times, and shelters at least a few', () => {
    const counts = new Map<string, number>();
    for (const n of labels.narratives) {
      for (const s of n.spans) {
        counts.set(s.kind, (counts.get(s.kind) ?? 0) + 1);
      }
    }
    expect(counts.get('person_name')).toBeGreaterThanOrEqual(300);
    expect(counts.get('street_address')).toBeGreaterThanOrEqual(60);
    expect(counts.get('phone')).toBeGreaterThanOrEqual(60);
    expect(counts.get('email')).toBeGreaterThanOrEqual(20);
    expect(counts.get('date_of_birth')).toBeGreaterThanOrEqual(20);
    expect(counts.get('licence_plate')).toBeGreaterThanOrEqual(10);
    expect(counts.get('shelter_location')).toBeGreaterThanOrEqual(5);
  });
});
