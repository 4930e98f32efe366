import { CASE_STATUSES, CASE_TYPES, CATEGORIES, FINDINGS } from '../../../shared/enums.ts';
import { PUBLIC_VISIBILITIES } from '../../../shared/schemas/public.ts';
import { publicApi } from '../../api/public-client.ts';
import { ProblemAlert } from '../../components/problems.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useI18n, type LabelPrefix } from '../../i18n/i18n.tsx';
import { StackedTable } from '../../components/StackedTable.tsx';

/**
 * A dictionary text whose `backticked` spans are data values: shown as <code>, never as literal
 * backticks (issue 23 item 13).
 */
function WithCode({ text }: { text: string }) {
  return (
    <>{text.split('`').map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : part))}</>
  );
}

/** A legend: each code the files carry, with its words in the page's language. */
function CodeTable({
  id,
  columns,
  extra,
  rows,
}: {
  id: string;
  /** The columns that carry these codes. */
  columns: readonly string[];
  extra?: string;
  rows: ReadonlyArray<{ code: string; meaning: string }>;
}) {
  return (
    <section aria-labelledby={`codes-${id}`} data-testid={`codes-${id}`}>
      <h3 id={`codes-${id}`}>
        {columns.map((c, i) => (
          <span key={c}>
            {i > 0 ? ', ' : null}
            <code>{c}</code>
          </span>
        ))}
        {extra ? ` — ${extra}` : null}
      </h3>
      <StackedTable
        compact
        rows={rows}
        rowKey={(r) => r.code}
        columns={[
          { header: 'pub.openData.code', cell: (r) => <code>{r.code}</code> },
          { header: 'pub.openData.codeMeaning', cell: (r) => r.meaning },
        ]}
      />
    </section>
  );
}

/** The open-data page: export links, the data dictionary and what each code means. */
export function OpenDataPage() {
  const { t, label, bilingual } = useI18n();
  const { data, error } = useLoad(() => publicApi.dictionary(), []);
  const labelled = (prefix: LabelPrefix, codes: readonly string[]) =>
    codes.map((code) => ({ code, meaning: label(prefix, code) }));
  return (
    <>
      <PageHeading title={t('pub.openData.title')} intro={t('pub.openData.intro')} />
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
      <p>
        {t('pub.openData.api')}{' '}
        <a className="usa-link" href="/api/openapi.json" data-testid="openapi-link">
          {t('pub.openData.apiLink')}
        </a>
      </p>
      <h2>{t('pub.openData.dictionary')}</h2>
      <ProblemAlert error={error} />
      {data ? (
        <StackedTable
          bodyTestId="dictionary"
          rows={data.columns}
          rowKey={(c) => c.name}
          columns={[
            { header: 'pub.openData.column', cell: (c) => <code>{c.name}</code> },
            {
              header: 'pub.openData.meaning',
              cell: (c) => <WithCode text={bilingual(c.description, c.descriptionEs)} />,
            },
          ]}
        />
      ) : null}
      <h2>{t('pub.openData.codes')}</h2>
      <CodeTable
        id="visibility"
        columns={['visibility']}
        rows={PUBLIC_VISIBILITIES.map((code) => ({
          code,
          meaning: t(`pub.case.visibility.${code}`),
        }))}
      />
      <CodeTable id="status" columns={['status']} rows={labelled('status', CASE_STATUSES)} />
      <CodeTable id="case-type" columns={['case_type']} rows={labelled('caseType', CASE_TYPES)} />
      <CodeTable
        id="category"
        columns={['categories', 'allegation_category']}
        rows={labelled('category', CATEGORIES)}
      />
      <CodeTable
        id="finding"
        columns={['recommended_finding', 'final_finding']}
        rows={labelled('finding', FINDINGS)}
      />
      {data ? (
        <CodeTable
          id="penalty"
          columns={['penalty']}
          extra={t('pub.openData.penalties')}
          rows={data.penalties.map((p) => ({
            code: p.code,
            meaning: bilingual(p.label, p.labelEs),
          }))}
        />
      ) : null}
    </>
  );
}
