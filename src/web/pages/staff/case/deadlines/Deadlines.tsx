import { Button, TextInput } from '@trussworks/react-uswds';
import { api } from '../../../../api/client.ts';
import { useAction } from '../../../../components/ActionForm.tsx';
import { SelectField, TextArea, RecordOptions } from '../../../../components/form/fields.tsx';
import { useFields } from '../../../../components/form/use-fields.ts';
import { Field, ProblemAlert } from '../../../../components/problems.tsx';
import { useI18n } from '../../../../i18n/i18n.tsx';
import { CaseForm, DataTable, Section, type CaseCtx } from '../section.tsx';

/** The case's clocks with their clauses and extensions; completing and extending them. */
export function Deadlines(ctx: CaseCtx) {
  const { c, reload, can } = ctx;
  const { t, label, date, bilingual } = useI18n();
  const { values: f, bind, field, set } = useFields({ deadline: '', days: '30', reason: '' }, 'ex');
  const complete = useAction();
  if (!c.deadlines) {
    return null;
  }
  const open = c.deadlines.filter((d) => !d.metAt && !d.supersededAt);
  const chosen = open.find((d) => d.id === f.deadline) ?? open[0];
  // sent only from the form, which shows only while a deadline is open
  const send = () =>
    api.extendDeadline(c.logNumber, chosen!.id, { days: Number(f.days), reason: f.reason });
  return (
    <Section id="deadlines" title={t('case.deadlines')}>
      <ProblemAlert error={complete.error} onReload={() => void reload()} />
      <DataTable
        caption="case.deadlines"
        empty="case.noDeadlines"
        rows={c.deadlines}
        columns={[
          {
            header: 'col.kind',
            cell: (d) => (
              <>
                {label('deadlineKind', d.kind)}
                {d.sequence > 1 ? ` #${d.sequence}` : ''}
                <br />
                <span className="usa-hint">
                  {t('case.countedFrom', {
                    anchor: label('deadlineAnchor', d.anchor.kind),
                    date: date(d.anchor.date),
                  })}
                </span>
              </>
            ),
          },
          { header: 'col.due', cell: (d) => date(d.dueDate) },
          {
            header: 'col.clause',
            cell: (d) => (
              <>
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
              </>
            ),
          },
          {
            header: 'col.status',
            cell: (d) =>
              d.metAt ? (
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
              ),
          },
        ]}
      />
      {chosen ? (
        <CaseForm {...ctx} form="extend" onSubmit={send} reset={() => set('reason', '')}>
          {(e) => (
            <>
              <SelectField label={t('col.kind')} {...bind('deadline')} value={chosen.id}>
                <RecordOptions
                  records={open}
                  labelOf={(d) => `${label('deadlineKind', d.kind)} — ${date(d.dueDate)}`}
                />
              </SelectField>
              <Field id="ex-days" label={t('action.extendDays')} error={e.days}>
                <TextInput type="number" min={1} max={365} {...bind('days')} />
              </Field>
              <TextArea label={t('col.reason')} {...field(e, 'reason')} />
            </>
          )}
        </CaseForm>
      ) : null}
    </Section>
  );
}
