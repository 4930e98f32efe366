import { Button, TextInput, Textarea } from '@trussworks/react-uswds';
import { api } from '../../../../api/client.ts';
import { useAction } from '../../../../components/ActionForm.tsx';
import { useFields } from '../../../../components/form/use-fields.ts';
import { Field, ProblemAlert } from '../../../../components/problems.tsx';
import { chicagoToIso, nowChicagoLocal, useI18n } from '../../../../i18n/i18n.tsx';
import { CaseForm, Section, type CaseCtx } from '../section.tsx';

/** Questions from the press about the case, each answered with a published statement. */
export function PressInquiries({ c, reload, can }: CaseCtx) {
  const { t, dateTime } = useI18n();
  const {
    values: f,
    bind,
    reset,
  } = useFields({ outlet: '', question: '', receivedAt: nowChicagoLocal() }, 'pr');
  const answer = useAction();
  if (!c.pressInquiries) {
    return null;
  }
  const published = c.statements.filter((s) => s.status === 'published');
  return (
    <Section id="press" title={t('case.pressInquiries')}>
      <ProblemAlert error={answer.error} onReload={() => void reload()} />
      {c.pressInquiries.length === 0 ? <p>{t('case.noPress')}</p> : null}
      <ul className="usa-list">
        {c.pressInquiries.map((p) => (
          <li key={p.id}>
            <strong>{p.outlet}</strong> ({dateTime(p.receivedAt)}): {p.question}{' '}
            {p.answeredAt
              ? `✓ ${dateTime(p.answeredAt)}`
              : can('case.log_press_inquiry')
                ? published.map((s) => (
                    <Button
                      key={s.id}
                      type="button"
                      unstyled
                      onClick={() =>
                        void answer.run(() => api.answerPressInquiry(p.id, s.id), reload)
                      }
                    >
                      {t('action.answer')} ({s.language})
                    </Button>
                  ))
                : null}
          </li>
        ))}
      </ul>
      {can('case.log_press_inquiry') ? (
        <CaseForm
          reload={reload}
          id="form-press"
          title={t('action.pressInquiry')}
          submitLabel={t('action.add')}
          onSubmit={() =>
            api.logPressInquiry(c.logNumber, {
              outlet: f.outlet,
              question: f.question,
              receivedAt: chicagoToIso(f.receivedAt),
            })
          }
          reset={() => reset()}
        >
          {(e) => (
            <>
              <Field id="pr-outlet" label={t('action.outlet')} error={e.outlet}>
                <TextInput type="text" {...bind('outlet')} />
              </Field>
              <Field id="pr-question" label={t('action.question')} error={e.question}>
                <Textarea {...bind('question')} />
              </Field>
              <Field id="pr-at" label={t('case.received')} error={e.receivedAt}>
                <input
                  className="usa-input"
                  type="datetime-local"
                  {...bind('receivedAt', 'pr-at')}
                />
              </Field>
            </>
          )}
        </CaseForm>
      ) : null}
    </Section>
  );
}
