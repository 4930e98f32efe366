import { api } from '../../api/client.ts';
import { ActionForm } from '../../components/ActionForm.tsx';
import { TextField } from '../../components/form/fields.tsx';
import { useFields } from '../../components/form/use-fields.ts';
import { ProblemAlert } from '../../components/problems.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { StatementFields, StatementItems } from './statements/StatementItems.tsx';

/** Log numbers typed in one field, separated by commas, spaces or new lines. */
export function logNumbersOf(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * The office's statements (issue 22 item 2): for the public-information role, every statement
 * the viewer may see, newest first — about several cases, one, or none (office-wide) — with
 * drafting, translating, a second person's review and publishing. The server decides each step.
 */
export function OfficeStatementsPage() {
  const { t } = useI18n();
  usePageTitle(t('statements.title'));
  const { data, error, reload } = useLoad(() => api.officeStatements(), []);
  const {
    values: f,
    bind,
    reset,
  } = useFields({ language: 'en', translationOf: '', text: '', cases: '' }, 'st');
  const statements = data?.items ?? [];
  return (
    <>
      <h1>{t('statements.title')}</h1>
      <p className="usa-intro">{t('statements.intro')}</p>
      <ProblemAlert error={error} />
      {data && statements.length === 0 ? <p>{t('case.noStatements')}</p> : null}
      <StatementItems statements={statements} canPublish showCases reload={reload} />
      <ActionForm
        id="form-office-statement"
        title={t('action.statement')}
        submitLabel={t('action.add')}
        onSubmit={() =>
          api.draftOfficeStatement({
            text: f.text,
            language: f.language as 'en' | 'es',
            ...(f.translationOf
              ? { translationOf: f.translationOf }
              : { logNumbers: logNumbersOf(f.cases) }),
          })
        }
        onDone={async () => {
          reset({ ...f, text: '', translationOf: '', cases: '' });
          await reload();
        }}
        onReload={() => void reload()}
      >
        {(e) => (
          <>
            {f.translationOf ? null : (
              <TextField
                label={t('statements.cases')}
                hint={t('statements.casesHint')}
                optional
                error={e.logNumbers ?? e['logNumbers.0']}
                {...bind('cases')}
              />
            )}
            <StatementFields e={e} bind={bind} statements={statements} />
          </>
        )}
      </ActionForm>
    </>
  );
}
