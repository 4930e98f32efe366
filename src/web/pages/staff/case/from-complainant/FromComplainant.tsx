import { useI18n } from '../../../../i18n/i18n.tsx';
import { Section, type CaseCtx } from '../section.tsx';

/**
 * What the complainant sent beyond the narrative: files from the complaint form (only for those
 * who may read identities; each download is audited) and information added later through
 * follow-my-complaint.
 */
export function FromComplainant({ c }: CaseCtx) {
  const { t, dateTime } = useI18n();
  const files = c.attachments ?? [];
  const additions = c.complainantAdditions ?? [];
  if (files.length === 0 && additions.length === 0) {
    return null;
  }
  return (
    <Section id="from-complainant" title={t('case.fromComplainant')}>
      {files.length > 0 ? (
        <>
          <h3>{t('case.files')}</h3>
          <p className="usa-hint">{t('case.filesHint')}</p>
          <ul className="usa-list" data-testid="attachments">
            {files.map((f) => (
              <li key={f.id}>
                <a
                  href={`/api/v1/cases/${encodeURIComponent(c.logNumber)}/attachments/${f.id}`}
                  download={f.fileName}
                >
                  {f.fileName}
                </a>{' '}
                ({f.contentType}, {Math.ceil(f.byteSize / 1024)} KB, {dateTime(f.receivedAt)})
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {additions.length > 0 ? (
        <>
          <h3>{t('case.additions')}</h3>
          <ul className="usa-list" data-testid="complainant-additions">
            {additions.map((a) => (
              <li key={a.id}>
                <span className="text-bold">{dateTime(a.receivedAt)}</span>: {a.text}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Section>
  );
}
