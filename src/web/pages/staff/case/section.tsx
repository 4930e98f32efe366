import type { ReactNode } from 'react';
import type { CaseAbility } from '../../../../shared/schemas/cases.ts';
import type { Case } from '../../../api/client.ts';
import { ActionForm } from '../../../components/ActionForm.tsx';
import { PageSection } from '../../../components/PageSection.tsx';
import { DataTable as SharedTable, type TableContent } from '../../../components/DataTable.tsx';
import type { FieldErrors } from '../../../components/problems.tsx';
import type { MessageKey } from '../../../i18n/en.ts';
import { useI18n } from '../../../i18n/i18n.tsx';

/**
 * What every section of the case page is given. `can` asks the case's `abilities` only: the page
 * never re-derives who may do what.
 */
export type CaseCtx = { c: Case; reload: () => Promise<void>; can: (a: CaseAbility) => boolean };

/** A section's context for a loaded case. */
export function caseCtx(c: Case, reload: () => Promise<void>): CaseCtx {
  return { c, reload, can: (a) => c.abilities.actions.includes(a) };
}

/** One section of the case page (heading id `sec-…`, test id `section-…`). */
export function Section({
  id,
  title,
  children,
}: {
  id: string;
  title: string;
  children: ReactNode;
}) {
  return (
    <PageSection id={`sec-${id}`} title={title} testId={`section-${id}`}>
      {children}
    </PageSection>
  );
}

/**
 * A section's data table (the shared `DataTable`, its caption and empty sentence by message key);
 * with no rows, the `empty` sentence instead.
 */
export function DataTable<Row>({
  caption,
  empty,
  ...content
}: TableContent<Row> & { caption: MessageKey; empty: MessageKey }) {
  const { t } = useI18n();
  return <SharedTable caption={t(caption)} empty={t(empty)} {...content} />;
}

/**
 * The case page's action forms: the test id (`form-…`, which journeys open), the abilities any
 * of which shows the form (the server's `abilities.actions`, never re-derived here), its title
 * and its submit label (the title when none).
 */
const FORMS = {
  rerouting: ['form-accept-rerouting', ['case.accept_rerouting'], 'action.acceptRerouting'],
  correct: ['form-correct', ['case.correct_facts'], 'action.correct'],
  transition: ['form-transition', ['case.transition'], 'action.move'],
  reportedOfficer: [
    'form-reported-officer',
    ['case.add_allegation'],
    'case.reported.confirm',
    'common.save',
  ],
  allegation: ['form-allegation', ['case.add_allegation'], 'action.allegation', 'action.add'],
  finding: [
    'form-finding',
    ['case.record_recommended_finding', 'case.record_final_finding'],
    'action.finding',
    'common.save',
  ],
  activity: ['form-activity', ['case.log_activity'], 'action.activity', 'action.add'],
  duty: [
    'form-duty',
    ['case.recommend_duty_status', 'case.decide_duty_status'],
    'action.duty',
    'common.save',
  ],
  agency: ['form-agency', ['case.add_agency'], 'action.addAgency', 'action.add'],
  assign: ['form-assign', ['case.assign'], 'action.assign', 'action.add'],
  extend: ['form-extend', ['case.extend_deadline'], 'action.extend'],
  statement: ['form-statement', ['case.draft_statement'], 'action.statement', 'action.add'],
  press: ['form-press', ['case.log_press_inquiry'], 'action.pressInquiry', 'action.add'],
} satisfies Record<string, readonly [string, CaseAbility[], MessageKey, MessageKey?]>;

/** May the caller use this form of the case page? */
export function canUse(can: CaseCtx['can'], form: keyof typeof FORMS): boolean {
  return FORMS[form][1].some((a: CaseAbility) => can(a));
}

/**
 * An action form of the case page, shown only when the case lists one of its abilities: on
 * success it clears what `reset` clears and reloads the case; a 409 offers to reload it. `vars`
 * fill the title's placeholders.
 */
export function CaseForm({
  form,
  can,
  reload,
  vars,
  onSubmit,
  reset,
  children,
}: {
  form: keyof typeof FORMS;
  can: CaseCtx['can'];
  reload: () => Promise<void>;
  vars?: Record<string, string>;
  onSubmit: () => Promise<unknown>;
  reset?: () => void;
  children: (errors: FieldErrors) => ReactNode;
}) {
  const { t } = useI18n();
  if (!canUse(can, form)) {
    return null;
  }
  const [id, , title, submit = title] = FORMS[form];
  return (
    <ActionForm
      id={id}
      title={t(title, vars)}
      submitLabel={t(submit, vars)}
      onReload={() => void reload()}
      onSubmit={onSubmit}
      onDone={async () => {
        reset?.();
        await reload();
      }}
    >
      {children}
    </ActionForm>
  );
}
