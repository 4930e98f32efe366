import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { caseFixture, catalogs, renderSection, uuid } from '../test-kit.tsx';
import { Parties } from './Parties.tsx';

describe('Parties', () => {
  it('shows an identity to who may read it, and says it is masked to who may not', () => {
    const c = caseFixture();
    const masked = caseFixture({
      parties: [{ ...c.parties![0]!, id: uuid(40), identity: null, identityMasked: true }],
    });
    const { unmount } = renderSection('en', Parties, c);
    expect(screen.getByTestId('section-parties').textContent).toContain('Alex Doe · 312-555-0100');
    unmount();
    renderSection('es', Parties, masked);
    const text = screen.getByTestId('section-parties').textContent;
    expect(text).toContain(catalogs.es['case.identityMasked']);
    expect(text).not.toContain('Alex Doe');
  });

  it('is absent when the viewer may not see the parties', () => {
    renderSection('en', Parties, caseFixture({ parties: undefined }));
    expect(screen.queryByTestId('section-parties')).toBeNull();
  });
});
