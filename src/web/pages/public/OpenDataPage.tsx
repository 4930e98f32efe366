import { Table } from '@trussworks/react-uswds';
import { publicApi } from '../../api/public-client.ts';
import { ProblemAlert } from '../../components/problems.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/** The open-data page: export links and the data dictionary (column meanings, from the server). */
export function OpenDataPage() {
  const { t } = useI18n();
  usePageTitle(t('pub.openData.title'));
  const { data, error } = useLoad(() => publicApi.dictionary(), []);
  return (
    <>
      <h1>{t('pub.openData.title')}</h1>
      <p className="usa-intro">{t('pub.openData.intro')}</p>
      <ul className="usa-button-group">
        <li className="usa-button-group__item">
          <a className="usa-button" href="/api/public/v1/export.csv" download>
            {t('pub.openData.csv')}
          </a>
        </li>
        <li className="usa-button-group__item">
          <a className="usa-button usa-button--outline" href="/api/public/v1/export.json" download>
            {t('pub.openData.json')}
          </a>
        </li>
      </ul>
      <p>{t('pub.openData.api')}</p>
      <h2>{t('pub.openData.dictionary')}</h2>
      <ProblemAlert error={error} />
      {data ? (
        <Table bordered fullWidth stackedStyle="default">
          <thead>
            <tr>
              <th scope="col">{t('pub.openData.column')}</th>
              <th scope="col">{t('pub.openData.meaning')}</th>
            </tr>
          </thead>
          <tbody data-testid="dictionary">
            {data.columns.map((c) => (
              <tr key={c.name}>
                <th scope="row" data-label={t('pub.openData.column')}>
                  <code>{c.name}</code>
                </th>
                <td data-label={t('pub.openData.meaning')} lang="en">
                  {c.description}
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : null}
    </>
  );
}
