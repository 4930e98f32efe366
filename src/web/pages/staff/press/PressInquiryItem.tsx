import { useState } from 'react';
import { Button, Tag } from '@trussworks/react-uswds';
import { api, type PressInquiry } from '../../../api/client.ts';
import { useAction } from '../../../components/ActionForm.tsx';
import { TextArea } from '../../../components/form/fields.tsx';
import { ProblemAlert, fieldErrorsOf } from '../../../components/problems.tsx';
import { Link } from '../../../components/router.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';

/** A published statement an inquiry may be answered with. */
export interface AnswerStatement {
  id: string;
  language: string;
}

/**
 * One press inquiry (issue 22 item 3): who asked what and when, the committed deadline (overdue
 * marked), the cases it is about, its answer and who wrote, reviewed and sent it; and, to those
 * who may, the ways to answer it and to review a free-text answer written by someone else. The
 * server decides again.
 */
export function PressInquiryItem({
  p,
  statements,
  canAnswer,
  canReview,
  meId,
  onChange,
}: {
  p: PressInquiry;
  statements: readonly AnswerStatement[];
  canAnswer: boolean;
  canReview: boolean;
  meId: string;
  onChange: () => Promise<void>;
}) {
  const { t, label, dateTime } = useI18n();
  const action = useAction();
  const [text, setText] = useState('');
  const open = p.state !== 'answered';
  const errors = fieldErrorsOf(action.error);
  return (
    <li className="margin-bottom-2" data-testid="press-inquiry">
      <ProblemAlert error={action.error} onReload={() => void onChange()} />
      <strong>{p.outlet}</strong>
      {p.reporter ? ` (${p.reporter})` : ''} ·{' '}
      {t('press.received', { when: dateTime(p.receivedAt) })} ·{' '}
      {p.respondBy ? t('press.due', { when: dateTime(p.respondBy) }) : t('press.noDeadline')}{' '}
      {p.overdue ? <Tag className="bg-secondary-dark">{t('press.overdue')}</Tag> : null}{' '}
      <Tag className={p.state === 'answered' ? 'bg-green' : 'bg-base-dark'}>
        {t(`press.state.${p.state}`)}
      </Tag>
      <p className="margin-y-05">{p.question}</p>
      <p className="margin-y-05 font-sans-2xs">
        {p.logNumbers.length === 0 && p.otherCases === 0 ? t('press.noCase') : null}
        {p.logNumbers.map((log) => (
          <Link key={log} to={`/staff/cases/${encodeURIComponent(log)}`} className="margin-right-1">
            {log}
          </Link>
        ))}
        {p.otherCases > 0 ? t('press.otherCases', { n: p.otherCases }) : null}
      </p>
      {p.statementId ? <p className="margin-y-05">{t('press.answeredStatement')}</p> : null}
      {p.answerText !== null ? (
        <blockquote className="margin-y-05 margin-left-2" data-testid="press-answer">
          {p.answerText}
        </blockquote>
      ) : null}
      <p className="margin-y-05 font-sans-2xs">
        {p.answerWrittenBy ? t('press.writtenBy', { name: p.answerWrittenBy.name }) : null}{' '}
        {p.reviewedBy ? t('press.reviewedBy', { name: p.reviewedBy.name }) : null}{' '}
        {p.answeredBy && p.answeredAt
          ? t('press.answeredBy', { name: p.answeredBy.name, when: dateTime(p.answeredAt) })
          : null}
      </p>
      {open && canAnswer
        ? statements.map((s) => (
            <Button
              key={s.id}
              type="button"
              outline
              disabled={action.busy}
              onClick={() =>
                void action.run(() => api.answerPressInquiry(p.id, { statementId: s.id }), onChange)
              }
            >
              {t('press.answerStatement', { language: label('language', s.language) })}
            </Button>
          ))
        : null}
      {open && canReview && p.state === 'awaiting_review' ? (
        p.answerWrittenBy?.id === meId ? (
          <p className="usa-hint">{t('press.ownAnswer')}</p>
        ) : (
          <Button
            type="button"
            disabled={action.busy}
            onClick={() => void action.run(() => api.reviewPressAnswer(p.id), onChange)}
          >
            {t('press.approve')}
          </Button>
        )
      ) : null}
      {open && canAnswer ? (
        <details className="margin-top-1">
          <summary>{t('press.writeAnswer')}</summary>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void action.run(
                () => api.answerPressInquiry(p.id, { text }),
                async () => {
                  setText('');
                  await onChange();
                },
              );
            }}
          >
            <TextArea
              id={`answer-${p.id}`}
              name="text"
              label={t('press.answerText')}
              error={errors.text}
              value={text}
              onChange={(e) => setText(e.target.value)}
            />
            <Button type="submit" disabled={action.busy}>
              {t('press.sendForReview')}
            </Button>
          </form>
        </details>
      ) : null}
    </li>
  );
}
