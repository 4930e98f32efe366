import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { expectAccessible, launch, newPage } from './browser.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

describe('the public portal', () => {
  it('files a complaint in Spanish as an intermediary, then follows it and adds information', async () => {
    const { context, page } = await newPage(browser, baseUrl, 'es');
    await page.goto('/complaint');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Presentar una queja');
    // there is no immigration question anywhere on the form
    expect((await page.locator('main').textContent())?.toLowerCase()).not.toMatch(
      /inmigraci[oó]n\s*\?|citizenship|ciudadan/,
    );
    await expectAccessible(page, 'complaint form (es)');

    // an empty narrative is refused next to the field, in Spanish
    await page.getByTestId('complaint-submit').click();
    await page.locator('#narrative-error').waitFor();
    expect(await page.locator('#narrative-error').textContent()).toContain('obligatorio');
    await expectAccessible(page, 'complaint form with errors (es)');

    await page.locator('label[for=filedBy-intermediary]').click();
    await page.locator('#intermediary-organization').fill('Refugio Esperanza');
    await page.locator('#intermediary-name').fill('Ana Gómez');
    await page.locator('#intermediary-consent').fill('presentar la queja y recibir noticias');
    await page
      .locator('#narrative')
      .fill('Un agente empujó a mi clienta en la parada del autobús y le quitó el teléfono.');
    await page.locator('label[for=category-excessive_force]').click();
    await page.locator('#incident-district').fill('010');
    expect(await page.locator('#language').inputValue()).toBe('es');
    // a "photo" that is really text is refused by the server, next to the field, in Spanish,
    // and nothing is filed; a real photo then goes through
    await page.locator('#files').setInputFiles({
      name: 'foto.png',
      mimeType: 'image/png',
      buffer: Buffer.from('esto no es una imagen'),
    });
    await page.getByTestId('chosen-files').waitFor();
    await page.getByTestId('complaint-submit').click();
    await page.locator('#files-error').waitFor();
    expect(await page.locator('#files-error').textContent()).toContain(
      'foto.png: no es una foto, un PDF, un video ni un audio que podamos aceptar',
    );
    await expectAccessible(page, 'complaint form with a refused file (es)');
    await page.locator('#files').setInputFiles({
      name: 'moretón.png',
      mimeType: 'image/png',
      buffer: Buffer.concat([
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
        Buffer.from('pixels'),
      ]),
    });
    await expect
      .poll(() => page.getByTestId('chosen-files').textContent())
      .toContain('moretón.png');
    await page.getByTestId('complaint-submit').click();

    await page.getByTestId('confirmation-number').waitFor();
    const confirmation = (await page.getByTestId('confirmation-number').textContent())!.trim();
    const passphrase = (await page.getByTestId('passphrase').textContent())!.trim();
    expect(confirmation).toMatch(/^OV-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(passphrase.length).toBeGreaterThan(8);
    expect(await page.getByTestId('acknowledgement').getAttribute('lang')).toBe('es');
    expect((await page.getByTestId('acknowledgement').textContent())!.length).toBeGreaterThan(20);
    expect(await page.locator('h1').textContent()).toBe('Recibimos su queja');
    // excessive force is COPA's by ordinance (MCC 2-78-120)
    const agency = (await page.getByTestId('receipt-agency').textContent())!.trim();
    expect(agency).toBe('COPA');
    await expectAccessible(page, 'complaint receipt (es)');

    await page.getByRole('link', { name: 'Seguir esta queja' }).click();
    await page.locator('#confirmationNumber').waitFor();
    await expectAccessible(page, 'follow form (es)');
    // a wrong passphrase says so plainly, without saying which part was wrong
    await page.locator('#confirmationNumber').fill(confirmation.toLowerCase());
    await page.locator('#passphrase').fill('not the passphrase');
    await page.getByTestId('follow-submit').click();
    await page.getByTestId('problem').waitFor();
    await page.locator('#passphrase').fill(passphrase);
    await page.getByTestId('follow-submit').click();
    await page.getByTestId('follow-status').waitFor();
    expect(await page.getByTestId('follow-agency').textContent()).toBe(agency);
    expect(await page.getByTestId('follow-stage').textContent()).not.toBe('');
    await expectAccessible(page, 'follow status (es)');
    // the confirmation number and passphrase never reach the address bar
    expect(page.url()).toBe(`${baseUrl}/follow`);

    await page.locator('#addition').fill('Había dos testigos en la parada.');
    await page.getByTestId('add-submit').click();
    await page.getByTestId('added').waitFor();
    await expect
      .poll(() => page.getByTestId('follow-added').textContent())
      .toBe('Información agregada en esta página: 1');
    await expectAccessible(page, 'follow after adding information (es)');
    await context.close();
  });

  it('shows the case portal, a case, statistics, statements and open data, each accessible', async () => {
    const { context, page } = await newPage(browser, baseUrl, 'en');
    await page.goto('/cases');
    await page.getByTestId('cases-total').waitFor();
    expect(await page.getByTestId('cases-total').textContent()).toMatch(/^[1-9]\d* cases found$/);
    await expectAccessible(page, 'case portal');
    const first = page.locator('tbody th a').first();
    const logNumber = (await first.textContent())!.trim();
    await first.click();
    await expect.poll(() => page.locator('h1').textContent()).toBe(`Case ${logNumber}`);
    await page.getByTestId('case-facts').waitFor();
    await expectAccessible(page, 'public case page');

    await page.goto('/statistics');
    await page.getByTestId('stats-total').waitFor();
    await page.getByTestId('chart-year').waitFor();
    const suppressed = Number(
      /\d+/.exec((await page.getByTestId('stats-suppressed').textContent()) ?? '')![0],
    );
    if (suppressed > 0) {
      // a suppressed cell is shown as suppressed, never as a number
      expect(await page.locator('main').textContent()).toMatch(/Suppressed|at least/);
    }
    await expectAccessible(page, 'statistics');
    for (const chart of ['days-to-close', 'duty-status', 'shelter']) {
      await page.getByTestId(`chart-${chart}`).waitFor();
    }
    // filtering by category narrows every figure to that category
    await page.getByLabel('Category', { exact: true }).selectOption('excessive_force');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.waitForURL(/category=excessive_force/);
    await page.getByTestId('stats-total').waitFor();
    const categories = page.locator('[data-testid=chart-category] tbody th');
    await expect.poll(() => categories.allTextContents()).toEqual(['Excessive force']);

    await page.goto('/statements');
    await page.getByTestId('statements').waitFor();
    expect(await page.locator('[data-testid=statements] li').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'statements');

    await page.goto('/open-data');
    await page.getByTestId('dictionary').waitFor();
    expect(await page.locator('[data-testid=dictionary] tr').count()).toBeGreaterThan(3);
    expect(await page.getByRole('link', { name: 'Download CSV' }).getAttribute('href')).toBe(
      '/api/public/v1/export.csv',
    );
    await expectAccessible(page, 'open data');
    await context.close();
  });
});
