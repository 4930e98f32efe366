import { useState } from 'react';
import { Button, ButtonGroup } from '@trussworks/react-uswds';
import { api } from '../../../api/client.ts';
import { publicApi } from '../../../api/public-client.ts';
import { ActionForm } from '../../../components/ActionForm.tsx';
import { TextField } from '../../../components/form/fields.tsx';
import { ProblemAlert } from '../../../components/problems.tsx';
import { useLoad } from '../../../components/useLoad.ts';
import { usePageTitle } from '../../../components/usePageTitle.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { useSession } from '../session.tsx';
import { PressInquiryItem } from './PressInquiryItem.tsx';
import { PressInquiryFields, usePressInquiryFields } from './PressInquiryFields.tsx';

/** Log numbers typed with spaces or commas between them. */
function logNumbersOf(text: string): string[] {
  return text.split(/[\s,]+/u).filter((s) => s !== '');
}

/**
 * The office's press-inquiry log (issue 22 item 3) for the public-information role and the chief
 * administrator: open inquiries oldest first with their committed deadline and overdue marking,
 * or the latest answered; logging an inquiry about no case or several; answering; reviewing.
 */
export function PressPage() {
  const { t } = useI18n();
  const me = useSession().user;
  usePageTitle(t('press.title'));
  const [state, setState] = useState<'open' | 'answered'>('open');
  const { data, error, reload } = useLoad(() => api.pressInquiries(state), [state]);
  // the latest published statements (office-wide or about a case) an inquiry may be answered with
  const statements = useLoad(() => publicApi.statements({ page: 1, pageSize: 20 }), []);
  const { bind, reset, body } = usePressInquiryFields('pq');
  const [cases, setCases] = useState('');
  return (
    <>
      <h1>{t('press.title')}</h1>
      <p className="usa-intro">{t('press.intro')}</p>
      <ProblemAlert error={error} />
      {data?.can.log ? (
        <ActionForm
          id="form-press-log"
          title={t('press.log')}
          submitLabel={t('action.add')}
          onReload={() => void reload()}
          onSubmit={() => api.logOfficePressInquiry({ ...body(), logNumbers: logNumbersOf(cases) })}
          onDone={async () => {
            reset();
            setCases('');
            await reload();
          }}
        >
          {(e) => (
            <>
              <PressInquiryFields bind={bind} errors={e} idPrefix="pq" />
              <TextField
                id="pq-cases"
                name="logNumbers"
                type="text"
                label={t('press.cases')}
                optional
                error={e.logNumbers ?? e['logNumbers.0']}
                value={cases}
                onChange={(ev) => setCases(ev.target.value)}
              />
            </>
          )}
        </ActionForm>
      ) : null}
      <ButtonGroup type="segmented" className="margin-y-2">
        {(['open', 'answered'] as const).map((s) => (
          <Button
            key={s}
            type="button"
            outline={state !== s}
            aria-pressed={state === s}
            onClick={() => setState(s)}
          >
            {t(s === 'open' ? 'press.showOpen' : 'press.showAnswered')}
          </Button>
        ))}
      </ButtonGroup>
      {data && data.items.length === 0 ? (
        <p>{t(state === 'open' ? 'press.noOpen' : 'press.noAnswered')}</p>
      ) : null}
      <ul className="usa-list usa-list--unstyled" data-testid="press-log">
        {data?.items.map((p) => (
          <PressInquiryItem
            key={p.id}
            p={p}
            statements={(statements.data?.items ?? []).filter(
              (s) =>
                s.logNumbers.length === 0 || s.logNumbers.some((n) => p.logNumbers.includes(n)),
            )}
            canAnswer={data.can.answer}
            canReview={data.can.review}
            meId={me.id}
            onChange={reload}
          />
        ))}
      </ul>
    </>
  );
}
