import { Button } from '@trussworks/react-uswds';
import { api } from '../../../../api/client.ts';
import { useAction } from '../../../../components/ActionForm.tsx';
import { Options, SelectField, TextArea } from '../../../../components/form/fields.tsx';
import { useFields } from '../../../../components/form/use-fields.ts';
import { ProblemAlert } from '../../../../components/problems.tsx';
import { useI18n } from '../../../../i18n/i18n.tsx';
import { NarrativeReviewLink } from '../../NarrativeReviewPages.tsx';
import { CaseForm, Section, type CaseCtx } from '../section.tsx';

/** The languages a public statement is drafted in. */
const STATEMENT_LANGUAGES = ['en', 'es'] as const;

/** Public statements on the case: drafts, their translations, publishing. */
export function Statements(ctx: CaseCtx) {
  const { c, reload, can } = ctx;
  const { t, label, date } = useI18n();
  const {
    values: f,
    bind,
    reset,
  } = useFields({ language: 'en', translationOf: '', text: '' }, 'st');
  const publish = useAction();
  const send = () =>
    api.draftStatement(c.logNumber, {
      text: f.text,
      language: f.language,
      ...(f.translationOf ? { translationOf: f.translationOf } : {}),
    });
  return (
    <Section id="statements" title={t('case.statements')}>
      <ProblemAlert error={publish.error} onReload={() => void reload()} />
      {can('case.review_narrative') ? <NarrativeReviewLink logNumber={c.logNumber} /> : null}
      {c.statements.length === 0 ? <p>{t('case.noStatements')}</p> : null}
      <ul className="usa-list" data-testid="statements">
        {c.statements.map((s) => (
          <li key={s.id} lang={s.language}>
            <strong>{label('language', s.language)}</strong> —{' '}
            {s.status === 'published'
              ? t('case.published', { date: date(s.publishedAt) })
              : t('case.draft')}
            : “{s.text}”{' '}
            {s.status === 'draft' && can('case.draft_statement') ? (
              <Button
                type="button"
                unstyled
                onClick={() => void publish.run(() => api.publishStatement(s.id), reload)}
              >
                {t('action.publish', { language: label('language', s.language) })}
              </Button>
            ) : null}
          </li>
        ))}
      </ul>

      <CaseForm
        {...ctx}
        form="statement"
        onSubmit={send}
        // the language stays as chosen for the next draft
        reset={() => reset({ ...f, text: '', translationOf: '' })}
      >
        {(e) => (
          <>
            <SelectField
              label={t('action.statementLanguage')}
              error={e.language}
              {...bind('language')}
            >
              <Options values={STATEMENT_LANGUAGES} labelOf={(x) => label('language', x)} />
            </SelectField>
            {c.statements.length > 0 ? (
              <SelectField
                label={t('action.translationOf')}
                error={e.translationOf}
                optional
                {...bind('translationOf', 'st-translation')}
              >
                <option value="">—</option>
                {c.statements.map((s) => (
                  <option key={s.id} value={s.id}>
                    {label('language', s.language)}: {s.text.slice(0, 60)}
                  </option>
                ))}
              </SelectField>
            ) : null}
            <TextArea label={t('action.statementText')} error={e.text} {...bind('text')} />
          </>
        )}
      </CaseForm>
    </Section>
  );
}
