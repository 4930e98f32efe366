import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { caseFixture, renderSection, uuid } from '../test-kit.tsx';
import { FromComplainant } from './FromComplainant.tsx';

describe('FromComplainant', () => {
  it('links each file to its audited download and lists later additions', () => {
    const c = caseFixture({
      attachments: [
        {
          id: uuid(50),
          fileName: 'photo.jpg',
          contentType: 'image/jpeg',
          byteSize: 2048,
          sha256: 'a'.repeat(64),
          receivedAt: '2026-03-02T15:31:00Z',
        },
      ],
      complainantAdditions: [
        { id: uuid(51), text: 'I found a witness.', receivedAt: '2026-03-05T10:00:00Z' },
      ],
    });
    renderSection('es', FromComplainant, c);
    const link = screen.getByRole('link', { name: 'photo.jpg' });
    expect(link.getAttribute('href')).toBe(`/api/v1/cases/2026-0000123/attachments/${uuid(50)}`);
    expect(screen.getByTestId('complainant-additions').textContent).toContain('I found a witness.');
  });

  it('is absent when the complainant sent nothing more', () => {
    renderSection('en', FromComplainant, caseFixture());
    expect(screen.queryByTestId('section-from-complainant')).toBeNull();
  });
});
