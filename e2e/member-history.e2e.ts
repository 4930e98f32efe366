import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { expectAccessible, launch, newPage, signIn, useAuthenticator } from './browser.ts';
import { E2eAuthenticator } from './totp.ts';

/*
 * The member page (issue 19 items 1–2): allegations by year, category and finding, complaints per
 * service-year as percentiles, and the co-accused members, in English and Spanish. The demo names
 * Officer Pruitt and Officer Brandt in one complaint and runs the network job after loading.
 */

const baseUrl = inject('baseUrl');
useAuthenticator(new E2eAuthenticator(inject('totpState'), inject('totpSecret')));
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

describe('member history', () => {
  it('shows percentiles and co-accused members, in English and Spanish', async () => {
    const { context, page } = await newPage(browser, baseUrl);
    await signIn(page, 'chief@copa.example');
    await page.goto('/staff/members?q=Pruitt');
    await page
      .getByRole('link', { name: /Pruitt/ })
      .first()
      .click();
    await page.getByTestId('comparison').waitFor();
    await expect
      .poll(() => page.getByTestId('rate-civilian').textContent())
      .toMatch(/higher than [\d.,]+% of members/);
    expect(await page.getByTestId('rate-department').textContent()).toContain(
      'Department-initiated complaints',
    );
    expect(await page.getByTestId('history-by-year').textContent()).toContain('2024');
    expect(await page.getByTestId('history-by-category').textContent()).toContain(
      'Excessive force',
    );
    const coAccused = page.getByTestId('co-accused');
    expect(await coAccused.textContent()).toContain('Kevin Brandt');
    expect(await page.getByTestId('network-degree').textContent()).toBe('1');
    await expectAccessible(page, 'member page with history and network');

    await page.getByTestId('language-toggle').click();
    await expect
      .poll(() => page.getByTestId('network').locator('h2').textContent())
      .toBe('Red de coacusados');
    expect(await page.getByTestId('rate-civilian').textContent()).toMatch(
      /más que el [\d.,]+ % de los miembros/,
    );
    expect(await page.getByTestId('comparison').locator('h2').textContent()).toBe(
      'Comparación con otros miembros',
    );
    await expectAccessible(page, 'member page (es)');

    // the co-accused member's page links back
    await coAccused.getByRole('link', { name: 'Kevin Brandt' }).click();
    await expect.poll(() => page.getByTestId('co-accused').textContent()).toContain('Pruitt');
    await context.close();
  });
});
