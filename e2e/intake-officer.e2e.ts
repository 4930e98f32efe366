import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expectAccessible, launch, newPage, signIn, useAuthenticator } from './browser.ts';
import { E2eAuthenticator } from './totp.ts';
import { openForm, submitForm, tick } from './steps.ts';

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
let logNumber = '';

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

interface HeaderItem {
  text: string;
  /** How many lines its words take. */
  lines: number;
  /** Its vertical middle, in page pixels. */
  middle: number;
}

/**
 * Run in the page (a string: these Node types have no DOM): each header item — title, navigation
 * links, account links, language switch — with the lines its words take (a text node whose words
 * break has one client rect per line) and its vertical middle.
 */
const HEADER_ITEMS = `[
  '.usa-logo',
  '.usa-nav__primary-item > a',
  '[data-testid="signed-in-as"]',
  '[data-testid="nav-sessions"]',
  '[data-testid="sign-out"]',
  '[data-testid="language-toggle"]',
].flatMap((selector) =>
  [...document.querySelectorAll(selector)].map((el) => {
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
)`;

describe('an intake officer registers a complaint naming two officers', () => {
  it('the staff header fits on one line at 1366 px, in English and in Spanish', async () => {
    await page.getByTestId('signed-in-as').waitFor();
    for (const lang of ['en', 'es']) {
      const items = await page.evaluate<HeaderItem[]>(HEADER_ITEMS);
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
    // a third, typed but "Add this officer" not pressed: leaving the step keeps it, never drops it
    await page.fill('#officer-name', 'Officer Lang');
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
      'Officer Lang',
    ]) {
      expect(summary, entered).toContain(entered);
    }
    expect(await page.getByTestId('preview-agency').textContent()).toBe('COPA');
    await expectAccessible(page, 'intake review with summary');
    await page.getByTestId('wizard-next').click();
    await page.getByTestId('intake-filed').waitFor();
    // nothing is said to be lost: the officers are recorded (issue 23 item 1)
    expect(await page.getByTestId('intake-filed-officers').textContent()).toContain('3');
    expect(await page.locator('main').textContent()).not.toContain('could not be added');
    await page.getByRole('link', { name: /^Open case / }).click();
    await page.getByTestId('case-title').waitFor();
    logNumber = /cases\/([\d-]+)/.exec(page.url())?.[1] ?? '';
    const rows = page.getByTestId('reported-officer');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(3);
    const first = (await rows.nth(0).textContent()) ?? '';
    expect(first).toContain('Teresa Odum');
    expect(first).toContain('Sergeant');
    const second = (await rows.nth(1).textContent()) ?? '';
    expect(second).toContain('Officer Reyes');
    expect(second).toContain('4471');
    expect(second).toContain('Not identified in the roster');
    expect(await rows.nth(2).textContent()).toContain('Officer Lang');
    await expectAccessible(page, 'case page with reported officers');
  });

  it('a supervisor confirms the roster officer as an allegation and dismisses another', async () => {
    const sup = await newPage(browser, baseUrl);
    await signIn(sup.page, 'supervisor@copa.example', `/staff/cases/${logNumber}`);
    await sup.page.getByTestId('case-title').waitFor();
    await openForm(sup.page, 'form-reported-officer');
    await sup.page.selectOption('#ro-category', 'excessive_force');
    await sup.page.fill('#ro-summary', 'Pushed the complainant to the ground.');
    await submitForm(sup.page, 'form-reported-officer');
    const allegations = (await sup.page.getByTestId('section-allegations').textContent()) ?? '';
    expect(allegations).toContain('Teresa Odum');
    expect(await sup.page.getByTestId('reported-officer').nth(0).textContent()).toContain(
      'Confirmed as an allegation',
    );
    // the next one waiting is Officer Reyes: dismissed with a reason
    await tick(sup.page, 'ro-outcome-dismissed');
    await sup.page.fill('#ro-reason', 'A private security guard, not a department member.');
    await submitForm(sup.page, 'form-reported-officer');
    expect(await sup.page.getByTestId('reported-officer').nth(1).textContent()).toContain(
      'Dismissed — A private security guard',
    );
    await expectAccessible(sup.page, 'case page after confirming and dismissing');
    await sup.context.close();
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

describe('a complainant names the officer and a witness on the public form', () => {
  it('files them on a phone in Spanish; the intake officer finds both on the case', async () => {
    const pub = await newPage(browser, baseUrl, 'es');
    await pub.page.setViewportSize({ width: 390, height: 844 });
    await pub.page.goto('/complaint');
    await pub.page.locator('#narrative').waitFor();
    await pub.page
      .locator('#narrative')
      .fill('Un agente me empujó contra la patrulla en la parada del autobús.');
    await tick(pub.page, 'category-excessive_force');
    // the officer and a witness, both optional, in Spanish (issue 23 item 7)
    await pub.page.getByRole('button', { name: 'Agregar un agente' }).click();
    await pub.page.locator('#officers-0-name').fill('Oficial Zabrowski');
    await pub.page.locator('#officers-0-star').fill('7788');
    await pub.page.locator('#officers-0-description').fill('Bigote, gorra azul');
    await pub.page.getByRole('button', { name: 'Agregar un testigo' }).click();
    await pub.page.locator('#witnesses-0-name').fill('Marisol Testigo');
    await pub.page.locator('#witnesses-0-phone').fill('312-555-0199');
    await expectAccessible(pub.page, 'complaint form with an officer and a witness (es)');
    await pub.page.getByTestId('complaint-submit').click();
    await pub.page.getByTestId('receipt-log-number').waitFor();
    const log = ((await pub.page.getByTestId('receipt-log-number').textContent()) ?? '').trim();
    // the public case page of this open case names neither
    await pub.page.goto(`/cases/${log}`);
    await expect.poll(() => pub.page.locator('main').textContent()).toContain(log);
    const publicText = (await pub.page.locator('main').textContent()) ?? '';
    for (const hidden of ['Zabrowski', '7788', 'Bigote', 'Marisol']) {
      expect(publicText).not.toContain(hidden);
    }
    await pub.context.close();

    await page.goto(`/staff/cases/${log}`);
    await page.getByTestId('case-title').waitFor();
    const officer = (await page.getByTestId('reported-officer').first().textContent()) ?? '';
    expect(officer).toContain('Oficial Zabrowski');
    expect(officer).toContain('7788');
    expect(officer).toContain('Bigote, gorra azul');
    expect(officer).toContain('complaint form');
    const parties = (await page.getByTestId('section-parties').textContent()) ?? '';
    expect(parties).toContain('Witness');
    expect(parties).toContain('Marisol Testigo');
  });
});
