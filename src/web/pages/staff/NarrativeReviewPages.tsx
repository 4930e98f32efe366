import { useRef, useState } from 'react';
import { Alert, Button, Label, Select, Tag, TextInput } from '@trussworks/react-uswds';
import { api, ApiError, type NarrativeReview } from '../../api/client.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { Pager } from '../../components/Pager.tsx';
import { ProblemAlert } from '../../components/problems.tsx';
import { Link } from '../../components/router.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

/*
 * A person approves what is published (issue 17 item 5): the queue of narratives waiting for
 * review, and the review of one narrative. The server decides every action; these pages show
 * its proposal and send the reviewer's decisions.
 */

type SpanDecision = Parameters<typeof api.decideNarrativeSpan>[1];
/** Each kind of decision (a union), without the field named. */
type Without<D, F extends string> = D extends unknown ? Omit<D, F> : never;
/** A reviewer's decision on a span, as the API takes it less the version it applies to. */
type Decision = Without<SpanDecision, 'version'>;

/** The kinds a reviewer may add a span with (each has a legal basis on the server). */
const ADD_KINDS = [
  'person_name',
  'phone',
  'email',
  'street_address',
  'date_of_birth',
  'licence_plate',
  'shelter_location',
  'known_identity',
] as const;

/** The link from a case page to its narrative review. */
export function NarrativeReviewLink({ logNumber }: { logNumber: string }) {
  const { t } = useI18n();
  return (
    <p>
      <Link to={`/staff/cases/${encodeURIComponent(logNumber)}/narrative`}>
        {t('narrative.review.link')}
      </Link>
    </p>
  );
}

/** Narratives waiting for a person, oldest first. */
export function NarrativeQueuePage() {
  const { t, label, date } = useI18n();
  const [page, setPage] = useState(1);
  const { data, error } = useLoad(() => api.narrativeQueue(page), [page]);
  const pages = data ? Math.ceil(data.total / data.pageSize) : 0;
  return (
    <>
      <PageHeading title={t('narrative.queue.title')} intro={t('narrative.queue.intro')} />
      <ProblemAlert error={error} />
      {data ? (
        <>
          <p data-testid="narrative-queue-total">{t('narrative.queue.total', { n: data.total })}</p>
          {data.items.length > 0 ? (
            <DataTable
              captionShown
              caption={t('narrative.queue.caption')}
              bodyTestId="narrative-queue"
              rows={data.items}
              rowKey={(i) => i.logNumber}
              columns={[
                {
                  header: 'narrative.col.log',
                  cell: (i) => (
                    <Link to={`/staff/cases/${encodeURIComponent(i.logNumber)}/narrative`}>
                      {i.logNumber}
                    </Link>
                  ),
                },
                { header: 'narrative.col.status', cell: (i) => label('status', i.status) },
                { header: 'narrative.col.closedOn', cell: (i) => date(i.closedOn) },
                {
                  header: 'narrative.col.note',
                  cell: (i) => (
                    <>
                      {i.imported ? <Tag>{t('narrative.queue.imported')}</Tag> : null}{' '}
                      {i.approvedBefore ? (
                        <Tag className="bg-accent-warm-dark">{t('narrative.queue.changed')}</Tag>
                      ) : null}
                    </>
                  ),
                },
              ]}
            />
          ) : null}
          {pages > 1 ? (
            <Pager
              current={page}
              total={pages}
              label={t('narrative.queue.page', { page, pages })}
              onPage={setPage}
            />
          ) : null}
        </>
      ) : null}
    </>
  );
}

/** One span as drawn over the narrative. */
interface Drawn {
  start: number;
  end: number;
  kind: string;
  state: 'kept' | 'removed' | 'added';
}

/** The narrative with every span highlighted: kept, removed (struck out) or added. */
function HighlightedNarrative({
  text,
  spans,
  containerRef,
}: {
  text: string;
  spans: Drawn[];
  containerRef: React.RefObject<HTMLParagraphElement | null>;
}) {
  const { t, label } = useI18n();
  const cuts = [...new Set([0, text.length, ...spans.flatMap((s) => [s.start, s.end])])].sort(
    (a, b) => a - b,
  );
  const parts = cuts.slice(0, -1).map((from, i) => {
    const to = cuts[i + 1]!;
    const over = spans.filter((s) => s.start <= from && to <= s.end);
    const piece = text.slice(from, to);
    if (over.length === 0) {
      return <span key={from}>{piece}</span>;
    }
    const state = over.some((s) => s.state === 'added')
      ? 'added'
      : over.some((s) => s.state === 'kept')
        ? 'kept'
        : 'removed';
    const kinds = [...new Set(over.map((s) => label('redactionKind', s.kind)))].join(', ');
    return (
      <mark
        key={from}
        className={`ovs-span ovs-span--${state}`}
        data-span-state={state}
        title={`${t(`narrative.state.${state}`)}: ${kinds}`}
      >
        {piece}
      </mark>
    );
  });
  return (
    <p
      ref={containerRef}
      className="ovs-prewrap"
      data-written-text="narrative"
      data-testid="narrative-text"
    >
      {parts}
    </p>
  );
}

/** The offsets of the reader's selection inside `container`, or null. */
function selectionOffsets(container: HTMLElement | null): { start: number; end: number } | null {
  const sel = window.getSelection();
  if (!container || !sel || sel.rangeCount === 0 || sel.isCollapsed) {
    return null;
  }
  const range = sel.getRangeAt(0);
  if (!container.contains(range.startContainer) || !container.contains(range.endContainer)) {
    return null;
  }
  const before = document.createRange();
  before.selectNodeContents(container);
  before.setEnd(range.startContainer, range.startOffset);
  const start = before.toString().length;
  return { start, end: start + range.toString().length };
}

/** A position in the narrative, typed by hand (or filled from the selection). */
function OffsetInput(p: {
  name: 'start' | 'end';
  label: string;
  value: string;
  onChange: (v: string) => void;
}) {
  return (
    <div className="grid-col-auto">
      <Label htmlFor={`span-${p.name}`}>{p.label}</Label>
      <TextInput
        id={`span-${p.name}`}
        name={p.name}
        type="number"
        inputMode="numeric"
        value={p.value}
        onChange={(e) => p.onChange(e.target.value)}
      />
    </div>
  );
}

/** The review of one case's narrative: spans with kind and basis, add, remove, approve. */
export function NarrativeReviewPage({ logNumber }: { logNumber: string }) {
  const { t, label, bilingual, dateTime } = useI18n();
  usePageTitle(t('narrative.review.title', { log: logNumber }));
  const load = useLoad(() => api.narrativeReview(logNumber), [logNumber]);
  const [r, setR] = useState<NarrativeReview | undefined>();
  const [error, setError] = useState<unknown>(null);
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [kind, setKind] = useState<string>('person_name');
  const textRef = useRef<HTMLParagraphElement>(null);
  const review = r ?? load.data;

  const send = async (fn: () => Promise<NarrativeReview>) => {
    try {
      setR(await fn());
      setError(null);
    } catch (err) {
      setError(err);
    }
  };
  const reload = async () => {
    setR(await api.narrativeReview(logNumber));
    setError(null);
  };

  if (!review) {
    return (
      <>
        <h1>{t('narrative.review.title', { log: logNumber })}</h1>
        <ProblemAlert error={load.error} />
        {load.loading ? <p>{t('app.loading')}</p> : null}
      </>
    );
  }
  const open = review.approved === null;
  /** Sends one of the reviewer's decisions on a span, against the version on screen. */
  const decide = (d: Decision) =>
    send(() => api.decideNarrativeSpan(logNumber, { ...d, version: review.version }));
  /** A decision on a span already drawn, offered as a button while the review is open. */
  const decideButton = (d: Decision, text: string) =>
    open ? (
      <>
        {' '}
        <Button type="button" unstyled onClick={() => void decide(d)}>
          {text}
        </Button>
      </>
    ) : null;
  const drawn: Drawn[] = [
    ...review.proposed.map((s) => ({
      start: s.start,
      end: s.end,
      kind: s.kind,
      state: s.removed ? ('removed' as const) : ('kept' as const),
    })),
    ...review.added.map((a) => ({ ...a, state: 'added' as const })),
  ];
  const useSelection = () => {
    const o = selectionOffsets(textRef.current);
    if (o) {
      setStart(String(o.start));
      setEnd(String(o.end));
    }
  };
  const still = error instanceof ApiError && error.code === 'narrative_still_identifies';
  return (
    <>
      <h1>{t('narrative.review.title', { log: logNumber })}</h1>
      <p>
        <Link to={`/staff/cases/${encodeURIComponent(logNumber)}`}>
          {t('narrative.review.backToCase')}
        </Link>{' '}
        · <Link to="/staff/narratives">{t('narrative.queue.title')}</Link>
      </p>
      <p className="usa-intro">{t('narrative.review.intro')}</p>
      {still ? (
        <Alert
          type="error"
          headingLevel="h2"
          heading={t('error.title')}
          role="alert"
          data-testid="problem"
        >
          {t('narrative.review.stillIdentifies')}
        </Alert>
      ) : (
        <ProblemAlert error={error} onReload={() => void reload()} />
      )}
      {review.approved ? (
        <Alert
          type="success"
          headingLevel="h2"
          heading={t('narrative.review.approvedTitle')}
          slim
          data-testid="narrative-approved"
        >
          {t('narrative.review.approvedBy', {
            who: review.approved.approvedBy ?? '—',
            when: dateTime(review.approved.approvedAt),
          })}
        </Alert>
      ) : null}

      <h2>{t('narrative.review.original')}</h2>
      <HighlightedNarrative text={review.narrative} spans={drawn} containerRef={textRef} />

      <h2>{t('narrative.review.machineSpans')}</h2>
      <DataTable
        empty={t('narrative.review.noSpans')}
        captionShown
        caption={t('narrative.review.machineSpans')}
        bodyTestId="machine-spans"
        rows={review.proposed}
        rowKey={(s) => s.index}
        rowData={(s) => ({ 'data-span-removed': s.removed ? 'true' : 'false' })}
        columns={[
          {
            header: 'narrative.col.text',
            data: () => ({ 'data-written-text': 'span' }),
            cell: (s) => review.narrative.slice(s.start, s.end),
          },
          { header: 'narrative.col.kind', cell: (s) => label('redactionKind', s.kind) },
          { header: 'narrative.col.basis', cell: (s) => bilingual(s.basis, s.basisEs) },
          {
            header: 'narrative.col.decision',
            cell: (s) => (
              <>
                {s.removed ? t('narrative.state.removed') : t('narrative.state.kept')}
                {decideButton(
                  { decision: s.removed ? 'keep' : 'remove', proposalIndex: s.index },
                  t(s.removed ? 'narrative.action.keep' : 'narrative.action.remove', {
                    text: review.narrative.slice(s.start, s.end),
                  }),
                )}
              </>
            ),
          },
        ]}
      />

      <h2>{t('narrative.review.addedSpans')}</h2>
      {review.added.length === 0 ? <p>{t('narrative.review.noAdded')}</p> : null}
      <ul className="usa-list" data-testid="added-spans">
        {review.added.map((a) => (
          <li key={a.id}>
            <span data-written-text="span">“{review.narrative.slice(a.start, a.end)}”</span> —{' '}
            {label('redactionKind', a.kind)}
            {decideButton(
              { decision: 'withdraw', withdraws: a.id },
              t('narrative.action.withdraw', { text: review.narrative.slice(a.start, a.end) }),
            )}
          </li>
        ))}
      </ul>
      {open ? (
        <form
          className="usa-form maxw-none"
          data-testid="add-span"
          onSubmit={(ev) => {
            ev.preventDefault();
            void decide({ decision: 'add', start: Number(start), end: Number(end), kind }).then(
              () => {
                setStart('');
                setEnd('');
              },
            );
          }}
        >
          <h3>{t('narrative.add.title')}</h3>
          <p className="usa-hint">{t('narrative.add.hint')}</p>
          <Button type="button" outline onClick={useSelection} data-testid="use-selection">
            {t('narrative.add.useSelection')}
          </Button>
          <div className="grid-row grid-gap">
            <OffsetInput
              name="start"
              label={t('narrative.add.start')}
              value={start}
              onChange={setStart}
            />
            <OffsetInput name="end" label={t('narrative.add.end')} value={end} onChange={setEnd} />
            <div className="grid-col-auto">
              <Label htmlFor="span-kind">{t('narrative.col.kind')}</Label>
              <Select
                id="span-kind"
                name="kind"
                value={kind}
                onChange={(e) => setKind(e.target.value)}
              >
                {ADD_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {label('redactionKind', k)}
                  </option>
                ))}
              </Select>
            </div>
          </div>
          {start !== '' && end !== '' && Number(end) > Number(start) ? (
            <p data-testid="span-chosen">
              {t('narrative.add.chosen', {
                text: review.narrative.slice(Number(start), Number(end)),
              })}
            </p>
          ) : null}
          <Button type="submit" disabled={start === '' || end === ''}>
            {t('narrative.add.submit')}
          </Button>
        </form>
      ) : null}

      <h2>{t('narrative.review.preview')}</h2>
      <p className="ovs-prewrap" data-written-text="narrative" data-testid="narrative-preview">
        {review.approved ? review.approved.text : review.preview.text}
      </p>
      {open ? (
        <Button
          type="button"
          data-testid="approve-narrative"
          onClick={() => void send(() => api.approveNarrative(logNumber, review.version))}
        >
          {t('narrative.action.approve')}
        </Button>
      ) : null}
    </>
  );
}
