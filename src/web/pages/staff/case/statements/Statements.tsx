import { api } from '../../../../api/client.ts';
import { useFields } from '../../../../components/form/use-fields.ts';
import { useI18n } from '../../../../i18n/i18n.tsx';
import { NarrativeReviewLink } from '../../NarrativeReviewPages.tsx';
import { StatementFields, StatementItems } from '../../statements/StatementItems.tsx';
import { CaseForm, Section, type CaseCtx } from '../section.tsx';

/**
 * Public statements about the case: drafts and their translations, a second person's review,
 * publishing the pair (issue 22 item 2). Statements about several cases or none are drafted on
 * the office's statements page.
 */
export function Statements(ctx: CaseCtx) {
  const { c, reload, can } = ctx;
  const { t } = useI18n();
  const {
    values: f,
    bind,
    reset,
  } = useFields({ language: 'en', translationOf: '', text: '' }, 'st');
  const send = () =>
    api.draftStatement(c.logNumber, {
      text: f.text,
      language: f.language as 'en' | 'es',
      ...(f.translationOf ? { translationOf: f.translationOf } : {}),
    });
  return (
    <Section id="statements" title={t('case.statements')}>
      {can('case.review_narrative') ? <NarrativeReviewLink logNumber={c.logNumber} /> : null}
      {c.statements.length === 0 ? <p>{t('case.noStatements')}</p> : null}
      <StatementItems
        statements={c.statements}
        canPublish={can('case.draft_statement')}
        reload={reload}
      />
      <CaseForm
        {...ctx}
        form="statement"
        onSubmit={send}
        // the language stays as chosen for the next draft
        reset={() => reset({ ...f, text: '', translationOf: '' })}
      >
        {(e) => <StatementFields e={e} bind={bind} statements={c.statements} />}
      </CaseForm>
    </Section>
  );
}
