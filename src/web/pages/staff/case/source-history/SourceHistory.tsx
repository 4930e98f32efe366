import { useI18n } from '../../../../i18n/i18n.tsx';
import { Section, type CaseCtx } from '../section.tsx';

/** Imported cases: which released file added the case and which later ones changed what. */
export function SourceHistory({ c }: CaseCtx) {
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
