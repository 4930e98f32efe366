import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expectAccessible, launch, newPage, signIn, useAuthenticator } from './browser.ts';
import { E2eAuthenticator } from './totp.ts';
import { tick } from './steps.ts';

/**
 * Issue 23, the intake officer's first day (items 1, 2, 3 and 5): the officers the complainant
 * names — one found in the roster, told apart by rank, unit and appointment year, and one not in
 * the roster — are reviewed with everything else before registering and are on the case after it;
 * the queue filters by a listed facility; the staff header stays on one line at 1366 px.
 */
const baseUrl = inject('baseUrl');
useAuthenticator(new E2eAuthenticator(inject('totpState'), inject('totpSecret')));
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launch();
  ({ context, page } = await newPage(browser, baseUrl));
  await page.setViewportSize({ width: 1366, height: 900 });
  await signIn(page, 'intake@copa.example');
});
afterAll(async () => {
  await context.close();
  await browser.close();
});

describe('an intake officer registers a complaint naming two officers', () => {
  it('the staff header fits on one line at 1366 px, in English and in Spanish', async () => {
    await page.getByTestId('signed-in-as').waitFor();
    for (const lang of ['en', 'es']) {
      // how many lines each header item's words take, and its vertical middle
      const items = await page.evaluate(() =>
        [
          '.usa-logo',
          '.usa-nav__primary-item > a',
          '[data-testid="signed-in-as"]',
          '[data-testid="nav-sessions"]',
          '[data-testid="sign-out"]',
          '[data-testid="language-toggle"]',
        ].flatMap((selector) =>
          [...document.querySelectorAll(selector)].map((el) => {
            // a text node whose words break takes one client rect per line
            let lines = 0;
            const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
            for (let n = walker.nextNode(); n; n = walker.nextNode()) {
              const range = document.createRange();
              range.selectNodeContents(n);
              const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
              lines = Math.max(lines, tops.size);
            }
            const box = el.getBoundingClientRect();
            return { text: el.textContent, lines, middle: box.top + box.height / 2 };
          }),
        ),
      );
      expect(items.length, lang).toBeGreaterThan(8);
      for (const item of items) {
        expect(item.lines, `${lang}: ${item.text}`).toBe(1);
        expect(Math.abs(item.middle - items[0]!.middle), `${lang}: ${item.text}`).toBeLessThan(16);
      }
      await page.getByTestId('language-toggle').click();
    }
  });

  it('files through the wizard with a roster officer and one not in the roster', async () => {
    await page.getByRole('link', { name: 'New intake' }).click();
    await page.locator('#narrative').waitFor();
    await page.fill(
      '#narrative',
      'The complainant says two officers pushed him to the ground outside the 10th District station.',
    );
    await page.getByTestId('wizard-next').click();
    // incident: the facility and the category
    await page.locator('#facilityCode').waitFor();
    await page.selectOption('#facilityCode', 'D010');
    await tick(page, 'category-excessive_force');
    await page.getByTestId('wizard-next').click();
    // people: a named complainant
    await page.getByRole('button', { name: 'Add a person' }).click();
    await page.fill('#party-0-name', 'Jordan Rivera');
    await page.getByTestId('wizard-next').click();
    // officers: the roster search shows rank, unit and appointment year (issue 23 item 2)
    await page.locator('#member-q').fill('Odum');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    const result = page.getByTestId('member-results').locator('li').first();
    await result.waitFor();
    const line = (await result.textContent()) ?? '';
    expect(line).toContain('Teresa Odum');
    expect(line).toContain('1544');
    expect(line).toContain('Sergeant');
    expect(line).toContain('unit 010');
    expect(line).toContain('appointed 2009');
    await page.getByRole('button', { name: 'Add Teresa Odum' }).click();
    // an officer who is not in the roster, as the complainant described him
    await page.fill('#officer-name', 'Officer Reyes');
    await page.fill('#officer-star', '4471');
    await page.fill('#officer-description', 'Tall, grey moustache, drove car 1012');
    await page.getByRole('button', { name: 'Add this officer' }).click();
    const chosen = (await page.getByTestId('chosen-officers').textContent()) ?? '';
    expect(chosen).toContain('Teresa Odum');
    expect(chosen).toContain('Officer Reyes');
    await expectAccessible(page, 'intake officers step');
    await page.getByTestId('wizard-next').click();
    // review: everything entered, not only the routing (issue 23 item 3)
    await page.getByTestId('preview-agency').waitFor();
    const summary = (await page.getByTestId('intake-summary').textContent()) ?? '';
    for (const entered of [
      'pushed him to the ground',
      'D010',
      'Excessive force',
      'Jordan Rivera',
      'Teresa Odum',
      'Officer Reyes',
      'star 4471',
      'grey moustache',
    ]) {
      expect(summary, entered).toContain(entered);
    }
    expect(await page.getByTestId('preview-agency').textContent()).toBe('COPA');
    await expectAccessible(page, 'intake review with summary');
    await page.getByTestId('wizard-next').click();
    await page.getByTestId('intake-filed').waitFor();
    // nothing is said to be lost: the officers are recorded (issue 23 item 1)
    expect(await page.getByTestId('intake-filed-officers').textContent()).toContain('2');
    expect(await page.locator('main').textContent()).not.toContain('could not be added');
    await page.getByRole('link', { name: /^Open case / }).click();
    await page.getByTestId('case-title').waitFor();
    const rows = page.getByTestId('reported-officer');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(2);
    const first = (await rows.nth(0).textContent()) ?? '';
    expect(first).toContain('Teresa Odum');
    expect(first).toContain('Sergeant');
    const second = (await rows.nth(1).textContent()) ?? '';
    expect(second).toContain('Officer Reyes');
    expect(second).toContain('4471');
    expect(second).toContain('Not identified in the roster');
    await expectAccessible(page, 'case page with reported officers');
  });

  it('filters the queue by a facility chosen from the list', async () => {
    await page.goto('/staff/cases');
    const facility = page.locator('#queue-facility');
    await facility.waitFor();
    expect(await facility.evaluate((el) => el.tagName)).toBe('SELECT');
    await facility.selectOption('D010');
    await page.locator('form[role="search"] button[type="submit"]').click();
    await expect.poll(() => page.url()).toContain('facility=D010');
    await page.locator('table').first().waitFor();
    expect(await page.locator('main').textContent()).toContain('D010');
  });
});
