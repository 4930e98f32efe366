import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import type { E2eAuthenticator } from './totp.ts';

/** Debian's Chromium (installed by e2e/ensure-chromium.sh); no browser download. */
export const CHROMIUM = '/usr/bin/chromium';
export const DEMO_PASSWORD = 'oversight-demo';

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-dev-shm-usage'],
  });
}

/** A fresh browser context (own cookies) in the given interface language. */
export async function newPage(
  browser: Browser,
  baseUrl: string,
  lang: 'en' | 'es' = 'en',
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    locale: lang === 'es' ? 'es-US' : 'en-US',
    timezoneId: 'America/Chicago',
    viewport: { width: 1280, height: 900 },
  });
  await context.addInitScript({
    content: `window.localStorage.setItem('oversight.lang', ${JSON.stringify(lang)});`,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  return { context, page };
}

/**
 * axe-core on the page as it is now (WCAG 2.0/2.1 A and AA rules): zero serious or critical
 * violations, listed by rule and element when there are some.
 */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = bad
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`,
    )
    .join('\n');
  expect(report, `axe on ${where} (${page.url()})`).toBe('');
}

let authenticator: E2eAuthenticator | null = null;

/** The authenticator app the sign-in helpers use (one per e2e file or script). */
export function useAuthenticator(a: E2eAuthenticator): void {
  authenticator = a;
}

/** Types the next TOTP code of `email` into the code step of a sign-in form and submits it. */
export async function enterCode(page: Page, email: string, idPrefix = 'signin'): Promise<void> {
  if (!authenticator) {
    throw new Error('call useAuthenticator() first');
  }
  const input = page.locator(`#${idPrefix}-code`);
  await input.waitFor();
  await input.fill(await authenticator.code(email));
  await input.locator('xpath=ancestor::form').locator('button[type=submit]').click();
}

/** Signs in through the sign-in page (password, then the TOTP code) and waits for the dashboard. */
export async function signIn(page: Page, email: string, path = '/staff/'): Promise<void> {
  await page.goto(path);
  await page.locator('#signin-email').fill(email);
  await page.locator('#signin-password').fill(DEMO_PASSWORD);
  await page.locator('form button[type=submit]').click();
  await enterCode(page, email);
  await page.getByTestId('signed-in-as').waitFor();
}

/**
 * Signed-in pages for one e2e file: the browser opens before the file's tests and closes, with
 * every context it made, after them. `as(email, lang)` signs in on a fresh context.
 */
export function signedInPages(
  baseUrl: string,
): (email: string, lang?: 'en' | 'es') => Promise<Page> {
  let browser: Browser | null = null;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    for (const c of contexts) {
      await c.close();
    }
    await browser?.close();
  });
  return async (email, lang = 'en') => {
    const { context, page } = await newPage(browser!, baseUrl, lang);
    contexts.push(context);
    await signIn(page, email);
    return page;
  };
}
