import { useI18n } from '../../../../i18n/i18n.tsx';
import { Section, type CaseCtx } from '../section.tsx';

/** The people on the case; identities only for those who may read them. */
export function Parties({ c }: CaseCtx) {
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
