import type { PublicCase } from '../../api/public-client.ts';
import { useI18n } from '../../i18n/i18n.tsx';

type Statement = PublicCase['statements'][number];

/**
 * One version per statement, in the visitor's language when it has one (issue 22 item 4): a
 * statement is published in English and Spanish together, so a pair shows once; a statement
 * published before pairs were required shows in the language it has.
 */
export function inVisitorLanguage(statements: readonly Statement[], lang: string): Statement[] {
  const ids = new Set(statements.map((s) => s.id));
  return statements.filter(
    (s) => s.language === lang || s.translationId === null || !ids.has(s.translationId),
  );
}

/** The published statements about the case, newest first, in the visitor's language. */
export function CaseStatements({ statements }: { statements: readonly Statement[] }) {
  const { t, lang, dateTime } = useI18n();
  const shown = inVisitorLanguage(statements, lang);
  if (shown.length === 0) {
    return null;
  }
  return (
    <section aria-labelledby="case-statements" data-testid="case-statements">
      <h2 id="case-statements">{t('pub.case.statements')}</h2>
      {shown.map((s) => (
        <blockquote
          key={s.id}
          lang={s.language}
          data-written-text="statement"
          className="ovs-prewrap"
        >
          {s.text}
          <footer className="usa-hint">
            {t('pub.statements.published', { date: dateTime(s.publishedAt) })}
          </footer>
        </blockquote>
      ))}
    </section>
  );
}
