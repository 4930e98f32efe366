import { Select, Textarea } from '@trussworks/react-uswds';
import { api } from '../../../../api/client.ts';
import { CodeOptions } from '../../../../components/form/CodeOptions.tsx';
import { useFields } from '../../../../components/form/use-fields.ts';
import { Field } from '../../../../components/problems.tsx';
import { useI18n } from '../../../../i18n/i18n.tsx';
import { CaseForm, Section, type CaseCtx } from '../section.tsx';

/** Moves the case to a next stage the server offers, with its reason where one is asked. */
export function Stage({ c, reload, can }: CaseCtx) {
  const { t } = useI18n();
  const { values: f, bind, reset } = useFields({ to: '', reason: '', note: '' }, 'tr');
  const options = c.abilities.transitions;
  const chosen = options.find((o) => o.to === f.to) ?? options[0];
  return (
    <Section id="stage" title={t('case.actions')}>
      {!can('case.transition') || options.length === 0 ? (
        <p>{t('case.noActions')}</p>
      ) : (
        <CaseForm
          reload={reload}
          id="form-transition"
          title={t('action.move')}
          onSubmit={() =>
            api.transition(c.logNumber, {
              to: chosen!.to,
              ...(f.reason ? { reason: f.reason as never } : {}),
              ...(f.note.trim() ? { note: f.note } : {}),
              // the stage this page showed: if someone moved the case since, the server says 409
              expectedStatus: c.status,
            })
          }
          reset={() => reset()}
        >
          {(e) => (
            <>
              <Field id="tr-to" label={t('action.transitionTo')} error={e.to}>
                <Select {...bind('to')} value={chosen?.to ?? ''}>
                  <CodeOptions codes={options.map((o) => o.to)} kind="status" />
                </Select>
              </Field>
              {chosen?.reasons && chosen.reasons.length > 0 ? (
                <Field
                  id="tr-reason"
                  label={t('action.reason')}
                  error={e.reason}
                  optional={!chosen.reasonRequired}
                >
                  <Select {...bind('reason')}>
                    <option value="">—</option>
                    <CodeOptions codes={chosen.reasons} kind="reason" />
                  </Select>
                </Field>
              ) : null}
              <Field id="tr-note" label={t('action.note')} error={e.note} optional>
                <Textarea {...bind('note')} />
              </Field>
            </>
          )}
        </CaseForm>
      )}
    </Section>
  );
}
