import { useState } from 'react';
import type { FormEvent } from 'react';
import { Button, Checkbox, Fieldset, Tag } from '@trussworks/react-uswds';
import { LetterText } from '../../../../components/LetterText.tsx';
import { api } from '../../../../api/client.ts';
import { useAction } from '../../../../components/ActionForm.tsx';
import { DateField, Options, SelectField, TextArea } from '../../../../components/form/fields.tsx';
import { useFields } from '../../../../components/form/use-fields.ts';
import { ProblemAlert, fieldErrorsOf } from '../../../../components/problems.tsx';
import { useLoad } from '../../../../components/useLoad.ts';
import { useI18n } from '../../../../i18n/i18n.tsx';
import {
  DELAY_REASONS,
  LETTER_KINDS,
  type DelayReason,
  type LetterKind,
} from '../../../../../shared/letters.ts';
import type { LetterOut } from '../../../../../shared/schemas/letters.ts';
import type { CaseAbility } from '../../../../../shared/schemas/cases.ts';
import { Section, type CaseCtx } from '../section.tsx';

/*
 * The case page's letters (issue 18 item 5): write a letter of one kind to everyone it goes to,
 * preview each in the recipient's language, approve, send, retry, see the status. The server
 * decides who receives what and in which language; this section shows it and sends the actions.
 */

/** The languages staff write a request for information in (the letter packs on the server). */
const REQUEST_LANGUAGES = ['en', 'es'] as const;

/** A status tag: failures stand out. */
export function LetterStatusTag({ letter }: { letter: LetterOut }) {
  const { label } = useI18n();
  const color =
    letter.status === 'failed'
      ? 'bg-secondary-dark'
      : letter.status === 'sent'
        ? 'bg-green'
        : 'bg-accent-warm-dark';
  return (
    <Tag className={color} data-testid="letter-status">
      {label('letterStatus', letter.status)}
    </Tag>
  );
}

/** Why a letter is not sent, with the mail server's answer when there is one. */
export function LetterFailure({ letter }: { letter: LetterOut }) {
  const { t, label } = useI18n();
  if (letter.status !== 'failed' || !letter.failure) {
    return null;
  }
  return (
    <p className="text-secondary-dark margin-y-05" data-testid="letter-failure">
      {t('letters.failedWhy', { why: label('letterFailure', letter.failure) })}
      {letter.failureDetail ? (
        <>
          <br />
          <span className="usa-hint">
            {t('letters.serverAnswer', { detail: letter.failureDetail })}
          </span>
        </>
      ) : null}
    </p>
  );
}

/** The draft form's fields: the information asked for is one text area per request language. */
type DraftFields = {
  kind: LetterKind;
  respondBy: string;
} & Record<`requested-${(typeof REQUEST_LANGUAGES)[number]}`, string>;

/** Drafts one letter of a kind for everyone it goes to; the server's field problems sit by the fields. */
function DraftForm({ logNumber, onDone }: { logNumber: string; onDone: () => Promise<void> }) {
  const { t, label, fieldMessage } = useI18n();
  const {
    values: f,
    bind,
    field,
  } = useFields<DraftFields>({
    kind: 'acknowledgement',
    respondBy: '',
    'requested-en': '',
    'requested-es': '',
  });
  const [reasons, setReasons] = useState<DelayReason[]>([]);
  const { error, busy, run } = useAction();
  const e = fieldErrorsOf(error);
  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    const filled: Record<string, string> = {};
    for (const lang of REQUEST_LANGUAGES) {
      if (f[`requested-${lang}`].trim()) {
        filled[lang] = f[`requested-${lang}`];
      }
    }
    void run(
      () =>
        api.draftLetters(logNumber, {
          kind: f.kind,
          ...(f.kind === 'six_month_notice' && reasons.length > 0 ? { reasons } : {}),
          ...(f.kind === 'information_request'
            ? {
                ...(Object.keys(filled).length > 0 ? { requestedInformation: filled } : {}),
                ...(f.respondBy ? { respondBy: f.respondBy } : {}),
              }
            : {}),
        }),
      onDone,
    );
  };
  return (
    <form className="usa-form" onSubmit={submit} data-testid="letter-draft">
      <h3>{t('letters.draft')}</h3>
      <ProblemAlert error={error} />
      <SelectField
        label={t('letters.kind')}
        {...field(e, 'kind', 'letter-kind')}
        name="letter-kind"
      >
        <Options values={LETTER_KINDS} labelOf={(x) => label('letterKind', x)} />
      </SelectField>
      {f.kind === 'six_month_notice' ? (
        <Fieldset legend={t('letters.reasons')}>
          {e.reasons ? <p className="usa-error-message">{fieldMessage(e.reasons)}</p> : null}
          {DELAY_REASONS.map((r) => (
            <Checkbox
              key={r}
              id={`reason-${r}`}
              name="reasons"
              label={label('delayReason', r)}
              checked={reasons.includes(r)}
              onChange={(ev) =>
                setReasons((now) => (ev.target.checked ? [...now, r] : now.filter((x) => x !== r)))
              }
            />
          ))}
        </Fieldset>
      ) : null}
      {f.kind === 'information_request' ? (
        <>
          {REQUEST_LANGUAGES.map((lang) => (
            <TextArea
              key={lang}
              label={t('letters.requested', { language: label('language', lang) })}
              error={e[`requestedInformation.${lang}`]}
              lang={lang}
              {...bind(`requested-${lang}`)}
            />
          ))}
          <DateField
            label={t('letters.respondBy')}
            {...field(e, 'respondBy', 'respond-by')}
            name="respond-by"
          />
        </>
      ) : null}
      <Button type="submit" disabled={busy} data-testid="letter-write">
        {t('letters.write')}
      </Button>
    </form>
  );
}

function LetterRow({
  letter,
  can,
  onChange,
}: {
  letter: LetterOut;
  can: (a: CaseAbility) => boolean;
  onChange: () => Promise<void>;
}) {
  const { t, label, dateTime } = useI18n();
  const { error, busy, run } = useAction();
  const act = (action: 'approve' | 'send' | 'retry') =>
    void run(() => api.letterAction(letter.id, action), onChange);
  const to = [
    label('letterRecipient', letter.recipientKind),
    letter.recipient?.name ?? (letter.recipientMasked ? t('letters.masked') : null),
  ]
    .filter(Boolean)
    .join(': ');
  return (
    <li className="margin-bottom-3" data-testid="letter">
      <p className="margin-y-05">
        <strong>{label('letterKind', letter.kind)}</strong> · {t('letters.to')} {to} ·{' '}
        {label('language', letter.language)} ·{' '}
        {letter.channel ? label('letterChannel', letter.channel) : '—'}{' '}
        <LetterStatusTag letter={letter} />
      </p>
      <LetterFailure letter={letter} />
      {letter.approvedAt ? (
        <p className="usa-hint margin-y-05">
          {t('letters.approved', { date: dateTime(letter.approvedAt) })}
        </p>
      ) : null}
      {letter.sentAt ? (
        <p className="usa-hint margin-y-05">
          {t('letters.sentAt', { date: dateTime(letter.sentAt) })}
        </p>
      ) : null}
      <details>
        <summary>{t('letters.preview')}</summary>
        <div lang={letter.language} data-testid="letter-preview">
          <p>
            <strong>{letter.subject}</strong>
          </p>
          <LetterText body={letter.body} language={letter.language} />
        </div>
      </details>
      <ProblemAlert error={error} />
      <div className="margin-top-1">
        {can('case.approve_letter') && !letter.approvedAt && letter.status !== 'sent' ? (
          <Button type="button" outline disabled={busy} onClick={() => act('approve')}>
            {t('letters.approve')}
          </Button>
        ) : null}
        {can('case.send_letter') && letter.approvedAt && letter.status === 'queued' ? (
          <Button type="button" disabled={busy} onClick={() => act('send')}>
            {t('letters.send')}
          </Button>
        ) : null}
        {can('case.send_letter') && letter.status === 'failed' ? (
          <Button type="button" outline disabled={busy} onClick={() => act('retry')}>
            {t('letters.retry')}
          </Button>
        ) : null}
        {can('case.send_letter') && letter.channel === 'print' ? (
          <a className="usa-button usa-button--unstyled" href={`/api/v1/letters/${letter.id}/pdf`}>
            {t('letters.pdf')}
          </a>
        ) : null}
      </div>
    </li>
  );
}

/** The letters section of the case page. */
export function CaseLetters({ c, can }: CaseCtx) {
  const { t } = useI18n();
  const { logNumber } = c;
  const { data, error, reload } = useLoad(() => api.caseLetters(logNumber), [logNumber]);
  return (
    <Section id="letters" title={t('letters.title')}>
      <p>{t('letters.intro')}</p>
      <ProblemAlert error={error} />
      {data && data.items.length === 0 ? <p>{t('letters.none')}</p> : null}
      {data && data.items.length > 0 ? (
        <ul className="usa-list usa-list--unstyled">
          {data.items.map((l) => (
            <LetterRow key={l.id} letter={l} can={can} onChange={reload} />
          ))}
        </ul>
      ) : null}
      {can('case.draft_letter') ? <DraftForm logNumber={logNumber} onDone={reload} /> : null}
    </Section>
  );
}
