import { useI18n } from '../../i18n/i18n.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';

/** Placeholder until the page lands. */
export function IntakePage(_props: Record<string, unknown>) {
  const { t } = useI18n();
  usePageTitle(t('intake.title'));
  return <h1>{t('intake.title')}</h1>;
}
