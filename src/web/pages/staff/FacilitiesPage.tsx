import { useI18n } from '../../i18n/i18n.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';

/** Placeholder until the page lands. */
export function FacilitiesPage(_props: Record<string, unknown>) {
  const { t } = useI18n();
  usePageTitle(t('facilities.title'));
  return <h1>{t('facilities.title')}</h1>;
}
