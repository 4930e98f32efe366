import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { expectAccessible, launch } from './browser.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

/** A phone (390 × 844, as an iPhone 12–14) reading the portal in Spanish. */
async function phone(): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    locale: 'es-US',
    timezoneId: 'America/Chicago',
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
  await context.addInitScript({
    content: `window.localStorage.setItem('oversight.lang', 'es');`,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  return { page, close: () => context.close() };
}

// The functions below run in the page (its global is the window, not in these Node types), so
// they are passed as source text.

/** The element that has focus, by id or test id. */
const focused = (page: Page): Promise<string> =>
  page.evaluate<string>(`(() => {
    const el = document.activeElement;
    return el?.id || el?.getAttribute('data-testid') || el?.tagName || '';
  })()`);

/** Whether the element is inside the viewport now (what a person on the phone sees). */
const inView = (page: Page, selector: string): Promise<boolean> =>
  page.evaluate<boolean>(`(() => {
    const r = document.querySelector(${JSON.stringify(selector)}).getBoundingClientRect();
    return r.bottom > 0 && r.top < window.innerHeight;
  })()`);

describe('a Spanish-speaking complainant on a phone (issue 23 items 6, 8, 9, 10)', () => {
  it('is led to each error, files anonymously, is promised no letter, and finds the office', async () => {
    const { page, close } = await phone();
    await page.goto('/complaint');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Presentar una queja');

    // item 10: the office's own contact details and the emergency number, on every public page
    const office = page.getByTestId('office-contact');
    await office.waitFor();
    const officeText = (await office.textContent()) ?? '';
    expect(officeText).toContain('(312) 743-2672');
    expect(officeText).toContain('1615 W. Chicago Ave.');
    expect(officeText).toMatch(/emergencia.*911/i);
    expect(await office.locator('a[href="tel:+13127432672"]').count()).toBe(1);
    expect(await office.locator('a[href="tel:911"]').count()).toBe(1);

    // item 8: an anonymous complainant is not asked for the language of "news" as if letters came
    expect(await page.locator('label[for=language]').textContent()).not.toMatch(/noticias/i);
    expect(await page.locator('#language-hint').textContent()).toContain('Seguir mi queja');

    // item 6: a failed submit at the bottom of the page takes focus to the summary at the top
    // an empty form: the narrative is the one field every complaint needs
    await page.getByTestId('complaint-submit').scrollIntoViewIfNeeded();
    await page.getByTestId('complaint-submit').click();
    const summary = page.getByTestId('problem');
    await summary.waitFor();
    await expect.poll(() => focused(page)).toBe('error-summary');
    expect(await inView(page, '[data-testid=problem]')).toBe(true);
    // each error is a link to its field; the field says what is wrong and is described by it
    const link = summary.locator('a[href="#narrative"]');
    expect(await link.count()).toBe(1);
    expect((await link.textContent())?.trim()).toMatch(/^¿Qué pasó\?: .+/);
    await link.click();
    await expect.poll(() => focused(page)).toBe('narrative');
    expect(await inView(page, '#narrative')).toBe(true);
    expect(await page.locator('#narrative').getAttribute('aria-describedby')).toContain(
      'narrative-error',
    );
    expect((await page.locator('#narrative-error').textContent())?.length).toBeGreaterThan(5);
    await expectAccessible(page, 'complaint form with errors on a phone (es)');

    // the section after the last checkbox is set apart as a heading, not another checkbox row
    const gap = await page.evaluate<{ gap: number; size: number }>(`(() => {
      const last = document.querySelector('label[for=category-miscellaneous]').getBoundingClientRect();
      const legend = [...document.querySelectorAll('legend')].find((l) =>
        l.textContent.startsWith('Cuándo y dónde'),
      );
      const r = legend.getBoundingClientRect();
      return { gap: r.top - last.bottom, size: parseFloat(getComputedStyle(legend).fontSize) };
    })()`);
    expect(gap.gap).toBeGreaterThanOrEqual(24);
    expect(gap.size).toBeGreaterThan(17);

    // an anonymous complaint goes through
    await page
      .locator('#narrative')
      .fill('Un agente me gritó insultos en la estación de la línea azul y me empujó.');
    await page.getByTestId('complaint-submit').click();
    await page.getByTestId('confirmation-number').waitFor();
    const confirmation = (await page.getByTestId('confirmation-number').textContent())!.trim();
    const passphrase = (await page.getByTestId('passphrase').textContent())!.trim();
    const logNumber = (await page.getByTestId('receipt-log-number').textContent())!.trim();
    // item 9: the passphrase is seven Spanish words a person can read aloud (ADR 0027)
    expect(passphrase).toMatch(/^\p{Ll}+(-\p{Ll}+){6}$/u);
    const receipt = (await page.locator('main').textContent()) ?? '';

    // item 9: one name per number on the page
    expect(receipt).not.toMatch(/n[uú]mero de caso/i);
    expect(receipt).toContain(`número de registro es ${logNumber}`);
    expect(await page.getByText('Número de registro', { exact: true }).count()).toBe(1);
    // item 8: no promise of letters; news is on the follow page
    expect(receipt).not.toMatch(/carta/i);
    expect(await page.getByTestId('no-letters').textContent()).toContain('Seguir mi queja');
    // item 9: copy and print
    await page.getByRole('button', { name: 'Copiar los números' }).click();
    await page.getByTestId('copied').waitFor();
    const clip = await page.evaluate<string>('navigator.clipboard.readText()');
    expect(clip).toContain(confirmation);
    expect(clip).toContain(passphrase);
    expect(await page.getByRole('button', { name: 'Imprimir' }).count()).toBe(1);
    await expectAccessible(page, 'anonymous receipt on a phone (es)');

    // the follow page: a show toggle on the passphrase, and no letter deadline for this case
    await page.getByRole('link', { name: 'Seguir esta queja' }).click();
    await page.locator('#confirmationNumber').fill(confirmation);
    // typed as a person copies it from paper: capitals, spaces, no accents
    await page
      .locator('#passphrase')
      .fill(passphrase.normalize('NFD').replace(/\p{M}/gu, '').replaceAll('-', ' ').toUpperCase());
    expect(await page.locator('#passphrase').getAttribute('type')).toBe('password');
    await page.getByRole('button', { name: 'Mostrar la frase de acceso' }).click();
    expect(await page.locator('#passphrase').getAttribute('type')).toBe('text');
    await page.getByTestId('follow-submit').click();
    await page.getByTestId('follow-status').waitFor();
    const status = (await page.getByTestId('follow-status').textContent()) ?? '';
    expect(status).toContain(`Número de registro ${logNumber}`);
    expect(status).not.toMatch(/carta|acuse de recibo/i);
    expect(await page.getByTestId('follow-no-letters').textContent()).toContain('esta página');
    await expectAccessible(page, 'follow status of an anonymous complaint on a phone (es)');

    // item 10: the phone's menu lists every section the home page and the desktop menu do
    await page.goto('/');
    await page.locator('.usa-card__heading a').first().waitFor();
    const sections = await page
      .locator('.usa-card__heading a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(sections.length).toBe(6);
    await page.getByRole('button', { name: /men[uú]/i }).click();
    await page.locator('.usa-nav.is-visible').waitFor();
    const menu = await page
      .locator('.usa-nav.is-visible a.usa-nav-link')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(menu).toEqual(sections);
    await expectAccessible(page, 'open menu on a phone (es)');
    await close();
  });
});
