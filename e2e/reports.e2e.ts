import { describe, expect, inject, it } from 'vitest';
import { expectAccessible, signedInPages, useAuthenticator } from './browser.ts';
import { openForm, submitForm } from './steps.ts';
import { E2eAuthenticator } from './totp.ts';

/*
 * The statutory reports in the browser (issue 18 items 6–8): the chief administrator records a
 * policy recommendation and the department's response, then reads the quarter's report with it,
 * its tables and the links to the PDF and each table's CSV; a malformed period says why.
 */

useAuthenticator(new E2eAuthenticator(inject('totpState'), inject('totpSecret')));
const as = signedInPages(inject('baseUrl'));

describe('statutory reports and policy recommendations, in the browser', () => {
  it('the chief records a recommendation and the response; the quarter’s report lists it', async () => {
    const page = await as('chief@copa.example');
    await page.getByRole('link', { name: 'Policy recommendations' }).click();
    await page.getByRole('heading', { level: 1, name: 'Policy recommendations' }).waitFor();
    await openForm(page, 'policy-new');
    await page.fill('#pn-date', '2021-02-15');
    await page.fill('#pn-topic', 'Search warrants');
    await page.fill('#pn-recipient', 'Superintendent of Police');
    await page.fill('#pn-text', 'Verify the address before executing a search warrant.');
    await submitForm(page, 'policy-new');
    const item = page.getByTestId('policy-recommendation').filter({ hasText: 'Search warrants' });
    await item.waitFor();
    const respond = item.locator('[data-testid^="policy-respond-"]');
    await respond.locator('summary').click();
    await respond.locator('textarea').fill('Accepted; a new directive is drafted.');
    await respond.locator('input[type=date]').fill('2021-03-20');
    await respond.locator('button[type=submit]').click();
    await item.getByText('Accepted; a new directive is drafted.').first().waitFor();
    await expectAccessible(page, 'policy recommendations');

    await page.getByRole('link', { name: 'Reports' }).click();
    await page.getByRole('heading', { level: 1, name: 'Statutory reports' }).waitFor();
    await page.fill('#report-period', '2021Q5');
    await page.getByRole('button', { name: 'Show the report' }).click();
    await page.getByText('is not a quarter').first().waitFor();

    await page.fill('#report-period', '2021Q1');
    await page.getByRole('button', { name: 'Show the report' }).click();
    await page.getByTestId('report').waitFor();
    await page.getByText('America/Chicago').first().waitFor();
    await page.getByTestId('report-pending_by_age').waitFor();
    await page.getByText('Verify the address before executing a search warrant.').waitFor();
    const pdf = await page.getByRole('link', { name: 'Download the PDF' }).getAttribute('href');
    const res = await page.request.get(pdf!);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe('application/pdf');
    await expectAccessible(page, 'reports');
  });

  it('shows the report page in Spanish', async () => {
    const page = await as('chief@copa.example', 'es');
    await page.goto('/staff/reports');
    await page.getByRole('heading', { level: 1, name: 'Informes reglamentarios' }).waitFor();
    await page.fill('#report-period', '2021Q1');
    await page.getByRole('button', { name: 'Mostrar el informe' }).click();
    await page
      .getByRole('heading', {
        name: 'Investigaciones pendientes por antigüedad al final del periodo',
      })
      .waitFor();
    // the tables' notes are in the interface language too
    await page.getByTestId('report-pending_by_age').locator('summary').click();
    await page.getByText('Pendientes al 2021-03-31').waitFor();
    await expectAccessible(page, 'reports (es)');
  });
});
