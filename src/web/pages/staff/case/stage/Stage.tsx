import { api } from '../../../../api/client.ts';
import { Options, SelectField, TextArea } from '../../../../components/form/fields.tsx';
import { useFields } from '../../../../components/form/use-fields.ts';
import { useI18n } from '../../../../i18n/i18n.tsx';
import { CaseForm, Section, type CaseCtx } from '../section.tsx';

/** Moves the case to a next stage the server offers, with its reason where one is asked. */
export function Stage(ctx: CaseCtx) {
  const { c, can } = ctx;
  const { t, label } = useI18n();
  const { values: f, field, reset } = useFields({ to: '', reason: '', note: '' }, 'tr');
  const options = c.abilities.transitions;
  const chosen = options.find((o) => o.to === f.to) ?? options[0];
  const send = () =>
    api.transition(c.logNumber, {
      to: chosen!.to,
      ...(f.reason ? { reason: f.reason as never } : {}),
      ...(f.note.trim() ? { note: f.note } : {}),
      // the stage this page showed: if someone moved the case since, the server says 409
      expectedStatus: c.status,
    });
  return (
    <Section id="stage" title={t('case.actions')}>
      {!can('case.transition') || options.length === 0 ? (
        <p>{t('case.noActions')}</p>
      ) : (
        <CaseForm {...ctx} form="transition" onSubmit={send} reset={reset}>
          {(e) => (
            <>
              <SelectField
                label={t('action.transitionTo')}
                {...field(e, 'to')}
                value={chosen?.to ?? ''}
              >
                <Options values={options.map((o) => o.to)} labelOf={(x) => label('status', x)} />
              </SelectField>
              {chosen?.reasons && chosen.reasons.length > 0 ? (
                <SelectField
                  label={t('action.reason')}
                  optional={!chosen.reasonRequired}
                  {...field(e, 'reason')}
                >
                  <Options values={chosen.reasons} labelOf={(x) => label('reason', x)} empty="—" />
                </SelectField>
              ) : null}
              <TextArea label={t('action.note')} optional {...field(e, 'note')} />
            </>
          )}
        </CaseForm>
      )}
    </Section>
  );
}
