import { Select, TextInput } from '@trussworks/react-uswds';
import { ASSIGNMENT_ROLES, type AssignmentRole } from '../../../../../shared/enums.ts';
import { api } from '../../../../api/client.ts';
import { CodeOptions } from '../../../../components/form/CodeOptions.tsx';
import { useFields } from '../../../../components/form/use-fields.ts';
import { Field } from '../../../../components/problems.tsx';
import { useI18n } from '../../../../i18n/i18n.tsx';
import { CaseForm, Section, type CaseCtx } from '../section.tsx';

/** Who works the case and in which role; a form to assign someone by email. */
export function Assignments({ c, reload, can }: CaseCtx) {
  const { t, label, date } = useI18n();
  const {
    values: f,
    bind,
    set,
  } = useFields<{ email: string; role: AssignmentRole }>(
    { email: '', role: 'lead_investigator' },
    'as',
  );
  if (!c.assignments) {
    return null;
  }
  return (
    <Section id="assignments" title={t('case.assignments')}>
      {c.assignments.length === 0 ? (
        <p>{t('case.noAssignments')}</p>
      ) : (
        <ul className="usa-list" data-testid="assignments">
          {c.assignments.map((a) => (
            <li key={a.id}>
              {a.displayName} ({a.agency}) — {label('assignmentRole', a.role)}, {date(a.assignedAt)}
            </li>
          ))}
        </ul>
      )}
      {can('case.assign') ? (
        <CaseForm
          reload={reload}
          id="form-assign"
          title={t('action.assign')}
          submitLabel={t('action.add')}
          onSubmit={() => api.assign(c.logNumber, { email: f.email.trim(), role: f.role })}
          reset={() => set('email', '')}
        >
          {(e) => (
            <>
              <Field id="as-email" label={t('action.assignEmail')} error={e.email ?? e.userId}>
                <TextInput type="email" {...bind('email')} />
              </Field>
              <Field id="as-role" label={t('action.role')} error={e.role}>
                <Select {...bind('role')}>
                  <CodeOptions codes={ASSIGNMENT_ROLES} kind="assignmentRole" />
                </Select>
              </Field>
            </>
          )}
        </CaseForm>
      ) : null}
    </Section>
  );
}
