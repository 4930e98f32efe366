import { usePageTitle } from './usePageTitle.ts';

/**
 * A page's `<h1>`, which is also its document title (what a screen reader announces when the page
 * opens, WCAG 2.4.2), so the two cannot differ; and the intro under it, when the page has one.
 */
export function PageHeading({ title, intro }: { title: string; intro?: string }) {
  usePageTitle(title);
  return (
    <>
      <h1>{title}</h1>
      {intro ? <p className="usa-intro">{intro}</p> : null}
    </>
  );
}
