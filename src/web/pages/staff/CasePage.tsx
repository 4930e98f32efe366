import { useState } from 'react';
import type { ReactNode } from 'react';
import { NarrativeReviewLink } from './NarrativeReviewPages.tsx';
import { CaseLetters } from './CaseLetters.tsx';
import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Radio,
  Select,
  Table,
  Tag,
  TextInput,
  Textarea,
} from '@trussworks/react-uswds';
import {
  ACTIVITY_KINDS,
  ASSIGNMENT_ROLES,
  CATEGORIES,
  CHANNELS,
  DUTY_STATUS_ACTIONS,
  FINDINGS,
  type ActivityKind,
  type AssignmentRole,
  type Category,
  type Channel,
  type DutyStatusAction,
} from '../../../shared/enums.ts';
import type { CaseAbility } from '../../../shared/schemas/cases.ts';
import { api, type Case } from '../../api/client.ts';
import { ActionForm } from '../../components/ActionForm.tsx';
import { Field, ProblemAlert, type FieldErrors } from '../../components/problems.tsx';
import { rosterLine } from '../../components/roster-line.ts';
import { Link } from '../../components/router.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { chicagoToIso, isoToChicagoLocal, nowChicagoLocal, useI18n } from '../../i18n/i18n.tsx';

/** `can` asks the case's `abilities` only: the page never re-derives who may do what. */
type Ctx = { c: Case; reload: () => Promise<void>; can: (a: CaseAbility) => boolean };

/** One case with every section; action forms appear only for abilities the server grants. */
export function CasePage({ logNumber }: { logNumber: string }) {
  const { t } = useI18n();
  usePageTitle(t('case.title', { logNumber }));
  const { data: c, error, reload } = useLoad(() => api.getCase(logNumber), [logNumber]);
  if (!c) {
    return (
      <>
        <h1>{t('case.title', { logNumber })}</h1>
        {error ? <ProblemAlert error={error} /> : <p>{t('app.loading')}</p>}
      </>
    );
  }
  const ctx: Ctx = { c, reload, can: (a) => c.abilities.actions.includes(a) };
  return (
    <>
      <h1 data-testid="case-title">
        {t('case.title', { logNumber: c.logNumber })}{' '}
        {c.restricted ? <Tag className="bg-secondary-dark">{t('case.restricted')}</Tag> : null}
      </h1>
      <ProblemAlert error={error} onReload={() => void reload()} />
      <Summary {...ctx} />
      <Stage {...ctx} />
      <Timeline {...ctx} />
      <Parties {...ctx} />
      <FromComplainant {...ctx} />
      <SourceHistory {...ctx} />
      <ReportedOfficers {...ctx} />
      <Allegations {...ctx} />
      <DutyStatus {...ctx} />
      <Agencies {...ctx} />
      <Assignments {...ctx} />
      <Deadlines {...ctx} />
      {c.view === 'full' ? <CaseLetters logNumber={c.logNumber} can={ctx.can} /> : null}
      <Statements {...ctx} />
      <PressInquiries {...ctx} />
    </>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="ovs-section" aria-labelledby={`sec-${id}`} data-testid={`section-${id}`}>
      <h2 id={`sec-${id}`}>{title}</h2>
      {children}
    </section>
  );
}

function Summary(ctx: Ctx) {
  const { c, can } = ctx;
  const { t, label, date, dateTime } = useI18n();
  return (
    <Section id="summary" title={t('case.summary')}>
      {c.view === 'public_fields' ? (
        <Alert type="info" headingLevel="h3" slim>
          {t('case.publicFields')}
        </Alert>
      ) : null}
      {c.restricted && c.restrictionReasons ? (
        <p className="ovs-restricted">
          {t('case.restrictedReasons', {
            reasons: c.restrictionReasons.map((r) => label('restriction', r)).join(', '),
          })}
        </p>
      ) : null}
      <dl className="ovs-dl">
        <dt>{t('case.stage')}</dt>
        <dd data-testid="case-status">{label('status', c.status)}</dd>
        <dt>{t('case.type')}</dt>
        <dd>
          {label('caseType', c.caseType)}
          {c.notificationType ? ` — ${label('notificationType', c.notificationType)}` : ''}
        </dd>
        {c.channel ? (
          <>
            <dt>{t('case.channel')}</dt>
            <dd>{label('channel', c.channel)}</dd>
          </>
        ) : null}
        <dt>{t('case.received')}</dt>
        <dd>{dateTime(c.receivedAt)}</dd>
        {c.closedOn ? (
          <>
            <dt>{t('case.closedOn')}</dt>
            <dd data-testid="case-closed-on">{date(c.closedOn)}</dd>
          </>
        ) : null}
        <dt>{t('col.categories')}</dt>
        <dd>{c.categories.map((x) => label('category', x)).join(', ') || '—'}</dd>
        <dt>{t('col.agency')}</dt>
        <dd>{c.leadAgency}</dd>
        {c.flags && c.flags.length > 0 ? (
          <>
            <dt>{t('case.flags')}</dt>
            <dd>{c.flags.map((f) => label('flag', f)).join(', ')}</dd>
          </>
        ) : null}
        {c.incident ? (
          <>
            <dt>{t('case.incident')}</dt>
            <dd>
              {[
                c.incident.occurredAt ? dateTime(c.incident.occurredAt) : null,
                c.incident.address,
                c.incident.beat ? `${t('intake.beat')} ${c.incident.beat}` : null,
                c.incident.district ? `${t('intake.district')} ${c.incident.district}` : null,
              ]
                .filter(Boolean)
                .join(' · ') || '—'}
            </dd>
          </>
        ) : null}
        {c.facility ? (
          <>
            <dt>{t('col.facility')}</dt>
            <dd>
              {c.facility.name} ({c.facility.code})
              {c.facility.shelterSiteOnIncidentDate ? ` ${t('intake.facility.shelter')}` : ''}
            </dd>
          </>
        ) : null}
      </dl>
      <Routing {...ctx} />
      {can('case.correct_facts') ? <CorrectFacts {...ctx} /> : null}
      {c.narrative !== undefined ? (
        <>
          <h3>{t('case.narrative')}</h3>
          <p className="measure-6" style={{ whiteSpace: 'pre-wrap' }}>
            {c.narrative}
          </p>
        </>
      ) : null}
    </Section>
  );
}

/**
 * Where the case is routed and why, every routing decision since intake (the history keeps each
 * one), and a re-routing the server offers (MCC 2-78-120(b-5)) with the accept button when the
 * server's abilities allow it.
 */
function Routing({ c, reload, can }: Ctx) {
  const { t, date, lang } = useI18n();
  const [note, setNote] = useState('');
  const review = c.routingReview;
  const history = c.routingHistory ?? [];
  return (
    <>
      {c.routing ? (
        <>
          <h3>{t('case.routing')}</h3>
          <p data-testid="case-routing">
            {t('case.routedTo', { agency: c.routing.agency, clause: c.routing.clause })}{' '}
            {lang === 'es' ? c.routing.explanationEs : c.routing.explanation}
          </p>
          <p className="usa-hint">{date(c.routing.decidedAt)}</p>
        </>
      ) : null}
      {review ? (
        <Alert type="warning" headingLevel="h3" heading={t('case.routingReview')} slim={false}>
          <p data-testid="routing-review">
            {t('case.routingReviewJoint', { agency: review.agency, clause: review.clause })}{' '}
            {lang === 'es' ? review.explanationEs : review.explanation}
          </p>
          {can('case.accept_rerouting') ? (
            <ActionForm
              id="form-accept-rerouting"
              title={t('action.acceptRerouting', { agency: review.agency })}
              submitLabel={t('action.acceptRerouting', { agency: review.agency })}
              onReload={() => void reload()}
              onSubmit={() =>
                api.acceptRoutingReview(c.logNumber, {
                  // the offer this page showed: if it changed since, the server says 409
                  agency: review.agency,
                  ...(note.trim() ? { note } : {}),
                })
              }
              onDone={async () => {
                setNote('');
                await reload();
              }}
            >
              {(e) => (
                <Field id="rr-note" label={t('action.note')} error={e.note} optional>
                  <Textarea
                    id="rr-note"
                    name="note"
                    value={note}
                    onChange={(ev) => setNote(ev.target.value)}
                  />
                </Field>
              )}
            </ActionForm>
          ) : null}
        </Alert>
      ) : null}
      {history.length > 1 ? (
        <>
          <h3>{t('case.routingHistory')}</h3>
          <ol className="usa-list" data-testid="routing-history">
            {history.map((r) => (
              <li key={`${r.decidedAt}-${r.agency}-${r.rule}`}>
                <strong>{t('case.routingDecision', { agency: r.agency, clause: r.clause })}</strong>{' '}
                ({date(r.decidedAt)}) {lang === 'es' ? r.explanationEs : r.explanation}
                {r.jointReason ? <> {t('case.jointReason', { reason: r.jointReason })}</> : null}
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </>
  );
}

/** The intake facts as the correction form holds them (inputs hold text; '' is "none"). */
function factsOf(c: Case) {
  return {
    occurredAt: c.incident?.occurredAt ? isoToChicagoLocal(c.incident.occurredAt) : '',
    address: c.incident?.address ?? '',
    beat: c.incident?.beat ?? '',
    district: c.incident?.district ?? '',
    facilityCode: c.facility?.code ?? '',
    channel: c.channel ?? '',
    categories: c.categories as Category[],
  };
}

/**
 * Corrects what intake recorded (incident time and place, categories, channel). Only the facts
 * edited here are sent (compared with what the form started from, not with a later reload), so
 * two people correcting different facts do not undo each other.
 */
function CorrectFacts({ c, reload }: Ctx) {
  const { t, label } = useI18n();
  const facilities = useLoad(() => api.facilities(), []);
  const [was, setWas] = useState(() => factsOf(c));
  const [f, setF] = useState(was);
  const [reason, setReason] = useState('');
  const changed = <K extends 'address' | 'beat' | 'district' | 'facilityCode'>(k: K) =>
    f[k].trim() !== was[k] ? { [k]: f[k].trim() || null } : {};
  const sameCategories =
    f.categories.length === was.categories.length &&
    f.categories.every((x) => was.categories.includes(x));
  const text = (k: 'address' | 'beat' | 'district', id: string, e: FieldErrors) => (
    <Field id={id} label={t(`intake.${k}`)} error={e[`incident.${k}`]} optional>
      <TextInput
        id={id}
        name={k}
        type="text"
        value={f[k]}
        onChange={(ev) => setF({ ...f, [k]: ev.target.value })}
      />
    </Field>
  );
  return (
    <ActionForm
      id="form-correct"
      title={t('action.correct')}
      submitLabel={t('action.correct')}
      onReload={() => void reload()}
      onSubmit={() => {
        const incident = {
          ...(f.occurredAt !== was.occurredAt
            ? { occurredAt: f.occurredAt ? chicagoToIso(f.occurredAt) : null }
            : {}),
          ...changed('address'),
          ...changed('beat'),
          ...changed('district'),
          ...changed('facilityCode'),
        };
        return api.correctFacts(c.logNumber, {
          ...(Object.keys(incident).length > 0 ? { incident } : {}),
          ...(sameCategories ? {} : { categories: f.categories }),
          ...(f.channel && f.channel !== was.channel ? { channel: f.channel as Channel } : {}),
          reason,
        });
      }}
      onDone={async () => {
        const trim = (x: string) => x.trim();
        setWas({ ...f, address: trim(f.address), beat: trim(f.beat), district: trim(f.district) });
        setReason('');
        await reload();
      }}
    >
      {(e) => (
        <>
          <p className="usa-hint">{t('action.correctHint')}</p>
          <Field
            id="co-at"
            label={t('intake.occurredAt')}
            error={e['incident.occurredAt']}
            optional
          >
            <input
              className="usa-input"
              id="co-at"
              name="occurredAt"
              type="datetime-local"
              value={f.occurredAt}
              onChange={(ev) => setF({ ...f, occurredAt: ev.target.value })}
            />
          </Field>
          {text('address', 'co-address', e)}
          {text('beat', 'co-beat', e)}
          {text('district', 'co-district', e)}
          <Field id="co-facility" label={t('intake.facility')} error={e['incident.facilityCode']}>
            <Select
              id="co-facility"
              name="facilityCode"
              value={f.facilityCode}
              onChange={(ev) => setF({ ...f, facilityCode: ev.target.value })}
            >
              <option value="">{t('intake.facility.none')}</option>
              {(facilities.data?.items ?? []).map((x) => (
                <option key={x.code} value={x.code}>
                  {x.name} ({x.code})
                </option>
              ))}
            </Select>
          </Field>
          <Field id="co-channel" label={t('intake.channel')} error={e.channel}>
            <Select
              id="co-channel"
              name="channel"
              value={f.channel}
              onChange={(ev) => setF({ ...f, channel: ev.target.value })}
            >
              {f.channel ? null : <option value="">—</option>}
              {CHANNELS.map((x) => (
                <option key={x} value={x}>
                  {label('channel', x)}
                </option>
              ))}
            </Select>
          </Field>
          <Fieldset legend={t('intake.categories')}>
            {e.categories ? <p className="usa-error-message">{e.categories}</p> : null}
            <div className="grid-row grid-gap-sm">
              {CATEGORIES.map((x) => (
                <div key={x} className="grid-col-12 tablet:grid-col-6">
                  <Checkbox
                    id={`co-category-${x}`}
                    name="categories"
                    value={x}
                    label={label('category', x)}
                    checked={f.categories.includes(x)}
                    onChange={(ev) =>
                      setF({
                        ...f,
                        categories: ev.target.checked
                          ? [...f.categories, x]
                          : f.categories.filter((y) => y !== x),
                      })
                    }
                  />
                </div>
              ))}
            </div>
          </Fieldset>
          <Field id="co-reason" label={t('action.correctReason')} error={e.reason}>
            <Textarea
              id="co-reason"
              name="reason"
              value={reason}
              onChange={(ev) => setReason(ev.target.value)}
            />
          </Field>
        </>
      )}
    </ActionForm>
  );
}

function Stage({ c, reload, can }: Ctx) {
  const { t, label } = useI18n();
  const [to, setTo] = useState('');
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const options = c.abilities.transitions;
  const chosen = options.find((o) => o.to === to) ?? options[0];
  return (
    <Section id="stage" title={t('case.actions')}>
      {!can('case.transition') || options.length === 0 ? (
        <p>{t('case.noActions')}</p>
      ) : (
        <ActionForm
          id="form-transition"
          title={t('action.move')}
          submitLabel={t('action.move')}
          onReload={() => void reload()}
          onSubmit={() =>
            api.transition(c.logNumber, {
              to: chosen!.to,
              ...(reason ? { reason: reason as never } : {}),
              ...(note.trim() ? { note } : {}),
              // the stage this page showed: if someone moved the case since, the server says 409
              expectedStatus: c.status,
            })
          }
          onDone={async () => {
            setTo('');
            setReason('');
            setNote('');
            await reload();
          }}
        >
          {(e) => (
            <>
              <Field id="tr-to" label={t('action.transitionTo')} error={e.to}>
                <Select
                  id="tr-to"
                  name="to"
                  value={chosen?.to ?? ''}
                  onChange={(ev) => setTo(ev.target.value)}
                >
                  {options.map((o) => (
                    <option key={o.to} value={o.to}>
                      {label('status', o.to)}
                    </option>
                  ))}
                </Select>
              </Field>
              {chosen?.reasons && chosen.reasons.length > 0 ? (
                <Field
                  id="tr-reason"
                  label={t('action.reason')}
                  error={e.reason}
                  optional={!chosen.reasonRequired}
                >
                  <Select
                    id="tr-reason"
                    name="reason"
                    value={reason}
                    onChange={(ev) => setReason(ev.target.value)}
                  >
                    <option value="">—</option>
                    {chosen.reasons.map((r) => (
                      <option key={r} value={r}>
                        {label('reason', r)}
                      </option>
                    ))}
                  </Select>
                </Field>
              ) : null}
              <Field id="tr-note" label={t('action.note')} error={e.note} optional>
                <Textarea
                  id="tr-note"
                  name="note"
                  value={note}
                  onChange={(ev) => setNote(ev.target.value)}
                />
              </Field>
            </>
          )}
        </ActionForm>
      )}
    </Section>
  );
}

function Timeline({ c }: Ctx) {
  const { t, label, dateTime } = useI18n();
  const memberName = (id: string | null) => {
    const a = c.allegations?.find((x) => x.member?.id === id);
    return a?.member ? `${a.member.firstName} ${a.member.lastName}` : t('case.unknownMember');
  };
  const events: Array<{ at: string; text: string; key: string }> = [
    ...(c.statusHistory ?? []).map((h, i) => ({
      at: h.at,
      key: `s${i}`,
      text:
        t('timeline.stage', { to: label('status', h.to) }) +
        (h.reason ? ` (${label('reason', h.reason)})` : '') +
        (h.note ? ` — ${h.note}` : ''),
    })),
    ...(c.activities ?? []).map((a) => ({
      at: a.occurredAt,
      key: a.id,
      text:
        t('timeline.activity', { kind: label('activityKind', a.kind), summary: a.summary }) +
        (a.place ? ` · ${a.place}` : '') +
        (a.outcome ? ` · ${a.outcome}` : ''),
    })),
    ...(c.allegations ?? []).flatMap((a) =>
      a.history.map((h, i) => ({
        at: h.recordedAt,
        key: `${a.id}-${i}`,
        text: t('timeline.finding', {
          stage: h.stage === 'final' ? t('case.final') : t('case.recommended'),
          member: a.member ? `${a.member.firstName} ${a.member.lastName}` : t('case.unknownMember'),
          finding: [label('finding', h.finding), h.penalty]
            .filter((x) => x && x !== '—')
            .join(', '),
        }),
      })),
    ),
    ...(c.dutyStatus ?? []).map((d) => ({
      at: d.effectiveAt,
      key: d.id,
      text: t('timeline.duty', {
        action: label('dutyAction', d.action),
        stage: label('dutyStage', d.stage),
        member: memberName(d.memberId),
      }),
    })),
  ].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <Section id="timeline" title={t('case.timeline')}>
      <ol className="ovs-timeline" data-testid="timeline">
        {events.map((e) => (
          <li key={e.key}>
            <span className="text-bold">{dateTime(e.at)}</span>
            <br />
            {e.text}
          </li>
        ))}
      </ol>
    </Section>
  );
}

function Parties({ c }: Ctx) {
  const { t, label } = useI18n();
  if (!c.parties) {
    return null;
  }
  return (
    <Section id="parties" title={t('case.parties')}>
      {c.parties.length === 0 ? <p>{t('common.none')}</p> : null}
      <ul className="usa-list">
        {c.parties.map((p) => (
          <li key={p.id}>
            <strong>{label('partyRole', p.role)}</strong>:{' '}
            {p.identityMasked
              ? t('case.identityMasked')
              : p.anonymous
                ? t('case.anonymous')
                : p.identity
                  ? Object.values(p.identity).filter(Boolean).join(' · ')
                  : t('case.noIdentity')}
            {p.language ? ` · ${label('language', p.language)}` : ''}
            {p.vulnerabilities.length > 0
              ? ` · ${p.vulnerabilities.map((v) => label('vulnerability', v)).join(', ')}`
              : ''}
            {p.contactChannel ? ` · ${label('contactChannel', p.contactChannel)}` : ''}
            {p.contactSafety.lettersToShelter === false
              ? ` · ¬ ${t('party.lettersToShelter')}`
              : ''}
            {p.contactSafety.throughIntermediaryOnly
              ? ` · ${t('party.throughIntermediaryOnly')}`
              : ''}
          </li>
        ))}
      </ul>
    </Section>
  );
}

/** An allegation's category and summary: the allegation form's and the confirmation's. */
function AllegationFields({
  idPrefix,
  errors,
  category,
  summary,
  onCategory,
  onSummary,
}: {
  idPrefix: string;
  errors: FieldErrors;
  category: Category;
  summary: string;
  onCategory: (category: Category) => void;
  onSummary: (summary: string) => void;
}) {
  const { t, label } = useI18n();
  return (
    <>
      <Field id={`${idPrefix}-category`} label={t('col.category')} error={errors.category}>
        <Select
          id={`${idPrefix}-category`}
          name="category"
          value={category}
          onChange={(ev) => onCategory(ev.target.value as Category)}
        >
          {CATEGORIES.map((x) => (
            <option key={x} value={x}>
              {label('category', x)}
            </option>
          ))}
        </Select>
      </Field>
      <Field id={`${idPrefix}-summary`} label={t('action.summary')} error={errors.summary}>
        <Textarea
          id={`${idPrefix}-summary`}
          name="summary"
          value={summary}
          onChange={(ev) => onSummary(ev.target.value)}
        />
      </Field>
    </>
  );
}

/**
 * The officers the complainant named at intake (docs/domain.md "Reported officers"), for the
 * case team only; an investigator confirms each into an allegation or dismisses it.
 */
function ReportedOfficers({ c, reload, can }: Ctx) {
  const { t, label, date } = useI18n();
  const [target, setTarget] = useState('');
  const [outcome, setOutcome] = useState<'confirmed' | 'dismissed'>('confirmed');
  const [star, setStar] = useState('');
  const [category, setCategory] = useState<Category>(c.categories[0] ?? 'miscellaneous');
  const [summary, setSummary] = useState('');
  const [reason, setReason] = useState('');
  if (!c.reportedOfficers) {
    return null;
  }
  const open = c.reportedOfficers.filter((o) => o.status === 'reported');
  const chosen = open.find((o) => o.id === target) ?? open[0];
  const given = (o: (typeof open)[number]) =>
    [o.name, o.star ? t('intake.officer.star', { star: o.star }) : null, o.description]
      .filter(Boolean)
      .join(' · ');
  const who = (o: (typeof open)[number]) =>
    o.member ? rosterLine(t, o.member) : t('case.reported.notInRoster');
  return (
    <Section id="reported-officers" title={t('case.reportedOfficers')}>
      <p className="usa-hint">{t('case.reportedOfficers.hint')}</p>
      {c.reportedOfficers.length === 0 ? (
        <p>{t('common.none')}</p>
      ) : (
        <div className="ovs-table-wrap">
          <Table fullWidth striped>
            <caption className="usa-sr-only">{t('case.reportedOfficers')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('case.reported.col.officer')}</th>
                <th scope="col">{t('case.reported.col.given')}</th>
                <th scope="col">{t('case.reported.col.status')}</th>
              </tr>
            </thead>
            <tbody>
              {c.reportedOfficers.map((o) => (
                <tr key={o.id} data-testid="reported-officer">
                  <th scope="row">
                    {o.member ? <Link to={`/staff/members/${o.member.id}`}>{who(o)}</Link> : who(o)}
                  </th>
                  <td>
                    {given(o) || '—'}
                    <br />
                    <span className="usa-hint">
                      {label('reportedSource', o.source)} · {date(o.reportedAt)}
                    </span>
                  </td>
                  <td>
                    {label('reportedStatus', o.status)}
                    {o.resolutionNote ? ` — ${o.resolutionNote}` : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
      )}
      {can('case.add_allegation') && chosen ? (
        <ActionForm
          id="form-reported-officer"
          title={t('case.reported.confirm')}
          submitLabel={t('common.save')}
          onReload={() => void reload()}
          onSubmit={() =>
            api.resolveReportedOfficer(
              c.logNumber,
              chosen.id,
              outcome === 'confirmed'
                ? {
                    outcome,
                    ...(!chosen.member && star.trim() ? { star: star.trim() } : {}),
                    category,
                    summary,
                  }
                : { outcome, reason },
            )
          }
          onDone={async () => {
            setStar('');
            setSummary('');
            setReason('');
            await reload();
          }}
        >
          {(e) => (
            <>
              <Field id="ro-which" label={t('case.reported.which')}>
                <Select
                  id="ro-which"
                  name="reportedOfficer"
                  value={chosen.id}
                  onChange={(ev) => setTarget(ev.target.value)}
                >
                  {open.map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.member ? who(o) : given(o)}
                    </option>
                  ))}
                </Select>
              </Field>
              <Fieldset legend={t('case.reported.outcome')}>
                {(['confirmed', 'dismissed'] as const).map((x) => (
                  <Radio
                    key={x}
                    id={`ro-outcome-${x}`}
                    name="outcome"
                    value={x}
                    label={t(x === 'confirmed' ? 'case.reported.confirm' : 'case.reported.dismiss')}
                    checked={outcome === x}
                    onChange={() => setOutcome(x)}
                  />
                ))}
              </Fieldset>
              {outcome === 'confirmed' ? (
                <>
                  {chosen.member ? null : (
                    <Field id="ro-star" label={t('action.star')} error={e.star} optional>
                      <TextInput
                        id="ro-star"
                        name="star"
                        type="text"
                        inputMode="numeric"
                        value={star}
                        onChange={(ev) => setStar(ev.target.value)}
                      />
                    </Field>
                  )}
                  <AllegationFields
                    idPrefix="ro"
                    errors={e}
                    category={category}
                    summary={summary}
                    onCategory={setCategory}
                    onSummary={setSummary}
                  />
                </>
              ) : (
                <Field id="ro-reason" label={t('case.reported.reason')} error={e.reason}>
                  <Textarea
                    id="ro-reason"
                    name="reason"
                    value={reason}
                    onChange={(ev) => setReason(ev.target.value)}
                  />
                </Field>
              )}
            </>
          )}
        </ActionForm>
      ) : null}
    </Section>
  );
}

function Allegations({ c, reload, can }: Ctx) {
  const { t, label } = useI18n();
  const [star, setStar] = useState('');
  const [unknown, setUnknown] = useState(false);
  const [category, setCategory] = useState<Category>(c.categories[0] ?? 'miscellaneous');
  const [summary, setSummary] = useState('');
  const [target, setTarget] = useState('');
  const [finding, setFinding] = useState({ rf: '', rp: '', ff: '', fp: '' });
  const allegations = c.allegations ?? [];
  const chosen = allegations.find((a) => a.id === target) ?? allegations[0];
  const canRecommend = can('case.record_recommended_finding');
  const canFinal = can('case.record_final_finding');
  const select = (
    id: string,
    name: keyof typeof finding,
    text: string,
    e: FieldErrors,
    key: string,
  ) => (
    <Field id={id} label={text} error={e[key]} optional>
      <Select
        id={id}
        name={name}
        value={finding[name]}
        onChange={(ev) => setFinding((f) => ({ ...f, [name]: ev.target.value }))}
      >
        <option value="">—</option>
        {FINDINGS.slice(0, 4).map((x) => (
          <option key={x} value={x}>
            {label('finding', x)}
          </option>
        ))}
      </Select>
    </Field>
  );
  const penalty = (
    id: string,
    name: keyof typeof finding,
    text: string,
    e: FieldErrors,
    key: string,
  ) => (
    <Field id={id} label={text} error={e[key]} optional>
      <TextInput
        id={id}
        name={name}
        type="text"
        inputMode="numeric"
        value={finding[name]}
        onChange={(ev) => setFinding((f) => ({ ...f, [name]: ev.target.value }))}
      />
    </Field>
  );
  return (
    <Section id="allegations" title={t('case.allegations')}>
      {allegations.length === 0 ? (
        <p>{t('case.noAllegations')}</p>
      ) : (
        <div className="ovs-table-wrap">
          <Table fullWidth striped>
            <caption className="usa-sr-only">{t('case.allegations')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('col.member')}</th>
                <th scope="col">{t('col.category')}</th>
                <th scope="col">{t('case.recommended')}</th>
                <th scope="col">{t('case.final')}</th>
              </tr>
            </thead>
            <tbody>
              {allegations.map((a) => (
                <tr key={a.id}>
                  <th scope="row">
                    {a.member ? (
                      <Link to={`/staff/members/${a.member.id}`}>
                        {a.member.firstName} {a.member.lastName} ({a.member.star ?? '—'})
                      </Link>
                    ) : (
                      t('case.unknownMember')
                    )}
                  </th>
                  <td>
                    {label('category', a.category)}
                    <br />
                    <span className="usa-hint">{a.summary}</span>
                  </td>
                  <td>
                    {label('finding', a.recommendedFinding)}
                    {a.recommendedPenalty ? ` · ${a.recommendedPenalty}` : ''}
                  </td>
                  <td>
                    {label('finding', a.finalFinding)}
                    {a.finalPenalty ? ` · ${a.finalPenalty}` : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
      )}
      {can('case.add_allegation') ? (
        <ActionForm
          id="form-allegation"
          title={t('action.allegation')}
          submitLabel={t('action.add')}
          onReload={() => void reload()}
          onSubmit={() =>
            api.addAllegation(c.logNumber, {
              ...(unknown ? { unknownMember: true } : star.trim() ? { star: star.trim() } : {}),
              category,
              summary,
            })
          }
          onDone={async () => {
            setStar('');
            setUnknown(false);
            setSummary('');
            await reload();
          }}
        >
          {(e) => (
            <>
              <Field id="al-star" label={t('action.star')} error={e.star ?? e.memberId} optional>
                <TextInput
                  id="al-star"
                  name="star"
                  type="text"
                  inputMode="numeric"
                  value={star}
                  disabled={unknown}
                  onChange={(ev) => setStar(ev.target.value)}
                />
              </Field>
              <Checkbox
                id="al-unknown"
                name="unknownMember"
                label={t('action.unknownOfficer')}
                checked={unknown}
                onChange={(ev) => setUnknown(ev.target.checked)}
              />
              <AllegationFields
                idPrefix="al"
                errors={e}
                category={category}
                summary={summary}
                onCategory={setCategory}
                onSummary={setSummary}
              />
            </>
          )}
        </ActionForm>
      ) : null}
      {(canRecommend || canFinal) && chosen ? (
        <ActionForm
          id="form-finding"
          title={t('action.finding')}
          submitLabel={t('common.save')}
          onReload={() => void reload()}
          onSubmit={() =>
            api.recordFinding(c.logNumber, chosen.id, {
              ...(finding.rf ? { recommendedFinding: finding.rf as never } : {}),
              ...(finding.rp ? { recommendedPenalty: finding.rp } : {}),
              ...(finding.ff ? { finalFinding: finding.ff as never } : {}),
              ...(finding.fp ? { finalPenalty: finding.fp } : {}),
            })
          }
          onDone={async () => {
            setFinding({ rf: '', rp: '', ff: '', fp: '' });
            await reload();
          }}
        >
          {(e) => (
            <>
              <Field id="fi-allegation" label={t('action.allegation')}>
                <Select
                  id="fi-allegation"
                  name="allegation"
                  value={chosen.id}
                  onChange={(ev) => setTarget(ev.target.value)}
                >
                  {allegations.map((a) => (
                    <option key={a.id} value={a.id}>
                      {a.member
                        ? `${a.member.firstName} ${a.member.lastName}`
                        : t('case.unknownMember')}{' '}
                      — {label('category', a.category)}
                    </option>
                  ))}
                </Select>
              </Field>
              {canRecommend ? (
                <>
                  {select('fi-rf', 'rf', t('action.recommendedFinding'), e, 'recommendedFinding')}
                  {penalty('fi-rp', 'rp', t('action.recommendedPenalty'), e, 'recommendedPenalty')}
                </>
              ) : null}
              {canFinal ? (
                <>
                  {select('fi-ff', 'ff', t('action.finalFinding'), e, 'finalFinding')}
                  {penalty('fi-fp', 'fp', t('action.finalPenalty'), e, 'finalPenalty')}
                </>
              ) : null}
            </>
          )}
        </ActionForm>
      ) : null}
      {can('case.log_activity') ? <ActivityForm c={c} reload={reload} can={can} /> : null}
    </Section>
  );
}

function ActivityForm({ c, reload }: Ctx) {
  const { t, label } = useI18n();
  const blank = {
    kind: 'canvass' as ActivityKind,
    occurredAt: nowChicagoLocal(),
    place: '',
    outcome: '',
    summary: '',
  };
  const [f, setF] = useState(blank);
  return (
    <ActionForm
      id="form-activity"
      title={t('action.activity')}
      submitLabel={t('action.add')}
      onReload={() => void reload()}
      onSubmit={() =>
        api.logActivity(c.logNumber, {
          kind: f.kind,
          occurredAt: chicagoToIso(f.occurredAt),
          ...(f.place.trim() ? { place: f.place } : {}),
          ...(f.outcome.trim() ? { outcome: f.outcome } : {}),
          summary: f.summary,
        })
      }
      onDone={async () => {
        setF(blank);
        await reload();
      }}
    >
      {(e) => (
        <>
          <Field id="ac-kind" label={t('col.kind')} error={e.kind}>
            <Select
              id="ac-kind"
              name="kind"
              value={f.kind}
              onChange={(ev) => setF({ ...f, kind: ev.target.value as ActivityKind })}
            >
              {ACTIVITY_KINDS.map((k) => (
                <option key={k} value={k}>
                  {label('activityKind', k)}
                </option>
              ))}
            </Select>
          </Field>
          <Field id="ac-at" label={t('action.occurredAt')} error={e.occurredAt}>
            <input
              className="usa-input"
              id="ac-at"
              name="occurredAt"
              type="datetime-local"
              value={f.occurredAt}
              onChange={(ev) => setF({ ...f, occurredAt: ev.target.value })}
            />
          </Field>
          <Field id="ac-place" label={t('action.place')} error={e.place} optional>
            <TextInput
              id="ac-place"
              name="place"
              type="text"
              value={f.place}
              onChange={(ev) => setF({ ...f, place: ev.target.value })}
            />
          </Field>
          <Field id="ac-outcome" label={t('action.outcome')} error={e.outcome} optional>
            <TextInput
              id="ac-outcome"
              name="outcome"
              type="text"
              value={f.outcome}
              onChange={(ev) => setF({ ...f, outcome: ev.target.value })}
            />
          </Field>
          <Field id="ac-summary" label={t('action.summary')} error={e.summary}>
            <Textarea
              id="ac-summary"
              name="summary"
              value={f.summary}
              onChange={(ev) => setF({ ...f, summary: ev.target.value })}
            />
          </Field>
        </>
      )}
    </ActionForm>
  );
}

function DutyStatus({ c, reload, can }: Ctx) {
  const { t, label, dateTime } = useI18n();
  const members = (c.allegations ?? []).flatMap((a) => (a.member ? [a.member] : []));
  const unique = members.filter((m, i) => members.findIndex((x) => x.id === m.id) === i);
  const canRecommend = can('case.recommend_duty_status');
  const canDecide = can('case.decide_duty_status');
  const blank = {
    memberId: '',
    action: 'relieved_of_police_powers' as DutyStatusAction,
    stage: canRecommend ? 'recommended' : 'decided',
    decidedBy: '',
    recommendationId: '',
    reason: '',
    effectiveAt: nowChicagoLocal(),
    badge: false,
    weapon: false,
  };
  const [f, setF] = useState(blank);
  const recommendations = (c.dutyStatus ?? []).filter((d) => d.stage === 'recommended');
  const name = (id: string) => {
    const m = unique.find((x) => x.id === id);
    return m ? `${m.firstName} ${m.lastName}` : id;
  };
  if (!c.dutyStatus) {
    return null;
  }
  return (
    <Section id="duty" title={t('case.dutyStatus')}>
      {c.dutyStatus.length === 0 ? (
        <p>{t('case.noDutyStatus')}</p>
      ) : (
        <div className="ovs-table-wrap">
          <Table fullWidth striped>
            <caption className="usa-sr-only">{t('case.dutyStatus')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('col.member')}</th>
                <th scope="col">{t('col.action')}</th>
                <th scope="col">{t('col.stage')}</th>
                <th scope="col">{t('col.decidedBy')}</th>
                <th scope="col">{t('col.date')}</th>
                <th scope="col">{t('col.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {c.dutyStatus.map((d) => (
                <tr key={d.id}>
                  <th scope="row">
                    <Link to={`/staff/members/${d.memberId}`}>{name(d.memberId)}</Link>
                  </th>
                  <td>{label('dutyAction', d.action)}</td>
                  <td>{label('dutyStage', d.stage)}</td>
                  <td>{d.decidedBy ?? `${d.agency} (${d.recordedBy})`}</td>
                  <td>{dateTime(d.effectiveAt)}</td>
                  <td>{d.reason}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
      )}
      {(canRecommend || canDecide) && unique.length > 0 ? (
        <ActionForm
          id="form-duty"
          title={t('action.duty')}
          submitLabel={t('common.save')}
          onReload={() => void reload()}
          onSubmit={() =>
            api.recordDutyStatus(f.memberId || unique[0]!.id, {
              action: f.action,
              stage: f.stage as 'recommended',
              logNumber: c.logNumber,
              ...(f.stage === 'decided' && f.decidedBy.trim() ? { decidedBy: f.decidedBy } : {}),
              ...(f.stage === 'decided' && f.recommendationId
                ? { recommendationId: f.recommendationId }
                : {}),
              reason: f.reason,
              effectiveAt: chicagoToIso(f.effectiveAt),
              ...(f.stage === 'decided'
                ? { badgeSurrendered: f.badge, weaponSurrendered: f.weapon }
                : {}),
            })
          }
          onDone={async () => {
            setF(blank);
            await reload();
          }}
        >
          {(e) => (
            <>
              <Field id="du-member" label={t('action.dutyMember')} error={e.memberId}>
                <Select
                  id="du-member"
                  name="member"
                  value={f.memberId || unique[0]!.id}
                  onChange={(ev) => setF({ ...f, memberId: ev.target.value })}
                >
                  {unique.map((m) => (
                    <option key={m.id} value={m.id}>
                      {m.firstName} {m.lastName} ({m.star ?? '—'})
                    </option>
                  ))}
                </Select>
              </Field>
              <Field id="du-action" label={t('action.dutyAction')} error={e.action}>
                <Select
                  id="du-action"
                  name="action"
                  value={f.action}
                  onChange={(ev) => setF({ ...f, action: ev.target.value as DutyStatusAction })}
                >
                  {DUTY_STATUS_ACTIONS.map((a) => (
                    <option key={a} value={a}>
                      {label('dutyAction', a)}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field id="du-stage" label={t('action.dutyStage')} error={e.stage}>
                <Select
                  id="du-stage"
                  name="stage"
                  value={f.stage}
                  onChange={(ev) => setF({ ...f, stage: ev.target.value })}
                >
                  {canRecommend ? (
                    <option value="recommended">{label('dutyStage', 'recommended')}</option>
                  ) : null}
                  {canDecide ? (
                    <option value="decided">{label('dutyStage', 'decided')}</option>
                  ) : null}
                </Select>
              </Field>
              {f.stage === 'decided' ? (
                <>
                  <Field id="du-decidedBy" label={t('action.decidedBy')} error={e.decidedBy}>
                    <TextInput
                      id="du-decidedBy"
                      name="decidedBy"
                      type="text"
                      value={f.decidedBy}
                      onChange={(ev) => setF({ ...f, decidedBy: ev.target.value })}
                    />
                  </Field>
                  {recommendations.length > 0 ? (
                    <Field
                      id="du-rec"
                      label={t('action.recommendation')}
                      error={e.recommendationId}
                      optional
                    >
                      <Select
                        id="du-rec"
                        name="recommendationId"
                        value={f.recommendationId}
                        onChange={(ev) => setF({ ...f, recommendationId: ev.target.value })}
                      >
                        <option value="">—</option>
                        {recommendations.map((r) => (
                          <option key={r.id} value={r.id}>
                            {name(r.memberId)} — {label('dutyAction', r.action)} (
                            {dateTime(r.effectiveAt)})
                          </option>
                        ))}
                      </Select>
                    </Field>
                  ) : null}
                  <Checkbox
                    id="du-badge"
                    name="badge"
                    label={t('action.badgeSurrendered')}
                    checked={f.badge}
                    onChange={(ev) => setF({ ...f, badge: ev.target.checked })}
                  />
                  <Checkbox
                    id="du-weapon"
                    name="weapon"
                    label={t('action.weaponSurrendered')}
                    checked={f.weapon}
                    onChange={(ev) => setF({ ...f, weapon: ev.target.checked })}
                  />
                </>
              ) : null}
              <Field id="du-reason" label={t('col.reason')} error={e.reason}>
                <Textarea
                  id="du-reason"
                  name="reason"
                  value={f.reason}
                  onChange={(ev) => setF({ ...f, reason: ev.target.value })}
                />
              </Field>
              <Field id="du-at" label={t('action.effectiveAt')} error={e.effectiveAt}>
                <input
                  className="usa-input"
                  id="du-at"
                  name="effectiveAt"
                  type="datetime-local"
                  value={f.effectiveAt}
                  onChange={(ev) => setF({ ...f, effectiveAt: ev.target.value })}
                />
              </Field>
            </>
          )}
        </ActionForm>
      ) : null}
    </Section>
  );
}

function Agencies({ c, reload, can }: Ctx) {
  const { t, label, date } = useI18n();
  const [f, setF] = useState({ agency: 'BIA', track: 'criminal', role: 'parallel' });
  return (
    <Section id="agencies" title={t('case.agencies')}>
      <ul className="usa-list" data-testid="agencies">
        {c.agencies.map((a) => (
          <li key={`${a.agency}-${a.track}-${a.role}`}>
            {a.agency} — {label('track', a.track)}, {label('agencyRole', a.role)} ({date(a.addedAt)}
            )
          </li>
        ))}
      </ul>
      {can('case.add_agency') ? (
        <ActionForm
          id="form-agency"
          title={t('action.addAgency')}
          submitLabel={t('action.add')}
          onReload={() => void reload()}
          onSubmit={() =>
            api.addAgency(c.logNumber, {
              agency: f.agency as 'BIA',
              track: f.track as 'criminal',
              role: f.role as 'parallel',
            })
          }
          onDone={() => reload()}
        >
          {(e) => (
            <>
              <Field id="ag-agency" label={t('action.agency')} error={e.agency}>
                <Select
                  id="ag-agency"
                  name="agency"
                  value={f.agency}
                  onChange={(ev) => setF({ ...f, agency: ev.target.value })}
                >
                  <option value="BIA">BIA</option>
                  <option value="COPA">COPA</option>
                </Select>
              </Field>
              <Field id="ag-track" label={t('action.track')} error={e.track}>
                <Select
                  id="ag-track"
                  name="track"
                  value={f.track}
                  onChange={(ev) => setF({ ...f, track: ev.target.value })}
                >
                  <option value="criminal">{label('track', 'criminal')}</option>
                  <option value="administrative">{label('track', 'administrative')}</option>
                </Select>
              </Field>
              <Field id="ag-role" label={t('action.role')} error={e.role}>
                <Select
                  id="ag-role"
                  name="role"
                  value={f.role}
                  onChange={(ev) => setF({ ...f, role: ev.target.value })}
                >
                  <option value="parallel">{label('agencyRole', 'parallel')}</option>
                  <option value="referred">{label('agencyRole', 'referred')}</option>
                </Select>
              </Field>
            </>
          )}
        </ActionForm>
      ) : null}
    </Section>
  );
}

function Assignments({ c, reload, can }: Ctx) {
  const { t, label, date } = useI18n();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<AssignmentRole>('lead_investigator');
  if (!c.assignments) {
    return null;
  }
  return (
    <Section id="assignments" title={t('case.assignments')}>
      {c.assignments.length === 0 ? (
        <p>{t('case.noAssignments')}</p>
      ) : (
        <ul className="usa-list" data-testid="assignments">
          {c.assignments.map((a) => (
            <li key={a.id}>
              {a.displayName} ({a.agency}) — {label('assignmentRole', a.role)}, {date(a.assignedAt)}
            </li>
          ))}
        </ul>
      )}
      {can('case.assign') ? (
        <ActionForm
          id="form-assign"
          title={t('action.assign')}
          submitLabel={t('action.add')}
          onReload={() => void reload()}
          onSubmit={() => api.assign(c.logNumber, { email: email.trim(), role })}
          onDone={async () => {
            setEmail('');
            await reload();
          }}
        >
          {(e) => (
            <>
              <Field id="as-email" label={t('action.assignEmail')} error={e.email ?? e.userId}>
                <TextInput
                  id="as-email"
                  name="email"
                  type="email"
                  value={email}
                  onChange={(ev) => setEmail(ev.target.value)}
                />
              </Field>
              <Field id="as-role" label={t('action.role')} error={e.role}>
                <Select
                  id="as-role"
                  name="role"
                  value={role}
                  onChange={(ev) => setRole(ev.target.value as AssignmentRole)}
                >
                  {ASSIGNMENT_ROLES.map((r) => (
                    <option key={r} value={r}>
                      {label('assignmentRole', r)}
                    </option>
                  ))}
                </Select>
              </Field>
            </>
          )}
        </ActionForm>
      ) : null}
    </Section>
  );
}

function Deadlines({ c, reload, can }: Ctx) {
  const { t, label, date, bilingual } = useI18n();
  const [target, setTarget] = useState('');
  const [days, setDays] = useState('30');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  if (!c.deadlines) {
    return null;
  }
  const open = c.deadlines.filter((d) => !d.metAt && !d.supersededAt);
  const chosen = open.find((d) => d.id === target) ?? open[0];
  const complete = async (id: string) => {
    try {
      await api.completeDeadline(c.logNumber, id);
      setError(null);
      await reload();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <Section id="deadlines" title={t('case.deadlines')}>
      <ProblemAlert error={error} onReload={() => void reload()} />
      {c.deadlines.length === 0 ? (
        <p>{t('case.noDeadlines')}</p>
      ) : (
        <div className="ovs-table-wrap">
          <Table fullWidth striped>
            <caption className="usa-sr-only">{t('case.deadlines')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('col.kind')}</th>
                <th scope="col">{t('col.due')}</th>
                <th scope="col">{t('col.clause')}</th>
                <th scope="col">{t('col.status')}</th>
              </tr>
            </thead>
            <tbody>
              {c.deadlines.map((d) => (
                <tr key={d.id}>
                  <th scope="row">
                    {label('deadlineKind', d.kind)}
                    {d.sequence > 1 ? ` #${d.sequence}` : ''}
                    <br />
                    <span className="usa-hint">
                      {t('case.countedFrom', {
                        anchor: label('deadlineAnchor', d.anchor.kind),
                        date: date(d.anchor.date),
                      })}
                    </span>
                  </th>
                  <td>{date(d.dueDate)}</td>
                  <td>
                    {d.clause}
                    <br />
                    <span className="usa-hint">{bilingual(d.basis, d.basisEs)}</span>
                    {d.extensions.map((x, i) => (
                      <div key={i} className="usa-hint">
                        {t('case.extendedTo', {
                          days: x.days,
                          date: date(x.newDueDate),
                          reason: x.reason,
                        })}
                      </div>
                    ))}
                  </td>
                  <td>
                    {d.metAt ? (
                      t('case.met', { date: date(d.metAt) })
                    ) : d.supersededAt ? (
                      t('case.superseded', { date: date(d.supersededAt) })
                    ) : can('case.complete_deadline') ? (
                      <Button type="button" unstyled onClick={() => void complete(d.id)}>
                        {t('action.complete')} — {label('deadlineKind', d.kind)}
                      </Button>
                    ) : (
                      '—'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
      )}
      {can('case.extend_deadline') && chosen ? (
        <ActionForm
          id="form-extend"
          title={t('action.extend')}
          submitLabel={t('action.extend')}
          onReload={() => void reload()}
          onSubmit={() =>
            api.extendDeadline(c.logNumber, chosen.id, { days: Number(days), reason })
          }
          onDone={async () => {
            setReason('');
            await reload();
          }}
        >
          {(e) => (
            <>
              <Field id="ex-deadline" label={t('col.kind')}>
                <Select
                  id="ex-deadline"
                  name="deadline"
                  value={chosen.id}
                  onChange={(ev) => setTarget(ev.target.value)}
                >
                  {open.map((d) => (
                    <option key={d.id} value={d.id}>
                      {label('deadlineKind', d.kind)} — {date(d.dueDate)}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field id="ex-days" label={t('action.extendDays')} error={e.days}>
                <TextInput
                  id="ex-days"
                  name="days"
                  type="number"
                  min={1}
                  max={365}
                  value={days}
                  onChange={(ev) => setDays(ev.target.value)}
                />
              </Field>
              <Field id="ex-reason" label={t('col.reason')} error={e.reason}>
                <Textarea
                  id="ex-reason"
                  name="reason"
                  value={reason}
                  onChange={(ev) => setReason(ev.target.value)}
                />
              </Field>
            </>
          )}
        </ActionForm>
      ) : null}
    </Section>
  );
}

function Statements({ c, reload, can }: Ctx) {
  const { t, label, date } = useI18n();
  const [text, setText] = useState('');
  const [language, setLanguage] = useState('en');
  const [translationOf, setTranslationOf] = useState('');
  const [error, setError] = useState<unknown>(null);
  const publish = async (id: string) => {
    try {
      await api.publishStatement(id);
      setError(null);
      await reload();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <Section id="statements" title={t('case.statements')}>
      <ProblemAlert error={error} onReload={() => void reload()} />
      {can('case.review_narrative') ? <NarrativeReviewLink logNumber={c.logNumber} /> : null}
      {c.statements.length === 0 ? <p>{t('case.noStatements')}</p> : null}
      <ul className="usa-list" data-testid="statements">
        {c.statements.map((s) => (
          <li key={s.id} lang={s.language}>
            <strong>{label('language', s.language)}</strong> —{' '}
            {s.status === 'published'
              ? t('case.published', { date: date(s.publishedAt) })
              : t('case.draft')}
            : “{s.text}”{' '}
            {s.status === 'draft' && can('case.draft_statement') ? (
              <Button type="button" unstyled onClick={() => void publish(s.id)}>
                {t('action.publish', { language: label('language', s.language) })}
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
      {can('case.draft_statement') ? (
        <ActionForm
          id="form-statement"
          title={t('action.statement')}
          submitLabel={t('action.add')}
          onReload={() => void reload()}
          onSubmit={() =>
            api.draftStatement(c.logNumber, {
              text,
              language,
              ...(translationOf ? { translationOf } : {}),
            })
          }
          onDone={async () => {
            setText('');
            setTranslationOf('');
            await reload();
          }}
        >
          {(e) => (
            <>
              <Field id="st-language" label={t('action.statementLanguage')} error={e.language}>
                <Select
                  id="st-language"
                  name="language"
                  value={language}
                  onChange={(ev) => setLanguage(ev.target.value)}
                >
                  <option value="en">{label('language', 'en')}</option>
                  <option value="es">{label('language', 'es')}</option>
                </Select>
              </Field>
              {c.statements.length > 0 ? (
                <Field
                  id="st-translation"
                  label={t('action.translationOf')}
                  error={e.translationOf}
                  optional
                >
                  <Select
                    id="st-translation"
                    name="translationOf"
                    value={translationOf}
                    onChange={(ev) => setTranslationOf(ev.target.value)}
                  >
                    <option value="">—</option>
                    {c.statements.map((s) => (
                      <option key={s.id} value={s.id}>
                        {label('language', s.language)}: {s.text.slice(0, 60)}
                      </option>
                    ))}
                  </Select>
                </Field>
              ) : null}
              <Field id="st-text" label={t('action.statementText')} error={e.text}>
                <Textarea
                  id="st-text"
                  name="text"
                  value={text}
                  onChange={(ev) => setText(ev.target.value)}
                />
              </Field>
            </>
          )}
        </ActionForm>
      ) : null}
    </Section>
  );
}

/**
 * What the complainant sent beyond the narrative: files from the complaint form (only for those
 * who may read identities; each download is audited) and information added later through
 * follow-my-complaint.
 */
function FromComplainant({ c }: Ctx) {
  const { t, dateTime } = useI18n();
  const files = c.attachments ?? [];
  const additions = c.complainantAdditions ?? [];
  if (files.length === 0 && additions.length === 0) {
    return null;
  }
  return (
    <Section id="from-complainant" title={t('case.fromComplainant')}>
      {files.length > 0 ? (
        <>
          <h3>{t('case.files')}</h3>
          <p className="usa-hint">{t('case.filesHint')}</p>
          <ul className="usa-list" data-testid="attachments">
            {files.map((f) => (
              <li key={f.id}>
                <a
                  href={`/api/v1/cases/${encodeURIComponent(c.logNumber)}/attachments/${f.id}`}
                  download={f.fileName}
                >
                  {f.fileName}
                </a>{' '}
                ({f.contentType}, {Math.ceil(f.byteSize / 1024)} KB, {dateTime(f.receivedAt)})
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {additions.length > 0 ? (
        <>
          <h3>{t('case.additions')}</h3>
          <ul className="usa-list" data-testid="complainant-additions">
            {additions.map((a) => (
              <li key={a.id}>
                <span className="text-bold">{dateTime(a.receivedAt)}</span>: {a.text}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Section>
  );
}

/** Imported cases: which released file added the case and which later ones changed what. */
function SourceHistory({ c }: Ctx) {
  const { t, dateTime } = useI18n();
  const history = c.sourceHistory ?? [];
  if (history.length === 0) {
    return null;
  }
  return (
    <Section id="source-history" title={t('case.sourceHistory')}>
      <p className="usa-hint">{t('case.sourceHistoryHint')}</p>
      <ul className="usa-list" data-testid="source-history">
        {history.map((h, i) => (
          <li key={`${h.sha256}-${i}`}>
            <span className="text-bold">{dateTime(h.at)}</span>: <code>{h.file}</code> ({h.kind}){' '}
            {h.change === 'added' ? t('case.sourceAdded') : t('case.sourceUpdated')}
            {h.fields.length > 0 ? `: ${h.fields.join(', ')}` : ''}
          </li>
        ))}
      </ul>
    </Section>
  );
}

function PressInquiries({ c, reload, can }: Ctx) {
  const { t, dateTime } = useI18n();
  const blank = { outlet: '', question: '', receivedAt: nowChicagoLocal() };
  const [f, setF] = useState(blank);
  const [error, setError] = useState<unknown>(null);
  if (!c.pressInquiries) {
    return null;
  }
  const published = c.statements.filter((s) => s.status === 'published');
  const answer = async (id: string, statementId: string) => {
    try {
      await api.answerPressInquiry(id, statementId);
      setError(null);
      await reload();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <Section id="press" title={t('case.pressInquiries')}>
      <ProblemAlert error={error} onReload={() => void reload()} />
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
                      onClick={() => void answer(p.id, s.id)}
                    >
                      {t('action.answer')} ({s.language})
                    </Button>
                  ))
                : null}
          </li>
        ))}
      </ul>
      {can('case.log_press_inquiry') ? (
        <ActionForm
          id="form-press"
          title={t('action.pressInquiry')}
          submitLabel={t('action.add')}
          onReload={() => void reload()}
          onSubmit={() =>
            api.logPressInquiry(c.logNumber, {
              outlet: f.outlet,
              question: f.question,
              receivedAt: chicagoToIso(f.receivedAt),
            })
          }
          onDone={async () => {
            setF(blank);
            await reload();
          }}
        >
          {(e) => (
            <>
              <Field id="pr-outlet" label={t('action.outlet')} error={e.outlet}>
                <TextInput
                  id="pr-outlet"
                  name="outlet"
                  type="text"
                  value={f.outlet}
                  onChange={(ev) => setF({ ...f, outlet: ev.target.value })}
                />
              </Field>
              <Field id="pr-question" label={t('action.question')} error={e.question}>
                <Textarea
                  id="pr-question"
                  name="question"
                  value={f.question}
                  onChange={(ev) => setF({ ...f, question: ev.target.value })}
                />
              </Field>
              <Field id="pr-at" label={t('case.received')} error={e.receivedAt}>
                <input
                  className="usa-input"
                  id="pr-at"
                  name="receivedAt"
                  type="datetime-local"
                  value={f.receivedAt}
                  onChange={(ev) => setF({ ...f, receivedAt: ev.target.value })}
                />
              </Field>
            </>
          )}
        </ActionForm>
      ) : null}
    </Section>
  );
}
