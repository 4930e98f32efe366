import { Button } from '@trussworks/react-uswds';
import { api } from '../../../../api/client.ts';
import { useAction } from '../../../../components/ActionForm.tsx';
import { DateTimeField, TextArea, TextField } from '../../../../components/form/fields.tsx';
import { useFields } from '../../../../components/form/use-fields.ts';
import { ProblemAlert } from '../../../../components/problems.tsx';
import { chicagoToIso, nowChicagoLocal, useI18n } from '../../../../i18n/i18n.tsx';
import { CaseForm, Section, type CaseCtx } from '../section.tsx';

/** Questions from the press about the case, each answered with a published statement. */
export function PressInquiries(ctx: CaseCtx) {
  const { c, reload, can } = ctx;
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
  const send = () =>
    api.logPressInquiry(c.logNumber, {
      outlet: f.outlet,
      question: f.question,
      receivedAt: chicagoToIso(f.receivedAt),
    });
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

      <CaseForm {...ctx} form="press" onSubmit={send} reset={reset}>
        {(e) => (
          <>
            <TextField
              type="text"
              label={t('action.outlet')}
              error={e.outlet}
              {...bind('outlet')}
            />
            <TextArea label={t('action.question')} error={e.question} {...bind('question')} />
            <DateTimeField
              label={t('case.received')}
              error={e.receivedAt}
              {...bind('receivedAt', 'pr-at')}
            />
          </>
        )}
      </CaseForm>
    </Section>
  );
}
