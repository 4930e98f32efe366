import { useI18n } from '../../i18n/i18n.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';

/** Placeholder until the page lands. */
export function MembersPage(_props: { search: string }) {
  const { t } = useI18n();
  usePageTitle(t('member.search'));
  return <h1>{t('member.search')}</h1>;
}

/** Placeholder until the page lands. */
export function MemberPage(_props: { id: string }) {
  const { t } = useI18n();
  usePageTitle(t('member.details'));
  return <h1>{t('member.details')}</h1>;
}
