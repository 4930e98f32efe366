import { Checkbox, Select, TextInput, Textarea } from '@trussworks/react-uswds';
import { DUTY_STATUS_ACTIONS, type DutyStatusAction } from '../../../../../shared/enums.ts';
import { api } from '../../../../api/client.ts';
import { CodeOptions } from '../../../../components/form/CodeOptions.tsx';
import { useFields } from '../../../../components/form/use-fields.ts';
import { Field } from '../../../../components/problems.tsx';
import { Link } from '../../../../components/router.tsx';
import { chicagoToIso, nowChicagoLocal, useI18n } from '../../../../i18n/i18n.tsx';
import { memberName } from '../allegations/AllegationFields.tsx';
import { CaseForm, DataTable, Section, type CaseCtx } from '../section.tsx';

/**
 * Duty-status actions on the accused (relief of police powers and the like): recommended by the
 * investigating agency, decided by the department, each as the caller's abilities allow.
 */
export function DutyStatus({ c, reload, can }: CaseCtx) {
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
    return null;
  }
  const decided = f.stage === 'decided';
  return (
    <Section id="duty" title={t('case.dutyStatus')}>
      {c.dutyStatus.length === 0 ? (
        <p>{t('case.noDutyStatus')}</p>
      ) : (
        <DataTable
          caption={t('case.dutyStatus')}
          columns={[
            t('col.member'),
            t('col.action'),
            t('col.stage'),
            t('col.decidedBy'),
            t('col.date'),
            t('col.reason'),
          ]}
        >
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
        </DataTable>
      )}
      {(canRecommend || canDecide) && unique.length > 0 ? (
        <CaseForm
          reload={reload}
          id="form-duty"
          title={t('action.duty')}
          submitLabel={t('common.save')}
          onSubmit={() =>
            api.recordDutyStatus(f.member || unique[0]!.id, {
              action: f.action,
              stage: f.stage as 'recommended',
              logNumber: c.logNumber,
              ...(decided && f.decidedBy.trim() ? { decidedBy: f.decidedBy } : {}),
              ...(decided && f.recommendationId ? { recommendationId: f.recommendationId } : {}),
              reason: f.reason,
              effectiveAt: chicagoToIso(f.effectiveAt),
              ...(decided ? { badgeSurrendered: f.badge, weaponSurrendered: f.weapon } : {}),
            })
          }
          reset={() => reset()}
        >
          {(e) => (
            <>
              <Field id="du-member" label={t('action.dutyMember')} error={e.memberId}>
                <Select {...bind('member')} value={f.member || unique[0]!.id}>
                  {unique.map((m) => (
                    <option key={m.id} value={m.id}>
                      {m.firstName} {m.lastName} ({m.star ?? '—'})
                    </option>
                  ))}
                </Select>
              </Field>
              <Field id="du-action" label={t('action.dutyAction')} error={e.action}>
                <Select {...bind('action')}>
                  <CodeOptions codes={DUTY_STATUS_ACTIONS} kind="dutyAction" />
                </Select>
              </Field>
              <Field id="du-stage" label={t('action.dutyStage')} error={e.stage}>
                <Select {...bind('stage')}>
                  <CodeOptions
                    codes={[
                      ...(canRecommend ? ['recommended'] : []),
                      ...(canDecide ? ['decided'] : []),
                    ]}
                    kind="dutyStage"
                  />
                </Select>
              </Field>
              {decided ? (
                <>
                  <Field id="du-decidedBy" label={t('action.decidedBy')} error={e.decidedBy}>
                    <TextInput type="text" {...bind('decidedBy')} />
                  </Field>
                  {recommendations.length > 0 ? (
                    <Field
                      id="du-rec"
                      label={t('action.recommendation')}
                      error={e.recommendationId}
                      optional
                    >
                      <Select {...bind('recommendationId', 'du-rec')}>
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
                  <Checkbox label={t('action.badgeSurrendered')} {...bindCheck('badge')} />
                  <Checkbox label={t('action.weaponSurrendered')} {...bindCheck('weapon')} />
                </>
              ) : null}
              <Field id="du-reason" label={t('col.reason')} error={e.reason}>
                <Textarea {...bind('reason')} />
              </Field>
              <Field id="du-at" label={t('action.effectiveAt')} error={e.effectiveAt}>
                <input
                  className="usa-input"
                  type="datetime-local"
                  {...bind('effectiveAt', 'du-at')}
                />
              </Field>
            </>
          )}
        </CaseForm>
      ) : null}
    </Section>
  );
}
