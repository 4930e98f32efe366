import { Fieldset, Radio } from '@trussworks/react-uswds';
import type { Category } from '../../../../../shared/enums.ts';
import { api } from '../../../../api/client.ts';
import {
  SelectField,
  TextArea,
  TextField,
  RecordOptions,
} from '../../../../components/form/fields.tsx';
import { useFields } from '../../../../components/form/use-fields.ts';
import { rosterLine } from '../../../../components/roster-line.ts';
import { useI18n } from '../../../../i18n/i18n.tsx';
import { AllegationFields } from '../allegations/AllegationFields.tsx';
import { CaseForm, DataTable, Section, type CaseCtx } from '../section.tsx';
import { MemberLink } from '../../../../components/columns.tsx';

type Outcome = 'confirmed' | 'dismissed';
const OUTCOMES = ['confirmed', 'dismissed'] as const;

/**
 * The officers the complainant named at intake (docs/domain.md "Reported officers"), for the
 * case team only; an investigator confirms each into an allegation or dismisses it.
 */
export function ReportedOfficers(ctx: CaseCtx) {
  const { c } = ctx;
  const { t, label, date } = useI18n();
  const {
    values: f,
    bind,
    field,
    set,
    reset,
  } = useFields<{
    reportedOfficer: string;
    outcome: Outcome;
    star: string;
    category: Category;
    summary: string;
    reason: string;
  }>(
    {
      reportedOfficer: '',
      outcome: 'confirmed',
      star: '',
      category: c.categories[0] ?? 'miscellaneous',
      summary: '',
      reason: '',
    },
    'ro',
  );
  if (!c.reportedOfficers) {
    return null;
  }
  const open = c.reportedOfficers.filter((o) => o.status === 'reported');
  const chosen = open.find((o) => o.id === f.reportedOfficer) ?? open[0];
  const given = (o: (typeof open)[number]) =>
    [o.name, o.star ? t('intake.officer.star', { star: o.star }) : null, o.description]
      .filter(Boolean)
      .join(' · ');
  const who = (o: (typeof open)[number]) =>
    o.member ? rosterLine(t, o.member) : t('case.reported.notInRoster');
  // sent only from the form, which shows only while an officer waits
  const send = () =>
    api.resolveReportedOfficer(
      c.logNumber,
      chosen!.id,
      f.outcome === 'confirmed'
        ? {
            outcome: f.outcome,
            ...(!chosen!.member && f.star.trim() ? { star: f.star.trim() } : {}),
            category: f.category,
            summary: f.summary,
          }
        : { outcome: f.outcome, reason: f.reason },
    );
  return (
    <Section id="reported-officers" title={t('case.reportedOfficers')}>
      <p className="usa-hint">{t('case.reportedOfficers.hint')}</p>
      <DataTable
        caption="case.reportedOfficers"
        empty="common.none"
        rows={c.reportedOfficers}
        rowData={() => ({ 'data-testid': 'reported-officer' })}
        columns={[
          {
            header: 'case.reported.col.officer',
            cell: (o) => <MemberLink id={o.member?.id}>{who(o)}</MemberLink>,
          },
          {
            header: 'case.reported.col.given',
            cell: (o) => (
              <>
                {given(o) || '—'}
                <br />
                <span className="usa-hint">
                  {label('reportedSource', o.source)} · {date(o.reportedAt)}
                </span>
              </>
            ),
          },
          {
            header: 'case.reported.col.status',
            cell: (o) => (
              <>
                {label('reportedStatus', o.status)}
                {o.resolutionNote ? ` — ${o.resolutionNote}` : ''}
              </>
            ),
          },
        ]}
      />
      {chosen ? (
        <CaseForm
          {...ctx}
          form="reportedOfficer"
          onSubmit={send}
          reset={() => reset({ ...f, star: '', summary: '', reason: '' })}
        >
          {(e) => (
            <>
              <SelectField
                label={t('case.reported.which')}
                {...bind('reportedOfficer', 'ro-which')}
                value={chosen.id}
              >
                <RecordOptions records={open} labelOf={(o) => (o.member ? who(o) : given(o))} />
              </SelectField>
              <Fieldset legend={t('case.reported.outcome')}>
                {OUTCOMES.map((x) => (
                  <Radio
                    key={x}
                    id={`ro-outcome-${x}`}
                    name="outcome"
                    value={x}
                    label={t(x === 'confirmed' ? 'case.reported.confirm' : 'case.reported.dismiss')}
                    checked={f.outcome === x}
                    onChange={() => set('outcome', x)}
                  />
                ))}
              </Fieldset>
              {f.outcome === 'confirmed' ? (
                <>
                  {chosen.member ? null : (
                    <TextField
                      inputMode="numeric"
                      label={t('action.star')}
                      optional
                      {...field(e, 'star')}
                    />
                  )}
                  <AllegationFields
                    errors={e}
                    category={bind('category')}
                    summary={bind('summary')}
                  />
                </>
              ) : (
                <TextArea label={t('case.reported.reason')} {...field(e, 'reason')} />
              )}
            </>
          )}
        </CaseForm>
      ) : null}
    </Section>
  );
}
