import { Button, Select, TextInput, Textarea } from '@trussworks/react-uswds';
import { api } from '../../../../api/client.ts';
import { useAction } from '../../../../components/ActionForm.tsx';
import { useFields } from '../../../../components/form/use-fields.ts';
import { Field, ProblemAlert } from '../../../../components/problems.tsx';
import { useI18n } from '../../../../i18n/i18n.tsx';
import { CaseForm, DataTable, Section, type CaseCtx } from '../section.tsx';

/** The case's clocks with their clauses and extensions; completing and extending them. */
export function Deadlines({ c, reload, can }: CaseCtx) {
  const { t, label, date, bilingual } = useI18n();
  const { values: f, bind, set } = useFields({ deadline: '', days: '30', reason: '' }, 'ex');
  const complete = useAction();
  if (!c.deadlines) {
    return null;
  }
  const open = c.deadlines.filter((d) => !d.metAt && !d.supersededAt);
  const chosen = open.find((d) => d.id === f.deadline) ?? open[0];
  return (
    <Section id="deadlines" title={t('case.deadlines')}>
      <ProblemAlert error={complete.error} onReload={() => void reload()} />
      {c.deadlines.length === 0 ? (
        <p>{t('case.noDeadlines')}</p>
      ) : (
        <DataTable
          caption={t('case.deadlines')}
          columns={[t('col.kind'), t('col.due'), t('col.clause'), t('col.status')]}
        >
          {c.deadlines.map((d) => (
            <tr key={d.id}>
              <th scope="row">
                {label('deadlineKind', d.kind)}
                {d.sequence > 1 ? ` #${d.sequence}` : ''}
                <br />
                <span className="usa-hint">
                  {t('case.countedFrom', {
                    anchor: label('deadlineAnchor', d.anchor.kind),
                    date: date(d.anchor.date),
                  })}
                </span>
              </th>
              <td>{date(d.dueDate)}</td>
              <td>
                {d.clause}
                <br />
                <span className="usa-hint">{bilingual(d.basis, d.basisEs)}</span>
                {d.extensions.map((x, i) => (
                  <div key={i} className="usa-hint">
                    {t('case.extendedTo', {
                      days: x.days,
                      date: date(x.newDueDate),
                      reason: x.reason,
                    })}
                  </div>
                ))}
              </td>
              <td>
                {d.metAt ? (
                  t('case.met', { date: date(d.metAt) })
                ) : d.supersededAt ? (
                  t('case.superseded', { date: date(d.supersededAt) })
                ) : can('case.complete_deadline') ? (
                  <Button
                    type="button"
                    unstyled
                    onClick={() =>
                      void complete.run(() => api.completeDeadline(c.logNumber, d.id), reload)
                    }
                  >
                    {t('action.complete')} — {label('deadlineKind', d.kind)}
                  </Button>
                ) : (
                  '—'
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      {can('case.extend_deadline') && chosen ? (
        <CaseForm
          reload={reload}
          id="form-extend"
          title={t('action.extend')}
          onSubmit={() =>
            api.extendDeadline(c.logNumber, chosen.id, { days: Number(f.days), reason: f.reason })
          }
          reset={() => set('reason', '')}
        >
          {(e) => (
            <>
              <Field id="ex-deadline" label={t('col.kind')}>
                <Select {...bind('deadline')} value={chosen.id}>
                  {open.map((d) => (
                    <option key={d.id} value={d.id}>
                      {label('deadlineKind', d.kind)} — {date(d.dueDate)}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field id="ex-days" label={t('action.extendDays')} error={e.days}>
                <TextInput type="number" min={1} max={365} {...bind('days')} />
              </Field>
              <Field id="ex-reason" label={t('col.reason')} error={e.reason}>
                <Textarea {...bind('reason')} />
              </Field>
            </>
          )}
        </CaseForm>
      ) : null}
    </Section>
  );
}
