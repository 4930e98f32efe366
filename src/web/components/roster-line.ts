import type { I18n } from '../i18n/i18n.tsx';

/** The roster's line for a member: enough to tell three officers named Smith apart. */
export function rosterLine(
  t: I18n['t'],
  m: {
    firstName: string;
    lastName: string;
    star: string | null;
    rank: string | null;
    unit: string | null;
    appointedDate: string | null;
  },
): string {
  return [
    `${m.firstName} ${m.lastName}`,
    t('intake.officer.star', { star: m.star ?? '—' }),
    m.rank,
    m.unit ? t('intake.officer.unit', { unit: m.unit }) : null,
    m.appointedDate ? t('intake.officer.appointed', { year: m.appointedDate.slice(0, 4) }) : null,
  ]
    .filter(Boolean)
    .join(' · ');
}
