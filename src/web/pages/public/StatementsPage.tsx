import { useState } from 'react';
import { Button } from '@trussworks/react-uswds';
import { publicApi } from '../../api/public-client.ts';
import { LanguageOptions, SelectField, TextField } from '../../components/form/fields.tsx';
import { ProblemAlert } from '../../components/problems.tsx';
import { navigate, useLocation } from '../../components/router.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { CaseLinks } from '../../components/CaseLinks.tsx';

/** The page's address for a filter (empty values left out). */
function statementsPath(f: { language: string; logNumber: string }, base = '/statements'): string {
  const q = new URLSearchParams(Object.entries(f).filter(([, v]) => v !== '')).toString();
  return q ? `${base}?${q}` : base;
}

/**
 * Published statements, newest first, filterable by language and by case, with their Atom feed
 * (issue 22 item 2). A statement names the cases it is about, or none (the whole office).
 */
export function StatementsPage() {
  const { t, dateTime } = useI18n();
  usePageTitle(t('pub.statements.title'));
  const { search } = useLocation();
  const params = new URLSearchParams(search);
  const filter = {
    language: params.get('language') ?? '',
    logNumber: params.get('logNumber') ?? '',
  };
  const [caseInput, setCaseInput] = useState(filter.logNumber);
  const { data, error } = useLoad(
    () =>
      publicApi.statements({
        language: filter.language || undefined,
        logNumber: filter.logNumber || undefined,
        pageSize: 50,
      }),
    [filter.language, filter.logNumber],
  );
  return (
    <>
      <h1>{t('pub.statements.title')}</h1>
      <p className="usa-intro">{t('pub.statements.intro')}</p>
      <form
        className="usa-form"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          navigate(statementsPath({ ...filter, logNumber: caseInput.trim() }));
        }}
      >
        <SelectField
          id="statement-language"
          name="language"
          label={t('pub.statements.language')}
          value={filter.language}
          onChange={(e) => navigate(statementsPath({ ...filter, language: e.target.value }))}
        >
          <option value="">{t('pub.statements.all')}</option>
          <LanguageOptions />
        </SelectField>
        <TextField
          id="statement-case"
          name="logNumber"
          label={t('pub.statements.caseFilter')}
          hint={t('pub.statements.caseFilterHint')}
          optional
          value={caseInput}
          onChange={(e) => setCaseInput(e.target.value)}
        />
        <Button type="submit">{t('pub.statements.filter')}</Button>
      </form>
      <p>
        <a
          className="usa-link"
          href={statementsPath(filter, '/api/public/v1/statements.atom')}
          type="application/atom+xml"
          data-testid="statements-feed"
        >
          {t('pub.statements.feed')}
        </a>
      </p>
      <ProblemAlert error={error} />
      {data && data.items.length === 0 ? <p>{t('pub.statements.none')}</p> : null}
      {data ? (
        <ul className="usa-list usa-list--unstyled" data-testid="statements">
          {data.items.map((s) => (
            <li key={s.id} className="ovs-section border-top-1px border-base-lighter padding-top-2">
              <p className="usa-hint margin-0">
                {t('pub.statements.published', { date: dateTime(s.publishedAt) })}
                {' · '}
                <CaseLinks
                  logNumbers={s.logNumbers}
                  to={(n) => `/cases/${encodeURIComponent(n)}`}
                  text={(n) => t('pub.statements.case', { logNumber: n })}
                  none={t('pub.statements.officeWide')}
                />
              </p>
              <p lang={s.language} data-written-text="statement" className="ovs-prewrap">
                {s.text}
              </p>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
