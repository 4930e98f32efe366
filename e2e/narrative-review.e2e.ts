import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expectAccessible, launch, newPage, signIn, useAuthenticator } from './browser.ts';
import { E2eAuthenticator } from './totp.ts';

/*
 * A person approves what is published (issue 17 item 5), in the browser: the public-information
 * officer finds the narrative in the queue, reads the machine's spans, redacts a word it missed
 * by selecting it, approves, and the portal shows exactly that text, marked as reviewed.
 */

const baseUrl = inject('baseUrl');
useAuthenticator(new E2eAuthenticator(inject('totpState'), inject('totpSecret')));
let browser: Browser;
const contexts: BrowserContext[] = [];
// a demo case concluded without a finding (src/server/demo/demo.ts)
const PHRASE = 'searched her car without consent';

async function as(email: string, lang: 'en' | 'es' = 'en'): Promise<Page> {
  const { context, page } = await newPage(browser, baseUrl, lang);
  contexts.push(context);
  await signIn(page, email);
  return page;
}

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  for (const c of contexts) {
    await c.close();
  }
  await browser.close();
});

describe('narrative review, in the browser', () => {
  let logNumber = '';

  it('the public-information officer reviews, redacts a missed word and approves', async () => {
    const page = await as('pio@copa.example');
    await page.getByRole('link', { name: 'Narratives to review' }).click();
    await page.getByRole('heading', { level: 1, name: 'Narratives waiting for review' }).waitFor();
    await page.getByTestId('narrative-queue-total').waitFor();
    await expectAccessible(page, 'narrative queue');
    // the chief finds the demo case by its words (full-text search reads case content)
    const chief = await as('chief@copa.example');
    const found = await chief.request.get(
      `/api/v1/cases?q=${encodeURIComponent(PHRASE)}&status=closed_no_finding`,
    );
    expect(found.status()).toBe(200);
    const items = ((await found.json()) as { items: Array<{ logNumber: string }> }).items;
    expect(items.length).toBeGreaterThan(0);
    logNumber = items[0]!.logNumber;

    // before review the portal says so
    const before = await newPage(browser, baseUrl, 'en');
    contexts.push(before.context);
    await before.page.goto(`/cases/${logNumber}`);
    await before.page.getByText('Narrative not yet reviewed for publication').waitFor();
    expect(await before.page.content()).not.toContain(PHRASE);

    await page.goto(`/staff/cases/${logNumber}/narrative`);
    await page.getByTestId('narrative-text').waitFor();
    await expectAccessible(page, 'narrative review');
    // select a word the machine left ("street") and redact it
    // (a string: the e2e files are type-checked without the DOM library)
    await page.evaluate(`(() => {
      const el = document.querySelector('[data-testid="narrative-text"]');
      const at = el.textContent.indexOf('street');
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      let seen = 0;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (at < seen + n.textContent.length) {
          const range = document.createRange();
          range.setStart(n, at - seen);
          range.setEnd(n, at - seen + 'street'.length);
          window.getSelection().removeAllRanges();
          window.getSelection().addRange(range);
          return;
        }
        seen += n.textContent.length;
      }
    })()`);
    await page.getByTestId('use-selection').click();
    expect(await page.getByTestId('span-chosen').textContent()).toContain('“street”');
    await page.getByRole('button', { name: 'Redact this text' }).click();
    await page.getByTestId('added-spans').getByText('“street”', { exact: true }).waitFor();
    expect(await page.getByTestId('narrative-preview').textContent()).not.toContain('street');
    await page.getByTestId('approve-narrative').click();
    await page.getByTestId('narrative-approved').waitFor();
    await expectAccessible(page, 'narrative approved');
  });

  it('the portal shows exactly the approved text, marked as reviewed, in both languages', async () => {
    const staff = await as('pio@copa.example', 'es');
    await staff.goto(`/staff/cases/${logNumber}/narrative`);
    await staff
      .getByRole('heading', { level: 1, name: `Revisión del relato — ${logNumber}` })
      .waitFor();
    await staff.getByTestId('narrative-approved').waitFor();
    const approved = (await staff.getByTestId('narrative-preview').textContent()) ?? '';
    expect(approved).toContain('[redacted]');

    for (const [lang, note] of [
      ['en', 'Redacted and reviewed by the office before publication'],
      ['es', 'Suprimido y revisado por la oficina antes de su publicación'],
    ] as const) {
      const { context, page } = await newPage(browser, baseUrl, lang);
      contexts.push(context);
      await page.goto(`/cases/${logNumber}`);
      await page.getByText(note).waitFor();
      expect(await page.locator('[data-written-text="narrative"]').textContent()).toBe(approved);
    }
  });
});
