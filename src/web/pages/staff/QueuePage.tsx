import { useI18n } from '../../i18n/i18n.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';

/** Placeholder until the page lands. */
export function QueuePage(_props: Record<string, unknown>) {
  const { t } = useI18n();
  usePageTitle(t('queue.title'));
  return <h1>{t('queue.title')}</h1>;
}
