import { ASSIGNMENT_ROLES, type AssignmentRole } from '../../../../../shared/enums.ts';
import { api } from '../../../../api/client.ts';
import { Options, SelectField, TextField } from '../../../../components/form/fields.tsx';
import { useFields } from '../../../../components/form/use-fields.ts';
import { useI18n } from '../../../../i18n/i18n.tsx';
import { CaseForm, Section, type CaseCtx } from '../section.tsx';

/** Who works the case and in which role; a form to assign someone by email. */
export function Assignments(ctx: CaseCtx) {
  const { c } = ctx;
  const { t, label, date } = useI18n();
  const {
    values: f,
    bind,
    field,
    set,
  } = useFields<{ email: string; role: AssignmentRole }>(
    { email: '', role: 'lead_investigator' },
    'as',
  );
  if (!c.assignments) {
    return null;
  }
  const send = () => api.assign(c.logNumber, { email: f.email.trim(), role: f.role });
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

      <CaseForm {...ctx} form="assign" onSubmit={send} reset={() => set('email', '')}>
        {(e) => (
          <>
            <TextField
              type="email"
              label={t('action.assignEmail')}
              error={e.email ?? e.userId}
              {...bind('email')}
            />
            <SelectField label={t('action.role')} {...field(e, 'role')}>
              <Options values={ASSIGNMENT_ROLES} labelOf={(x) => label('assignmentRole', x)} />
            </SelectField>
          </>
        )}
      </CaseForm>
    </Section>
  );
}
