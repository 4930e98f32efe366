import { publicApi } from '../../api/public-client.ts';
import { LanguageOptions, SelectField } from '../../components/form/fields.tsx';
import { ProblemAlert } from '../../components/problems.tsx';
import { Link, navigate, useLocation } from '../../components/router.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/** Published statements, newest first, filterable by language. */
export function StatementsPage() {
  const { t, dateTime } = useI18n();
  usePageTitle(t('pub.statements.title'));
  const { search } = useLocation();
  const language = new URLSearchParams(search).get('language') ?? '';
  const { data, error } = useLoad(
    () => publicApi.statements({ language: language || undefined, pageSize: 50 }),
    [language],
  );
  return (
    <>
      <h1>{t('pub.statements.title')}</h1>
      <p className="usa-intro">{t('pub.statements.intro')}</p>
      <div className="usa-form">
        <SelectField
          id="statement-language"
          name="language"
          label={t('pub.statements.language')}
          value={language}
          onChange={(e) =>
            navigate(e.target.value ? `/statements?language=${e.target.value}` : '/statements')
          }
        >
          <option value="">{t('pub.statements.all')}</option>
          <LanguageOptions />
        </SelectField>
      </div>
      <ProblemAlert error={error} />
      {data && data.items.length === 0 ? <p>{t('pub.statements.none')}</p> : null}
      {data ? (
        <ul className="usa-list usa-list--unstyled" data-testid="statements">
          {data.items.map((s) => (
            <li key={s.id} className="ovs-section border-top-1px border-base-lighter padding-top-2">
              <p className="usa-hint margin-0">
                {t('pub.statements.published', { date: dateTime(s.publishedAt) })}
                {s.logNumber ? (
                  <>
                    {' · '}
                    <Link to={`/cases/${encodeURIComponent(s.logNumber)}`}>
                      {t('pub.statements.case', { logNumber: s.logNumber })}
                    </Link>
                  </>
                ) : null}
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
