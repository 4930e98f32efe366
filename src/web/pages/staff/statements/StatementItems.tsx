import { useContext } from 'react';
import { Alert, Button } from '@trussworks/react-uswds';
import { api, type Case } from '../../../api/client.ts';
import { ApiError } from '../../../api/http.ts';
import { useAction } from '../../../components/ActionForm.tsx';
import { Options, SelectField, TextArea, RecordOptions } from '../../../components/form/fields.tsx';
import type { BoundField } from '../../../components/form/use-fields.ts';
import type { FieldErrors } from '../../../components/problems.tsx';
import { ProblemAlert } from '../../../components/problems.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { CaseLinks } from '../../../components/CaseLinks.tsx';
import { SessionContext } from '../session.tsx';

/*
 * What the office says publicly, as staff work on it (issue 22 item 2, ADR 0046): each language
 * version drafted, reviewed by a second person, and published with its translation. Shared by
 * the case section and the office's statements page.
 */

export type Statement = Case['statements'][number];

/** The languages a public statement is drafted in: both are published together. */
export const STATEMENT_LANGUAGES = ['en', 'es'] as const;

/** Roles the server lets review a statement (GLOBAL_GRANTS statement.review); it checks again. */
const REVIEWER_ROLES: readonly string[] = ['public_information', 'chief_administrator'];

/** The refusals the office reads in its own words rather than as a generic error. */
const REFUSALS = {
  translation_missing: 'statements.refused.translationMissing',
  statement_not_reviewed: 'statements.refused.notReviewed',
  reviewer_is_author: 'statements.refused.reviewerIsAuthor',
} as const;

/** The signed-in person, when the statement is theirs to review: another's draft. */
function useMayReview(): (s: Statement) => boolean {
  const session = useContext(SessionContext);
  return (s) =>
    s.status === 'draft' &&
    !!session &&
    session.user.roles.some((r) => REVIEWER_ROLES.includes(r)) &&
    s.authorId !== session.user.id;
}

/**
 * The statements, each with its language, state, author and reviewer, its cases (when
 * `showCases`), and the Review and Publish buttons for who may use them.
 */
export function StatementItems({
  statements,
  canPublish,
  showCases = false,
  reload,
}: {
  statements: readonly Statement[];
  canPublish: boolean;
  showCases?: boolean;
  reload: () => Promise<void>;
}) {
  const { t, label, date } = useI18n();
  const act = useAction();
  const mayReview = useMayReview();
  const refusal =
    act.error instanceof ApiError && act.error.code in REFUSALS
      ? REFUSALS[act.error.code as keyof typeof REFUSALS]
      : null;
  const language = (s: Statement) => label('language', s.language);
  return (
    <>
      {refusal ? (
        <Alert type="error" headingLevel="h3" slim role="alert" data-testid="statement-refused">
          {t(refusal)}
        </Alert>
      ) : (
        <ProblemAlert error={act.error} onReload={() => void reload()} />
      )}
      <ul className="usa-list" data-testid="statements">
        {statements.map((s) => (
          <li key={s.id} lang={s.language}>
            <strong>{language(s)}</strong> —{' '}
            {s.status === 'published'
              ? t('case.published', { date: date(s.publishedAt) })
              : s.status === 'reviewed'
                ? t('statements.reviewed')
                : t('case.draft')}
            : “{s.text}”
            <br />
            <span className="usa-hint">
              {t('statements.author', { name: s.author ?? '—' })}
              {s.reviewer ? ` · ${t('statements.reviewer', { name: s.reviewer })}` : ''}
              {s.translationId ? '' : ` · ${t('statements.untranslated')}`}
              {showCases ? (
                <>
                  {' · '}
                  <CaseLinks
                    logNumbers={s.logNumbers}
                    to={(n) => `/staff/cases/${encodeURIComponent(n)}`}
                    none={t('statements.officeWide')}
                  />
                </>
              ) : null}
            </span>{' '}
            {[
              mayReview(s) && {
                label: t('statements.review', { language: language(s) }),
                call: () => api.reviewStatement(s.id),
              },
              canPublish &&
                s.status === 'reviewed' && {
                  label: t('action.publish', { language: language(s) }),
                  call: () => api.publishStatement(s.id),
                },
            ].map((step) =>
              step ? (
                <Button
                  key={step.label}
                  type="button"
                  unstyled
                  disabled={act.busy}
                  onClick={() => void act.run(step.call, reload)}
                >
                  {step.label}
                </Button>
              ) : null,
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

/**
 * The fields of a draft: its language, the statement it translates (an original without its
 * translation yet), and its text.
 */
export function StatementFields({
  e,
  bind,
  statements,
}: {
  e: FieldErrors;
  bind: (name: 'language' | 'translationOf' | 'text', id?: string) => BoundField;
  statements: readonly Statement[];
}) {
  const { t, label } = useI18n();
  const originals = statements.filter((s) => s.translationOf === null && s.translationId === null);
  return (
    <>
      <SelectField label={t('action.statementLanguage')} error={e.language} {...bind('language')}>
        <Options values={STATEMENT_LANGUAGES} labelOf={(x) => label('language', x)} />
      </SelectField>
      {originals.length > 0 ? (
        <SelectField
          label={t('action.translationOf')}
          error={e.translationOf}
          optional
          {...bind('translationOf', 'st-translation')}
        >
          <RecordOptions
            empty="—"
            records={originals}
            labelOf={(s) => `${label('language', s.language)}: ${s.text.slice(0, 60)}`}
          />
        </SelectField>
      ) : null}
      <TextArea label={t('action.statementText')} error={e.text} {...bind('text')} />
    </>
  );
}
