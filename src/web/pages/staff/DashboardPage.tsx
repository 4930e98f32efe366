import { useI18n } from '../../i18n/i18n.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';

/** Placeholder until the page lands. */
export function DashboardPage(_props: Record<string, unknown>) {
  const { t } = useI18n();
  usePageTitle(t('dash.title'));
  return <h1>{t('dash.title')}</h1>;
}
