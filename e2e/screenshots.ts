/**
 * `npm run screenshots`: regenerates docs/screenshots/*.png of the main pages, signed in as the
 * demo chief administrator on a fresh demo server (English, plus the Spanish dashboard and intake),
 * the public page of the story's restricted case on a phone in English and Spanish, and a printed
 * letter (`letter-image.ts`).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { launch, newPage, signIn, useAuthenticator } from './browser.ts';
import { startServer } from './server.ts';
import { E2eAuthenticator } from './totp.ts';
import { letterImage } from './letter-image.ts';

const OUT = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));

async function shot(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: path.join(OUT, `${name}.png`), fullPage: true });
  console.log(`docs/screenshots/${name}.png`);
}

const server = await startServer();
const browser = await launch();
const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'oversight-shots-totp-'));
// codes from the secret the demo printed, as a newcomer's authenticator app would compute them
useAuthenticator(new E2eAuthenticator(path.join(stateDir, 'steps.json'), server.totpSecret));
try {
  fs.mkdirSync(OUT, { recursive: true });
  const { page } = await newPage(browser, server.baseUrl);
  await page.goto('/');
  await page.locator('h1').waitFor();
  await shot(page, 'public-home');
  await page.goto('/staff/');
  await page.locator('#signin-email').waitFor();
  await shot(page, 'sign-in');
  await signIn(page, 'chief@copa.example');
  await page.locator('#dash-deadlines').waitFor();
  await shot(page, 'dashboard');
  await page.goto('/staff/cases');
  await page.getByTestId('queue-total').waitFor();
  await shot(page, 'case-queue');
  await page.goto('/staff/cases?facility=D010');
  await page.getByTestId('queue-total').waitFor();
  const first = page.locator('table tbody tr th a').first();
  const logNumber = (await first.textContent())!.trim();
  await page.goto(`/staff/cases/${logNumber}`);
  await page.getByTestId('case-title').waitFor();
  await shot(page, 'case-page');
  const member = page.locator('[data-testid=section-allegations] table a').first();
  if ((await member.count()) > 0) {
    await member.click();
    await page.getByTestId('current-duty').waitFor();
    await shot(page, 'member-profile');
  }
  await page.goto('/staff/facilities');
  await page.locator('#fac-all').waitFor();
  await shot(page, 'facilities');
  await page.goto('/staff/intake');
  await page.locator('#narrative').waitFor();
  await shot(page, 'intake-wizard');
  // issue 22: the office's statements and press pages, and the public answer about the story's
  // restricted case (the one the demo's press inquiry asked about) on a phone, in both languages
  await page.goto('/staff/statements');
  await page.getByTestId('statements').waitFor();
  await shot(page, 'staff-statements');
  await page.goto('/staff/press');
  await page.getByTestId('form-press-log').waitFor();
  await page.getByRole('button', { name: 'Answered', exact: true }).click();
  const asked = page.locator('[data-testid=press-inquiry]', { hasText: 'Chicago Daily (demo)' });
  await asked.waitFor();
  await shot(page, 'staff-press');
  const story = ((await asked.locator('a').first().textContent()) ?? '').trim();
  for (const lang of ['en', 'es'] as const) {
    const phone = await newPage(browser, server.baseUrl, lang);
    await phone.page.setViewportSize({ width: 390, height: 844 });
    await phone.page.goto(`/cases/${story}`);
    await phone.page.getByTestId('case-duty-status').waitFor();
    await phone.page.getByTestId('case-statements').waitFor();
    await shot(phone.page, `public-case-story-${lang}`);
    await phone.context.close();
  }

  const es = await newPage(browser, server.baseUrl, 'es');
  await signIn(es.page, 'intake@copa.example');
  await es.page.locator('#dash-deadlines').waitFor();
  await shot(es.page, 'dashboard-es');
  await es.page.goto('/staff/intake');
  await es.page.locator('#narrative').waitFor();
  await shot(es.page, 'intake-wizard-es');
  // a printed letter (issue 18): the Spanish six-month notice as the PDF draws it
  await letterImage(browser, OUT);
} finally {
  await browser.close();
  await server.stop();
  fs.rmSync(stateDir, { recursive: true, force: true });
}
