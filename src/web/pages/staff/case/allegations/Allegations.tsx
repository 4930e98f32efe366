import { ActivityForm } from '../activity/ActivityForm.tsx';
import { useI18n } from '../../../../i18n/i18n.tsx';
import { DataTable, Section, type CaseCtx } from '../section.tsx';
import { AllegationForm } from './AllegationForm.tsx';
import { FindingForm } from './FindingForm.tsx';
import { MemberLink } from '../../../../components/columns.tsx';

/** The allegations with their findings; forms to add one, record findings and log activity. */
export function Allegations(ctx: CaseCtx) {
  const { c } = ctx;
  const { t, label } = useI18n();
  const allegations = c.allegations ?? [];
  return (
    <Section id="allegations" title={t('case.allegations')}>
      <DataTable
        caption="case.allegations"
        empty="case.noAllegations"
        rows={allegations}
        columns={[
          {
            header: 'col.member',
            cell: (a) => (
              <MemberLink id={a.member?.id}>
                {a.member
                  ? `${a.member.firstName} ${a.member.lastName} (${a.member.star ?? '—'})`
                  : t('case.unknownMember')}
              </MemberLink>
            ),
          },
          {
            header: 'col.category',
            cell: (a) => (
              <>
                {label('category', a.category)}
                <br />
                <span className="usa-hint">{a.summary}</span>
              </>
            ),
          },
          {
            header: 'case.recommended',
            cell: (a) => (
              <>
                {label('finding', a.recommendedFinding)}
                {a.recommendedPenalty ? ` · ${a.recommendedPenalty}` : ''}
              </>
            ),
          },
          {
            header: 'case.final',
            cell: (a) => (
              <>
                {label('finding', a.finalFinding)}
                {a.finalPenalty ? ` · ${a.finalPenalty}` : ''}
              </>
            ),
          },
        ]}
      />
      <AllegationForm {...ctx} />
      <FindingForm {...ctx} />
      <ActivityForm {...ctx} />
    </Section>
  );
}
