import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { caseFixture, renderSection, uuid } from '../test-kit.tsx';
import { Timeline } from './Timeline.tsx';

describe('Timeline', () => {
  it('lists stages and activity newest first, in the interface language', () => {
    const c = caseFixture({
      statusHistory: [
        {
          from: 'intake',
          to: 'investigation',
          reason: null,
          note: null,
          at: '2026-03-03T10:00:00Z',
        },
      ],
      activities: [
        {
          id: uuid(30),
          kind: 'canvass',
          occurredAt: '2026-03-04T10:00:00Z',
          place: 'Randolph and Clark',
          outcome: null,
          summary: 'Looked for cameras',
          memberId: null,
          agency: 'oversight',
          recordedAt: '2026-03-04T11:00:00Z',
        },
      ],
    });
    renderSection('es', Timeline, c);
    const items = screen.getByTestId('timeline').querySelectorAll('li');
    expect(items).toHaveLength(2);
    expect(items[0]!.textContent).toContain('Looked for cameras · Randolph and Clark');
    expect(items[1]!.textContent).toContain('Investigación');
  });
});
