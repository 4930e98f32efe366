import { useI18n } from '../../../../i18n/i18n.tsx';
import { Section, type CaseCtx } from '../section.tsx';

/** Everything that happened on the case, newest first: stages, activity, findings, duty status. */
export function Timeline({ c }: CaseCtx) {
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
