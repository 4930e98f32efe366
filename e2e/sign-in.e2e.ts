import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { DEMO_PASSWORD, expectAccessible, launch, newPage, signIn } from './browser.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

describe('signing in and out', () => {
  it('shows the public portal shell with its language switch', async () => {
    const { context, page } = await newPage(browser, baseUrl);
    await page.goto('/');
    await expect
      .poll(() => page.locator('h1').textContent())
      .toContain('Civilian police oversight');
    await expectAccessible(page, 'public home');
    await page.getByTestId('language-toggle').click();
    await expect.poll(() => page.locator('h1').textContent()).toContain('Supervisión civil');
    expect(await page.locator('html').getAttribute('lang')).toBe('es');
    await expectAccessible(page, 'public home (es)');
    await context.close();
  });

  it('refuses a wrong password, then signs in, keeps the session on reload, and signs out', async () => {
    const { context, page } = await newPage(browser, baseUrl);
    await page.goto('/staff/');
    await page.locator('#signin-email').waitFor();
    await expectAccessible(page, 'sign-in page');
    await page.locator('#signin-email').fill('chief@copa.example');
    await page.locator('#signin-password').fill('wrong password');
    await page.locator('form button[type=submit]').click();
    await page.getByRole('alert').first().waitFor();
    // the typed email is kept after a failure
    expect(await page.locator('#signin-email').inputValue()).toBe('chief@copa.example');
    await expectAccessible(page, 'sign-in page with an error');
    await page.locator('#signin-password').fill(DEMO_PASSWORD);
    await page.locator('form button[type=submit]').click();
    await page.getByTestId('signed-in-as').waitFor();
    expect(await page.getByTestId('signed-in-as').textContent()).toContain('COPA');
    const cookie = (await context.cookies()).find((c) => c.name === 'ovs_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Strict');
    await page.reload();
    await page.getByTestId('signed-in-as').waitFor();
    await page.getByTestId('sign-out').click();
    await page.locator('#signin-email').waitFor();
    expect((await context.cookies()).find((c) => c.name === 'ovs_session')).toBeUndefined();
    await context.close();
  });

  it('signs in from a deep link and lands on that page', async () => {
    const { context, page } = await newPage(browser, baseUrl);
    await signIn(page, 'intake@copa.example', '/staff/facilities');
    expect(new URL(page.url()).pathname).toBe('/staff/facilities');
    await context.close();
  });
});
