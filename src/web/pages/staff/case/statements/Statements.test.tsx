import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { actionFormTests, caseFixture, catalogs, renderSection } from '../test-kit.tsx';
import { Statements } from './Statements.tsx';

describe('Statements', () => {
  actionFormTests({
    Section: Statements,
    form: 'form-statement',
    ability: 'case.draft_statement',
    field: 'language',
    control: 'st-language',
    message: 'must be a two-letter language code',
    messageKey: 'field.language',
  });

  it('offers to publish a draft only to who may draft statements', () => {
    const publish = catalogs.en['action.publish'].replace('{language}', 'English');
    const { unmount } = renderSection('en', Statements, caseFixture());
    expect(screen.queryByRole('button', { name: publish })).toBeNull();
    unmount();
    renderSection('en', Statements, caseFixture({}, ['case.draft_statement']));
    expect(screen.getByRole('button', { name: publish })).toBeTruthy();
  });
});
