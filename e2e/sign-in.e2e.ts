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
    await page.locator('#fac-all').waitFor();
    // the 10th District station is a temporary shelter site: aggregate daily counts only
    expect(await page.locator('main').textContent()).toContain('temporary shelter site');
    await expectAccessible(page, 'facilities');
    await context.close();
  });

  it('works the queue: search, filter, sort, pages; members search', async () => {
    const { context, page } = await newPage(browser, baseUrl);
    await signIn(page, 'chief@copa.example');
    await page.getByRole('link', { name: 'Cases' }).click();
    await page.getByTestId('queue-total').waitFor();
    const all = Number(
      ((await page.getByTestId('queue-total').textContent()) ?? '').replace(/\D/g, ''),
    );
    expect(all).toBeGreaterThan(25);
    await expectAccessible(page, 'case queue');
    await page.locator('nav.usa-pagination').getByRole('button', { name: /next/i }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('page')).toBe('2');
    await page.fill('#queue-q', 'lobby');
    await page.selectOption('#queue-category', 'sexual_misconduct');
    await page.selectOption('#queue-sort', 'received_asc');
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect
      .poll(async () => new URL(page.url()).search)
      .toBe('?q=lobby&category=sexual_misconduct&sort=received_asc');
    await expect
      .poll(async () =>
        Number(((await page.getByTestId('queue-total').textContent()) ?? '').replace(/\D/g, '')),
      )
      .toBeLessThan(all);
    await expectAccessible(page, 'case queue, filtered');
    await page.goto('/staff/members?q=Kowalczyk');
    await page.locator('table tbody tr').first().waitFor();
    await expectAccessible(page, 'members search');
    await context.close();
  });
});
