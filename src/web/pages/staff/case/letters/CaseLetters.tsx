import { useState } from 'react';
import { Button, Checkbox, Fieldset, Label, Select, Tag, Textarea } from '@trussworks/react-uswds';
import { DateInput, LetterText } from '../../../../components/LetterText.tsx';
import { api } from '../../../../api/client.ts';
import { ProblemAlert } from '../../../../components/problems.tsx';
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

function DraftForm({ logNumber, onDone }: { logNumber: string; onDone: () => Promise<void> }) {
  const { t, label } = useI18n();
  const [kind, setKind] = useState<LetterKind>('acknowledgement');
  const [reasons, setReasons] = useState<DelayReason[]>([]);
  const [requested, setRequested] = useState<Record<string, string>>({});
  const [respondBy, setRespondBy] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const filled = Object.fromEntries(Object.entries(requested).filter(([, v]) => v.trim()));
      await api.draftLetters(logNumber, {
        kind,
        ...(kind === 'six_month_notice' && reasons.length > 0 ? { reasons } : {}),
        ...(kind === 'information_request'
          ? {
              ...(Object.keys(filled).length > 0 ? { requestedInformation: filled } : {}),
              ...(respondBy ? { respondBy } : {}),
            }
          : {}),
      });
      await onDone();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="usa-form" onSubmit={(e) => void submit(e)} data-testid="letter-draft">
      <h3>{t('letters.draft')}</h3>
      <ProblemAlert error={error} />
      <Label htmlFor="letter-kind">{t('letters.kind')}</Label>
      <Select
        id="letter-kind"
        name="letter-kind"
        value={kind}
        onChange={(e) => setKind(e.target.value as LetterKind)}
      >
        {LETTER_KINDS.map((k) => (
          <option key={k} value={k}>
            {label('letterKind', k)}
          </option>
        ))}
      </Select>
      {kind === 'six_month_notice' ? (
        <Fieldset legend={t('letters.reasons')}>
          {DELAY_REASONS.map((r) => (
            <Checkbox
              key={r}
              id={`reason-${r}`}
              name="reasons"
              label={label('delayReason', r)}
              checked={reasons.includes(r)}
              onChange={(e) =>
                setReasons((now) => (e.target.checked ? [...now, r] : now.filter((x) => x !== r)))
              }
            />
          ))}
        </Fieldset>
      ) : null}
      {kind === 'information_request' ? (
        <>
          {REQUEST_LANGUAGES.map((lang) => (
            <div key={lang}>
              <Label htmlFor={`requested-${lang}`}>
                {t('letters.requested', { language: label('language', lang) })}
              </Label>
              <Textarea
                id={`requested-${lang}`}
                name={`requested-${lang}`}
                lang={lang}
                value={requested[lang] ?? ''}
                onChange={(e) => setRequested((now) => ({ ...now, [lang]: e.target.value }))}
              />
            </div>
          ))}
          <DateInput
            id="respond-by"
            label={t('letters.respondBy')}
            value={respondBy}
            onChange={setRespondBy}
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
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const act = async (action: 'approve' | 'send' | 'retry') => {
    setBusy(true);
    setError(null);
    try {
      await api.letterAction(letter.id, action);
      await onChange();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
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
          <Button type="button" outline disabled={busy} onClick={() => void act('approve')}>
            {t('letters.approve')}
          </Button>
        ) : null}
        {can('case.send_letter') && letter.approvedAt && letter.status === 'queued' ? (
          <Button type="button" disabled={busy} onClick={() => void act('send')}>
            {t('letters.send')}
          </Button>
        ) : null}
        {can('case.send_letter') && letter.status === 'failed' ? (
          <Button type="button" outline disabled={busy} onClick={() => void act('retry')}>
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
export function CaseLetters({
  logNumber,
  can,
}: {
  logNumber: string;
  can: (a: CaseAbility) => boolean;
}) {
  const { t } = useI18n();
  const { data, error, reload } = useLoad(() => api.caseLetters(logNumber), [logNumber]);
  return (
    <section className="ovs-section" aria-labelledby="sec-letters" data-testid="section-letters">
      <h2 id="sec-letters">{t('letters.title')}</h2>
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
    </section>
  );
}
