import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { expectAccessible, launch, newPage } from './browser.ts';
import { rawTextProblems } from './public-words.ts';

/*
 * Issue 23, the reporter: the case list newest first (and oldest when asked), a case's stage and
 * closing date in words, statistics, open data with a working API link — in English and Spanish —
 * and a walk of every public page in both languages that fails on a raw code or, in Spanish, an
 * English word (items 11, 12, 13). The demo server holds the Chicago sample records: legacy CLEAR
 * numbers (6–7 digits) beside COPA's YYYY-NNNNNNN.
 */

const baseUrl = inject('baseUrl');
let browser: Browser;
/** Cases of each kind, found in the open data (the samples decide which log numbers exist). */
let kinds: {
  withPenalty: string;
  restricted: string;
  biaOnly: string;
  closedUndated: string;
  imported: string;
};

interface ExportRow {
  record_type: 'case' | 'allegation';
  log_number: string;
  visibility: string;
  status: string;
  closed_on: string;
  penalty: string;
  final_finding: string;
}

const WORDS = {
  en: {
    title: 'Case portal',
    final: 'Final',
    undated: 'Closed, date not recorded',
    penalty: /^.+ \(code \d{3}\)$/,
    stats: 'Statistics',
    openData: 'Open data',
  },
  es: {
    title: 'Portal de casos',
    final: 'Final',
    undated: 'Cerrado, fecha no registrada',
    penalty: /^.+ \(código \d{3}\)$/,
    stats: 'Estadísticas',
    openData: 'Datos abiertos',
  },
} as const;

beforeAll(async () => {
  browser = await launch();
  const res = await fetch(`${baseUrl}/api/public/v1/export.json`);
  const rows = (await res.json()) as ExportRow[];
  const first = (pred: (r: ExportRow) => boolean): string => {
    const hit = rows.find(pred);
    if (!hit) {
      throw new Error('the demo data has no such case');
    }
    return hit.log_number;
  };
  const legacy = (r: ExportRow) => /^\d{6,7}$/.test(r.log_number);
  kinds = {
    withPenalty: first((r) => r.record_type === 'allegation' && r.penalty !== ''),
    restricted: first((r) => r.visibility === 'category_and_status'),
    biaOnly: first((r) => r.visibility === 'status_only'),
    closedUndated: first(
      (r) =>
        r.record_type === 'case' &&
        r.visibility === 'full' &&
        r.status === 'final' &&
        r.closed_on === '',
    ),
    imported: first((r) => r.record_type === 'allegation' && legacy(r) && r.final_finding !== ''),
  };
});
afterAll(async () => {
  await browser.close();
});

/** The log numbers of the list's first page, in order. */
async function listed(page: Page): Promise<string[]> {
  await page.getByTestId('cases-total').waitFor();
  return page.locator('tbody th[scope=row] a').allTextContents();
}

/** The log number's own order (legacy integers, then YYYY-NNNNNNN by year and sequence). */
const isYearNumber = (n: string) => /^\d{4}-\d{7}$/.test(n);

describe('the reporter', () => {
  for (const lang of ['en', 'es'] as const) {
    it(`reads the newest cases first, a case's closing date in words, statistics and open data (${lang})`, async () => {
      const w = WORDS[lang];
      const { context, page } = await newPage(browser, baseUrl, lang);

      // newest log numbers first: COPA's year-prefixed numbers, descending, before any legacy one
      await page.goto('/cases');
      await expect.poll(() => page.locator('h1').textContent()).toBe(w.title);
      const newest = await listed(page);
      expect(newest.length).toBe(25);
      expect(newest.every(isYearNumber), newest.join(' ')).toBe(true);
      expect(newest).toEqual([...newest].sort().reverse());

      // switch to oldest first: the legacy CLEAR numbers, by value
      await page.selectOption('#sort', 'oldest');
      await page.getByTestId('cases-search').click();
      await page.waitForURL(/sort=oldest/);
      await expect.poll(async () => (await listed(page))[0]).not.toBe(newest[0]);
      const oldest = await listed(page);
      expect(
        oldest.every((n) => /^\d{6,7}$/.test(n)),
        oldest.join(' '),
      ).toBe(true);
      expect(oldest.map(Number)).toEqual(oldest.map(Number).sort((a, b) => a - b));
      await expectAccessible(page, `case list, oldest first (${lang})`);

      // a closed case whose release gave no closing date says so in words
      await page.goto(`/cases/${kinds.closedUndated}`);
      await expect.poll(() => page.getByTestId('case-stage').textContent()).toBe(w.final);
      expect(await page.getByTestId('case-closed').textContent()).toContain(w.undated);

      // a penalty code comes with its words
      await page.goto(`/cases/${kinds.withPenalty}`);
      const penalty = page
        .locator('td[data-label]')
        .filter({ hasText: /\d{3}\)/ })
        .first();
      expect((await penalty.textContent())?.trim()).toMatch(w.penalty);

      await page.goto('/statistics');
      await expect.poll(() => page.locator('h1').textContent()).toBe(w.stats);
      await page.getByTestId('stats-total').waitFor();

      // open data: the API description is a link that answers, the dictionary has no backticks
      await page.goto('/open-data');
      await expect.poll(() => page.locator('h1').textContent()).toBe(w.openData);
      await page.getByTestId('dictionary').waitFor();
      const link = page.getByTestId('openapi-link');
      expect(await link.getAttribute('href')).toBe('/api/openapi.json');
      const api = await page.request.get(new URL('/api/openapi.json', baseUrl).toString());
      expect(api.status()).toBe(200);
      expect(((await api.json()) as { openapi: string }).openapi).toMatch(/^3\./);
      expect(await page.getByTestId('dictionary').textContent()).not.toContain('`');
      expect(await page.getByTestId('dictionary').locator('code').count()).toBeGreaterThan(10);
      await page.getByTestId('codes-penalty').waitFor();
      await expectAccessible(page, `open data with the code legend (${lang})`);
      await context.close();
    });
  }

  it('walks every public page in both languages: no raw code, no English in Spanish', async () => {
    const pages = [
      '/',
      '/cases',
      '/cases?sort=oldest',
      `/cases/${kinds.withPenalty}`,
      `/cases/${kinds.imported}`,
      `/cases/${kinds.restricted}`,
      `/cases/${kinds.biaOnly}`,
      `/cases/${kinds.closedUndated}`,
      '/statistics',
      '/statements',
      '/open-data',
      '/complaint',
      '/follow',
    ];
    const problems: string[] = [];
    for (const lang of ['en', 'es'] as const) {
      const { context, page } = await newPage(browser, baseUrl, lang);
      for (const path of pages) {
        await page.goto(path);
        await page.locator('h1').waitFor();
        // wait until the page's data is in: no "Loading…" left and the page's own figure shown
        await page.waitForLoadState('networkidle');
        for (const p of await rawTextProblems(page, lang)) {
          problems.push(`${lang} ${path}: ${p}`);
        }
      }
      await context.close();
    }
    expect(problems).toEqual([]);
  });
});
