import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { caseFixture, catalogs, renderSection } from '../test-kit.tsx';
import { SourceHistory } from './SourceHistory.tsx';

describe('SourceHistory', () => {
  it('names the released file that added an imported case and what a later one changed', () => {
    const c = caseFixture({
      sourceHistory: [
        {
          file: 'complaints.csv',
          kind: 'complaints_cms',
          sha256: 'b'.repeat(64),
          change: 'added',
          fields: [],
          at: '2026-01-02T10:00:00Z',
        },
        {
          file: 'accused.csv',
          kind: 'accused_cms',
          sha256: 'c'.repeat(64),
          change: 'updated',
          fields: ['final_finding'],
          at: '2026-02-02T10:00:00Z',
        },
      ],
    });
    renderSection('es', SourceHistory, c);
    const items = screen.getByTestId('source-history').querySelectorAll('li');
    expect(items[0]!.textContent).toContain(catalogs.es['case.sourceAdded']);
    expect(items[1]!.textContent).toContain(`${catalogs.es['case.sourceUpdated']}: final_finding`);
  });

  it('is absent for a case filed in Oversight', () => {
    renderSection('en', SourceHistory, caseFixture());
    expect(screen.queryByTestId('section-source-history')).toBeNull();
  });
});
