import { useI18n } from '../i18n/i18n.tsx';

/** The page numbers shown: the first, the last, and the current one with its neighbours. */
function slots(current: number, total: number): Array<number | 'gap'> {
  const shown = new Set([1, total, current - 1, current, current + 1]);
  const out: Array<number | 'gap'> = [];
  for (let p = 1; p <= total; p += 1) {
    if (shown.has(p)) {
      out.push(p);
    } else if (out.at(-1) !== 'gap') {
      out.push('gap');
    }
  }
  return out;
}

/**
 * USWDS pagination (the `usa-pagination` markup) with every word and screen-reader label from
 * the catalogs: react-uswds' Pagination writes "Next", "Page 2" and its other labels in English
 * only (issue 23 item 12).
 */
export function Pager({
  current,
  total,
  label,
  onPage,
}: {
  current: number;
  total: number;
  /** The navigation's accessible name ("Page 2 of 15"). */
  label: string;
  onPage: (page: number) => void;
}) {
  const { t } = useI18n();
  const go = (page: number) => (e: { preventDefault: () => void }) => {
    e.preventDefault();
    onPage(page);
  };
  return (
    <nav className="usa-pagination" aria-label={label}>
      <ul className="usa-pagination__list">
        {current > 1 ? (
          <li className="usa-pagination__item usa-pagination__arrow">
            <button
              type="button"
              className="usa-pagination__link usa-pagination__previous-page usa-button--unstyled"
              aria-label={t('pub.cases.prev')}
              onClick={go(current - 1)}
            >
              <span className="usa-pagination__link-text">{t('pub.pager.previous')}</span>
            </button>
          </li>
        ) : null}
        {slots(current, total).map((p, i) =>
          p === 'gap' ? (
            <li
              key={`gap-${i}`}
              className="usa-pagination__item usa-pagination__overflow"
              aria-label={t('pub.pager.gap')}
            >
              <span>…</span>
            </li>
          ) : (
            <li key={p} className="usa-pagination__item usa-pagination__page-no">
              <button
                type="button"
                className={`usa-pagination__button${p === current ? ' usa-current' : ''}`}
                aria-label={
                  p === total && p !== 1
                    ? t('pub.pager.lastPage', { page: p })
                    : t('pub.pager.pageNumber', { page: p })
                }
                aria-current={p === current ? 'page' : undefined}
                onClick={go(p)}
              >
                {p}
              </button>
            </li>
          ),
        )}
        {current < total ? (
          <li className="usa-pagination__item usa-pagination__arrow">
            <button
              type="button"
              className="usa-pagination__link usa-pagination__next-page usa-button--unstyled"
              aria-label={t('pub.cases.next')}
              onClick={go(current + 1)}
            >
              <span className="usa-pagination__link-text">{t('pub.pager.next')}</span>
            </button>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
