import { describe, expect, it } from 'vitest';
import {
  mapCaseType,
  mapCpdCategory,
  mapHistoricalAgency,
  mapSourceStatus,
  penaltyFromOutcome,
  COPA_CATEGORY,
} from './chicago-legacy.ts';

describe('historic Chicago vocabularies', () => {
  it('maps CPD codes through COPA’s own grouping, then by description', () => {
    expect(mapCpdCategory('05A', 'EXCESSIVE FORCE / ON DUTY - INJURY')).toBe('excessive_force');
    expect(mapCpdCategory('05ZZA', 'ARRESTEE-DURING  ARREST')).toBe('excessive_force');
    expect(mapCpdCategory('S999', 'SEXUAL ORIENTATION')).toBe('bias');
    expect(mapCpdCategory('X1', 'CRIMINAL SEXUAL ASSAULT')).toBe('sexual_misconduct');
    expect(mapCpdCategory('X2', 'DOMESTIC ALTERCATION - PHYSICAL ABUSE')).toBe('domestic_violence');
    expect(mapCpdCategory('X3', 'SEARCH OF PREMISE WITHOUT WARRANT ')).toBe(
      'improper_search_seizure',
    );
    expect(mapCpdCategory('X4', 'USE OF PROFANITY')).toBe('verbal_abuse');
    expect(mapCpdCategory('X5', 'MISCELLANEOUS')).toBe('miscellaneous');
    expect(mapCpdCategory('X6', 'MEDICAL ROLL VIOLATION')).toBe('operational_violation');
    expect(mapCpdCategory('X7', 'FIREARM DISCHARGE WITH HITS - HANDGUN')).toBe('firearm_discharge');
  });

  it('maps COPA categories, with workflow placeholders as no allegation', () => {
    expect(COPA_CATEGORY['Sexual Misconduct']).toBe('sexual_misconduct');
    expect(COPA_CATEGORY['Closed-No Allegation']).toBeNull();
  });

  it('maps statuses exactly, then by prefix, else refuses', () => {
    expect(mapSourceStatus('Closed/No Finding')).toEqual({
      status: 'closed_no_finding',
      exact: true,
    });
    expect(mapSourceStatus('CLOSED/FINAL')).toEqual({ status: 'final', exact: true });
    expect(mapSourceStatus('Closed at COPA')).toEqual({ status: 'department_review', exact: true });
    expect(mapSourceStatus('PENDING SOMETHING NEW')).toEqual({
      status: 'department_review',
      exact: false,
    });
    expect(mapSourceStatus('WHATEVER')).toBeNull();
  });

  it('maps case types and agencies', () => {
    expect(mapCaseType('Information/Complaint')).toBe('complaint');
    expect(mapCaseType('Notification')).toBe('notification');
    expect(mapCaseType('Other')).toBeNull();
    expect(mapHistoricalAgency('IPRA')).toBe('COPA');
    expect(mapHistoricalAgency('OPS')).toBe('COPA');
    expect(mapHistoricalAgency('BIA')).toBe('BIA');
    expect(mapHistoricalAgency('O')).toBeNull();
  });

  it('decodes 2018 outcomes into penalty codes', () => {
    expect(penaltyFromOutcome('5 Day Suspension')).toBe('005');
    expect(penaltyFromOutcome('60 Day Suspension')).toBe('200');
    expect(penaltyFromOutcome('800 Day Suspension')).toBe('800');
    expect(penaltyFromOutcome('900 Day Suspension')).toBeNull();
    expect(penaltyFromOutcome('Separation')).toBe('400');
    expect(penaltyFromOutcome('')).toBeNull();
  });
});
