import { useSyncExternalStore } from 'react';
import type {
  AnchorHTMLAttributes,
  ComponentType,
  MouseEvent,
  ReactElement,
  ReactNode,
} from 'react';

const CHANGE = 'oversight:navigate';

function subscribe(callback: () => void): () => void {
  window.addEventListener('popstate', callback);
  window.addEventListener(CHANGE, callback);
  return () => {
    window.removeEventListener('popstate', callback);
    window.removeEventListener(CHANGE, callback);
  };
}

/** The current path plus query string; re-renders on navigation. */
export function useLocation(): { pathname: string; search: string } {
  const href = useSyncExternalStore(
    subscribe,
    () => window.location.pathname + window.location.search,
  );
  const i = href.indexOf('?');
  return i === -1
    ? { pathname: href, search: '' }
    : { pathname: href.slice(0, i), search: href.slice(i) };
}

/** Client-side navigation (history API); focus moves to the page heading on render. */
export function navigate(to: string, opts: { replace?: boolean } = {}): void {
  if (opts.replace) {
    window.history.replaceState(null, '', to);
  } else {
    window.history.pushState(null, '', to);
  }
  window.dispatchEvent(new Event(CHANGE));
  window.scrollTo(0, 0);
}

/** An in-app link: a real `<a href>` (works without script, opens in a new tab) that navigates. */
export function Link({
  to,
  children,
  className,
  ...rest
}: { to: string; children: ReactNode } & AnchorHTMLAttributes<HTMLAnchorElement>) {
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) {
      return;
    }
    e.preventDefault();
    navigate(to);
  };
  return (
    <a href={to} onClick={onClick} className={className ?? 'usa-link'} {...rest}>
      {children}
    </a>
  );
}

/** The pages whose path names one record (a case's log number, a member's id), by pattern. */
export type NamedPages = ReadonlyArray<readonly [RegExp, (name: string) => ReactElement]>;

/**
 * An app's page for a path: the page at that fixed path, given `props`; else the first page
 * whose pattern the path matches, given the record it names (decoded); else `NotFound`.
 */
export function pageFor<P extends object>(
  path: string,
  fixed: Readonly<Record<string, ComponentType<P>>>,
  named: NamedPages,
  props: P,
  NotFound: ComponentType,
): ReactElement {
  const Page = Object.hasOwn(fixed, path) ? fixed[path] : undefined;
  if (Page) {
    return <Page {...props} />;
  }
  for (const [pattern, page] of named) {
    const m = pattern.exec(path);
    if (m) {
      return page(decodeURIComponent(m[1]!));
    }
  }
  return <NotFound />;
}
