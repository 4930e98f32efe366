import { describe, expect, it } from 'vitest';
import { CATEGORIES, VULNERABILITIES } from '../../shared/enums.ts';
import { restrictionFor, tightenRestriction } from './restriction.ts';

describe('restrictionFor', () => {
  it('restricts the acceptance story: sexual misconduct, shelter resident, possibly a minor', () => {
    expect(
      restrictionFor({
        categories: ['sexual_misconduct'],
        vulnerabilities: ['shelter_resident', 'limited_english', 'minor'],
      }),
    ).toEqual({
      restricted: true,
      reasons: ['sexual_misconduct', 'minor_party', 'shelter_resident_party'],
    });
  });

  it('restricts domestic violence by category or by flag', () => {
    expect(restrictionFor({ categories: ['domestic_violence'], vulnerabilities: [] })).toEqual({
      restricted: true,
      reasons: ['domestic_violence'],
    });
    expect(
      restrictionFor({
        categories: ['excessive_force'],
        vulnerabilities: [],
        flags: { domesticViolence: true },
      }),
    ).toEqual({ restricted: true, reasons: ['domestic_violence'] });
  });

  it('restricts sexual misconduct flagged before any allegation is categorised', () => {
    expect(
      restrictionFor({ categories: [], vulnerabilities: [], flags: { sexualMisconduct: true } }),
    ).toEqual({ restricted: true, reasons: ['sexual_misconduct'] });
  });

  it('restricts a minor party or a shelter resident alone', () => {
    expect(restrictionFor({ categories: [], vulnerabilities: ['minor'] }).reasons).toEqual([
      'minor_party',
    ]);
    expect(
      restrictionFor({
        categories: ['operational_violation'],
        vulnerabilities: ['shelter_resident'],
      }).reasons,
    ).toEqual(['shelter_resident_party']);
  });

  it('does not restrict for limited English or disability', () => {
    expect(
      restrictionFor({
        categories: ['verbal_abuse'],
        vulnerabilities: ['limited_english', 'disability'],
      }),
    ).toEqual({ restricted: false, reasons: [] });
  });

  it('does not restrict when flags are explicitly false', () => {
    expect(
      restrictionFor({
        categories: ['excessive_force'],
        vulnerabilities: [],
        flags: { domesticViolence: false, sexualMisconduct: false },
      }),
    ).toEqual({ restricted: false, reasons: [] });
  });

  it('gives each reason once, in a fixed order, whatever the input order or repeats', () => {
    const result = restrictionFor({
      categories: ['domestic_violence', 'sexual_misconduct', 'domestic_violence'],
      vulnerabilities: ['shelter_resident', 'minor', 'minor'],
      flags: { domesticViolence: true, sexualMisconduct: true },
    });
    expect(result.reasons).toEqual([
      'sexual_misconduct',
      'domestic_violence',
      'minor_party',
      'shelter_resident_party',
    ]);
  });

  it('restricts only sexual misconduct and domestic violence among categories', () => {
    const restricting = CATEGORIES.filter(
      (c) => restrictionFor({ categories: [c], vulnerabilities: [] }).restricted,
    );
    expect(restricting).toEqual(['sexual_misconduct', 'domestic_violence']);
    const restrictingVulnerabilities = VULNERABILITIES.filter(
      (v) => restrictionFor({ categories: [], vulnerabilities: [v] }).restricted,
    );
    expect(restrictingVulnerabilities).toEqual(['minor', 'shelter_resident']);
  });
});

describe('tightenRestriction', () => {
  const open = { restricted: false, reasons: [] };
  it('adds what the new facts restrict', () => {
    expect(tightenRestriction(open, { restricted: true, reasons: ['domestic_violence'] })).toEqual({
      restricted: true,
      reasons: ['domestic_violence'],
      changed: true,
    });
  });

  it('never lifts: a category corrected away leaves the restriction and its reason', () => {
    const restricted = { restricted: true, reasons: ['domestic_violence'] };
    expect(tightenRestriction(restricted, { restricted: false, reasons: [] })).toEqual({
      ...restricted,
      changed: false,
    });
    expect(
      tightenRestriction(restricted, { restricted: true, reasons: ['sexual_misconduct'] }),
    ).toEqual({
      restricted: true,
      reasons: ['domestic_violence', 'sexual_misconduct'],
      changed: true,
    });
  });

  it('is unchanged when nothing new restricts', () => {
    expect(tightenRestriction(open, { restricted: false, reasons: [] }).changed).toBe(false);
  });
});
