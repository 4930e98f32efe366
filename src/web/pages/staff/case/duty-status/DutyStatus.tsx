import { Checkbox } from '@trussworks/react-uswds';
import { DUTY_STATUS_ACTIONS, type DutyStatusAction } from '../../../../../shared/enums.ts';
import { api, type Case } from '../../../../api/client.ts';
import {
  DateTimeField,
  Options,
  SelectField,
  TextArea,
  TextField,
  RecordOptions,
} from '../../../../components/form/fields.tsx';
import { useFields } from '../../../../components/form/use-fields.ts';
import { chicagoToIso, nowChicagoLocal, useI18n } from '../../../../i18n/i18n.tsx';
import { memberName } from '../allegations/AllegationFields.tsx';
import { DutyStatusTable } from '../../../public/DutyStatusTable.tsx';
import { CaseForm, DataTable, Section, type CaseCtx } from '../section.tsx';
import { MemberLink } from '../../../../components/columns.tsx';

/**
 * What the public case page shows of these decisions (issue 22 item 1), so the public-information
 * officer sees it before anyone asks: the server computes it with the portal's own presenter and
 * it is drawn with the portal's own table. Each decided action the public is not told of is named
 * with the reason (case team only).
 */
function PublicPreview({ preview }: { preview: NonNullable<Case['publicPreview']> }) {
  const { t, label, date } = useI18n();
  return (
    <section data-testid="duty-public-preview" aria-labelledby="duty-public-preview-title">
      <h3 id="duty-public-preview-title">{t('case.dutyPreview')}</h3>
      <p className="usa-hint">{t('case.dutyPreview.note')}</p>
      {preview.visibility === 'status_only' ? (
        <p>{t('case.dutyPreview.statusOnly')}</p>
      ) : preview.dutyStatus.length > 0 ? (
        <DutyStatusTable actions={preview.dutyStatus} />
      ) : (
        <p>{t('case.dutyPreview.none')}</p>
      )}
      {preview.withheld && preview.withheld.length > 0 ? (
        <ul data-testid="duty-public-withheld">
          {preview.withheld.map((w, i) => (
            <li key={i}>
              {t(`case.dutyPreview.withheld.${w.reason}`, {
                action: label('dutyAction', w.action),
                date: date(w.effectiveDate),
                n: preview.minUnitMembers,
              })}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

/**
 * Duty-status actions on the accused (relief of police powers and the like): recommended by the
 * investigating agency, decided by the department, each as the caller's abilities allow.
 */
export function DutyStatus(ctx: CaseCtx) {
  const { c, can } = ctx;
  const { t, label, dateTime } = useI18n();
  const members = (c.allegations ?? []).flatMap((a) => (a.member ? [a.member] : []));
  const unique = members.filter((m, i) => members.findIndex((x) => x.id === m.id) === i);
  const canRecommend = can('case.recommend_duty_status');
  const canDecide = can('case.decide_duty_status');
  const {
    values: f,
    bind,
    bindCheck,
    reset,
  } = useFields<{
    member: string;
    action: DutyStatusAction;
    stage: string;
    decidedBy: string;
    recommendationId: string;
    reason: string;
    effectiveAt: string;
    badge: boolean;
    weapon: boolean;
  }>(
    {
      member: '',
      action: 'relieved_of_police_powers',
      stage: canRecommend ? 'recommended' : 'decided',
      decidedBy: '',
      recommendationId: '',
      reason: '',
      effectiveAt: nowChicagoLocal(),
      badge: false,
      weapon: false,
    },
    'du',
  );
  const recommendations = (c.dutyStatus ?? []).filter((d) => d.stage === 'recommended');
  const name = (id: string) => {
    const m = unique.find((x) => x.id === id);
    return m ? memberName(m) : id;
  };
  if (!c.dutyStatus) {
    // a viewer of the public fields sees what the public sees, and no ledger
    return c.publicPreview ? (
      <Section id="duty" title={t('case.dutyStatus')}>
        <PublicPreview preview={c.publicPreview} />
      </Section>
    ) : null;
  }
  const decided = f.stage === 'decided';
  const send = () =>
    api.recordDutyStatus(f.member || unique[0]!.id, {
      action: f.action,
      stage: f.stage as 'recommended',
      logNumber: c.logNumber,
      ...(decided && f.decidedBy.trim() ? { decidedBy: f.decidedBy } : {}),
      ...(decided && f.recommendationId ? { recommendationId: f.recommendationId } : {}),
      reason: f.reason,
      effectiveAt: chicagoToIso(f.effectiveAt),
      ...(decided ? { badgeSurrendered: f.badge, weaponSurrendered: f.weapon } : {}),
    });
  return (
    <Section id="duty" title={t('case.dutyStatus')}>
      <DataTable
        caption="case.dutyStatus"
        empty="case.noDutyStatus"
        rows={c.dutyStatus}
        columns={[
          {
            header: 'col.member',
            cell: (d) => <MemberLink id={d.memberId}>{name(d.memberId)}</MemberLink>,
          },
          { header: 'col.action', cell: (d) => label('dutyAction', d.action) },
          { header: 'col.stage', cell: (d) => label('dutyStage', d.stage) },
          { header: 'col.decidedBy', cell: (d) => d.decidedBy ?? `${d.agency} (${d.recordedBy})` },
          { header: 'col.date', cell: (d) => dateTime(d.effectiveAt) },
          { header: 'col.reason', cell: (d) => d.reason },
        ]}
      />
      {c.publicPreview ? <PublicPreview preview={c.publicPreview} /> : null}
      {unique.length > 0 ? (
        <CaseForm {...ctx} form="duty" onSubmit={send} reset={reset}>
          {(e) => (
            <>
              <SelectField
                label={t('action.dutyMember')}
                error={e.memberId}
                {...bind('member')}
                value={f.member || unique[0]!.id}
              >
                <RecordOptions
                  records={unique}
                  labelOf={(m) => `${m.firstName} ${m.lastName} (${m.star ?? '—'})`}
                />
              </SelectField>
              <SelectField label={t('action.dutyAction')} error={e.action} {...bind('action')}>
                <Options values={DUTY_STATUS_ACTIONS} labelOf={(x) => label('dutyAction', x)} />
              </SelectField>
              <SelectField label={t('action.dutyStage')} error={e.stage} {...bind('stage')}>
                <Options
                  values={[
                    ...(canRecommend ? ['recommended'] : []),
                    ...(canDecide ? ['decided'] : []),
                  ]}
                  labelOf={(x) => label('dutyStage', x)}
                />
              </SelectField>
              {decided ? (
                <>
                  <TextField
                    type="text"
                    label={t('action.decidedBy')}
                    error={e.decidedBy}
                    {...bind('decidedBy')}
                  />
                  {recommendations.length > 0 ? (
                    <SelectField
                      label={t('action.recommendation')}
                      error={e.recommendationId}
                      optional
                      {...bind('recommendationId', 'du-rec')}
                    >
                      <RecordOptions
                        empty="—"
                        records={recommendations}
                        labelOf={(r) =>
                          `${name(r.memberId)} — ${label('dutyAction', r.action)} (${dateTime(r.effectiveAt)})`
                        }
                      />
                    </SelectField>
                  ) : null}
                  <Checkbox label={t('action.badgeSurrendered')} {...bindCheck('badge')} />
                  <Checkbox label={t('action.weaponSurrendered')} {...bindCheck('weapon')} />
                </>
              ) : null}
              <TextArea label={t('col.reason')} error={e.reason} {...bind('reason')} />
              <DateTimeField
                label={t('action.effectiveAt')}
                error={e.effectiveAt}
                {...bind('effectiveAt', 'du-at')}
              />
            </>
          )}
        </CaseForm>
      ) : null}
    </Section>
  );
}
