import type { Page } from 'playwright-core';

/*
 * What a visitor of the public portal reads, checked for raw codes and, in Spanish, for English
 * (issue 23 item 12). Read from the page as it is rendered: visible text and the names assistive
 * technology reads (aria-label, title, alt), outside <code> (a data dictionary's column names and
 * codes, each explained beside it), outside text people wrote, shown as written
 * (`data-written-text`: a case's narrative, a statement in its own language) and the switch to
 * the other language. A `lang` attribute exempts nothing: an English text marked lang="en" on a
 * Spanish page is still untranslated (the data dictionary was).
 */

/** English words that have no place on a page in Spanish (none of them is also Spanish). */
const ENGLISH_ONLY = [
  'the',
  'and',
  'of',
  'with',
  'page',
  'next',
  'previous',
  'close',
  'menu',
  'navigation',
  'cases',
  'stage',
  'finding',
  'findings',
  'received',
  'closed',
  'open',
  'unknown',
  'none',
  'sustained',
  'suppressed',
  'search',
  'show',
  'download',
  'column',
  'meaning',
  'statistics',
  'statements',
  'complaint',
  'follow',
  'allegation',
  'penalty',
  'suspension',
  'reprimand',
  'recorded',
  'number',
  'not',
  'last',
  'ellipsis',
  'indicating',
  'visible',
  'pages',
  'code',
  'date',
  'days',
  'newest',
  'oldest',
  'first',
];

/** Every text a visitor can read or hear, outside <code> and other-language elements. */
async function readable(page: Page): Promise<string[]> {
  // a string, not a function: the test runner's transform would name functions in it with a
  // helper the page does not have
  return page.evaluate(`(() => {
    const out = [];
    const other = 'code, [data-written-text], [data-testid="language-toggle"]';
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || el.closest(other) || el.closest('script, style')) continue;
      // the SVG chart is aria-hidden but seen; sr-only text is heard: both count
      const hidden = el.closest('[hidden], [aria-hidden="true"]') !== null && !el.closest('svg');
      if (hidden || getComputedStyle(el).display === 'none') continue;
      const text = (n.textContent || '').trim();
      if (text) out.push(text);
    }
    for (const el of document.querySelectorAll('[aria-label], [title], [alt]')) {
      if (el.closest(other)) continue;
      for (const attr of ['aria-label', 'title', 'alt']) {
        const v = el.getAttribute(attr);
        if (v) out.push(v);
      }
    }
    return out;
  })()`);
}

/** snake_case or ALL_CAPS codes, `action:stage` keys, or a bare lowercase code as a whole text. */
const CODE_PATTERNS: ReadonlyArray<[string, RegExp]> = [
  ['snake_case', /\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b/],
  ['ALL_CAPS code', /\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/],
  ['code:code', /\b[a-z]+(?:_[a-z]+)*:[a-z]+\b/],
  ['a bare code', /^(?:unknown|none|undated|null|undefined|open_investigation)$/],
];

/**
 * The problems of the page as it is now: each raw code, and in Spanish each English-only word,
 * with the text it was found in. Empty when the page reads well.
 */
export async function rawTextProblems(page: Page, lang: 'en' | 'es'): Promise<string[]> {
  const problems: string[] = [];
  for (const text of await readable(page)) {
    for (const [what, re] of CODE_PATTERNS) {
      if (re.test(text)) {
        problems.push(`${what}: "${text.slice(0, 120)}"`);
      }
    }
    if (lang === 'es') {
      const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
      const english = words.filter((w) => ENGLISH_ONLY.includes(w));
      if (english.length > 0) {
        problems.push(`English (${english.join(', ')}): "${text.slice(0, 120)}"`);
      }
    }
  }
  return [...new Set(problems)];
}
