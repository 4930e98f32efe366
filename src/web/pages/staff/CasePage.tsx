import { useI18n } from '../../i18n/i18n.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';

/** Placeholder until the page lands. */
export function CasePage(_props: Record<string, unknown>) {
  const { t } = useI18n();
  usePageTitle(t('case.summary'));
  return <h1>{t('case.summary')}</h1>;
}
