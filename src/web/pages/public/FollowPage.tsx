import { LetterText } from '../../components/LetterText.tsx';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { Alert, Button, TextInput } from '@trussworks/react-uswds';
import {
  ComplaintAdditionRequest,
  ComplaintLookupRequest,
} from '../../../shared/schemas/public.ts';
import { ApiError } from '../../api/http.ts';
import { publicApi } from '../../api/public-client.ts';
import type { ComplaintStatus } from '../../api/public-client.ts';
import { TextArea, TextField } from '../../components/form/fields.tsx';
import { useSubmit } from '../../components/form/use-submit.ts';
import { Field, ProblemAlert, describedBy, validate } from '../../components/problems.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { StackedTable } from '../../components/StackedTable.tsx';

/**
 * Follow a complaint with its confirmation number and passphrase. Both are POSTed in the body
 * and kept only in this page's memory: a URL would leave them in history, logs and referrers.
 */
export function FollowPage() {
  const { t, label, date, dateTime, bilingual } = useI18n();
  const [confirmationNumber, setConfirmationNumber] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [showPassphrase, setShowPassphrase] = useState(false);
  const [status, setStatus] = useState<ComplaintStatus | null>(null);
  const found = useSubmit();
  const adding = useSubmit();
  const { error, fields } = found;
  const busy = found.busy || adding.busy;
  const [addition, setAddition] = useState('');
  const [addedAt, setAddedAt] = useState<string | null>(null);

  const lookup = async (e: FormEvent) => {
    e.preventDefault();
    await found.submit(
      validate(ComplaintLookupRequest, { confirmationNumber, passphrase }),
      async () => setStatus(await publicApi.lookup(confirmationNumber, passphrase)),
      () => setStatus(null),
    );
  };

  const add = async (e: FormEvent) => {
    e.preventDefault();
    await adding.submit(
      validate(ComplaintAdditionRequest, { confirmationNumber, passphrase, text: addition }),
      async () => {
        const r = await publicApi.addInformation(confirmationNumber, passphrase, addition);
        setAddedAt(r.receivedAt);
        setAddition('');
        setStatus(await publicApi.lookup(confirmationNumber, passphrase));
      },
    );
  };

  const notFound = error instanceof ApiError && (error.status === 404 || error.status === 401);

  return (
    <>
      <PageHeading title={t('pub.follow.title')} intro={t('pub.follow.intro')} />
      {notFound ? (
        <Alert type="error" headingLevel="h2" slim role="alert" data-testid="problem">
          {t('pub.follow.notFound')}
        </Alert>
      ) : (
        <ProblemAlert error={error} />
      )}
      <form className="usa-form" method="post" onSubmit={(e) => void lookup(e)} noValidate>
        <TextField
          id="confirmationNumber"
          name="confirmationNumber"
          label={t('pub.follow.confirmation')}
          error={fields.confirmationNumber}
          hint={t('pub.follow.confirmationHint')}
          autoComplete="off"
          spellCheck={false}
          value={confirmationNumber}
          onChange={(e) => setConfirmationNumber(e.target.value)}
        />
        <Field
          id="passphrase"
          label={t('pub.follow.passphrase')}
          error={fields.passphrase}
          hint={t('pub.follow.passphraseHint')}
        >
          <TextInput
            id="passphrase"
            name="passphrase"
            type={showPassphrase ? 'text' : 'password'}
            autoComplete="off"
            spellCheck={false}
            value={passphrase}
            onChange={(e) => setPassphrase(e.target.value)}
            aria-describedby={describedBy('passphrase', fields.passphrase, true)}
            validationStatus={fields.passphrase ? 'error' : undefined}
          />
          {/* USWDS "show password": the words are long; a person checks what they typed */}
          <Button
            type="button"
            unstyled
            className="margin-top-1"
            aria-controls="passphrase"
            aria-pressed={showPassphrase}
            onClick={() => setShowPassphrase((v) => !v)}
          >
            {t(showPassphrase ? 'pub.follow.hidePassphrase' : 'pub.follow.showPassphrase')}
          </Button>
        </Field>
        <Button type="submit" disabled={busy} data-testid="follow-submit">
          {t('pub.follow.submit')}
        </Button>
      </form>
      {status ? (
        <section
          aria-labelledby="follow-status"
          className="margin-top-4"
          data-testid="follow-status"
        >
          <h2 id="follow-status">
            {t('pub.receipt.logNumber')} {status.logNumber}
          </h2>
          <dl className="ovs-dl">
            <dt>{t('pub.follow.status')}</dt>
            <dd data-testid="follow-stage">{label('status', status.status)}</dd>
            <dt>{t('pub.follow.received')}</dt>
            <dd>{dateTime(status.receivedAt)}</dd>
            <dt>{t('pub.follow.agency')}</dt>
            <dd data-testid="follow-agency">{status.investigatingAgency}</dd>
            <dt>{t('pub.follow.nextClock')}</dt>
            <dd data-testid="follow-clock">
              {status.nextClock ? (
                <>
                  {t('pub.follow.nextClockDue', {
                    kind: label('deadlineKind', status.nextClock.kind),
                    date: date(status.nextClock.dueDate),
                  })}
                  <br />
                  <span className="usa-hint">
                    {bilingual(status.nextClock.basis, status.nextClock.basisEs)}
                  </span>
                </>
              ) : (
                t('pub.follow.nextClockNone')
              )}
            </dd>
          </dl>
          {status.receivesLetters ? null : (
            <p data-testid="follow-no-letters">{t('pub.follow.noLetters')}</p>
          )}
          {status.notices.length > 0 ? (
            <>
              <h3>{t('pub.follow.notices')}</h3>
              {status.notices.map((n, i) => (
                <article
                  key={i}
                  className="margin-bottom-3"
                  lang={n.language}
                  data-testid="follow-notice"
                >
                  <h4>{n.subject}</h4>
                  <p className="usa-hint">
                    {t('pub.follow.noticeSent', { date: dateTime(n.sentAt) })}
                  </p>
                  <LetterText body={n.body} language={n.language} />
                </article>
              ))}
            </>
          ) : null}
          <h3>{t('pub.follow.history')}</h3>
          <StackedTable
            rows={status.stages}
            columns={[
              { header: 'pub.follow.stage', cell: (s) => label('status', s.status) },
              { header: 'pub.follow.date', cell: (s) => dateTime(s.at) },
              { header: 'pub.follow.reason', cell: (s) => label('reason', s.reason) },
            ]}
          />
          <p data-testid="follow-added">
            {t('pub.follow.added', { count: status.informationAdded })}
          </p>
          <h3>{t('pub.follow.add.title')}</h3>
          {addedAt ? (
            <Alert type="success" headingLevel="h4" slim role="status" data-testid="added">
              {t('pub.follow.add.done', { date: dateTime(addedAt) })}
            </Alert>
          ) : null}
          <ProblemAlert error={adding.error} />
          <form className="usa-form usa-form--large" onSubmit={(e) => void add(e)} noValidate>
            <TextArea
              id="addition"
              name="addition"
              label={t('pub.follow.add.label')}
              error={adding.fields.text}
              value={addition}
              onChange={(e) => setAddition(e.target.value)}
            />
            <Button type="submit" disabled={busy} data-testid="add-submit">
              {t('pub.follow.add.submit')}
            </Button>
          </form>
        </section>
      ) : null}
    </>
  );
}
