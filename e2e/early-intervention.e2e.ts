import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible, signedInPages, useAuthenticator } from './browser.ts';
import { E2eAuthenticator } from './totp.ts';

/*
 * Issue 19 item 4, in the browser: an administrator keeps a monitoring rule for a unit and runs
 * the rules; a supervisor finds the alert in the intervention queue, which says an alert is
 * advice for support and training, and takes it through review, a planned intervention and
 * resolution, each step with a note.
 */

const baseUrl = inject('baseUrl');
useAuthenticator(new E2eAuthenticator(inject('totpState'), inject('totpSecret')));
const as = signedInPages(baseUrl);
// a demo member of unit 015 with an excessive-force allegation (src/server/demo/demo.ts)
const MEMBER = 'Jasmine Pruitt';

/** A JSON POST with the session's CSRF token, as the web client sends it. */
async function post(
  page: Page,
  url: string,
  data: unknown,
): Promise<{ status: number; body: unknown }> {
  const session = (await (await page.request.get('/api/v1/session')).json()) as {
    csrfToken: string;
  };
  const res = await page.request.post(url, {
    data,
    headers: { 'x-csrf-token': session.csrfToken },
  });
  return { status: res.status(), body: await res.json() };
}

describe('early intervention, in the browser', () => {
  it('an alert goes from new through supervisor review and a planned intervention to resolved', async () => {
    const admin = await as('admin@copa.example');
    const rule = await post(admin, '/api/v1/eis/rules', {
      kind: 'monitor_unit',
      code: 'unit-015',
      label: 'Unit 015 under monitoring',
      unitCode: '015',
      days: 3650,
    });
    expect(rule.status, JSON.stringify(rule.body)).toBe(201);
    const run = await post(admin, '/api/v1/eis/runs', {});
    expect(run.status, JSON.stringify(run.body)).toBe(201);
    expect((run.body as { raised: number }).raised).toBeGreaterThan(0);

    const page = await as('supervisor@copa.example');
    await page.getByRole('link', { name: 'Early intervention' }).click();
    await page.getByRole('heading', { level: 1, name: 'Early-intervention alerts' }).waitFor();
    await page.getByText('Advice for support and training, not discipline').waitFor();
    await expectAccessible(page, 'intervention queue');
    const card = page.getByTestId('eis-alert').filter({ hasText: MEMBER });
    await card.getByText('while under monitoring (Unit 015 under monitoring)').waitFor();
    expect(await card.getByTestId('eis-alert-status').textContent()).toBe('New');

    const stepTo = async (step: string, note: string): Promise<void> => {
      // the disclosure stays open after a step: open it only when closed
      const details = card.locator('details');
      if ((await details.getAttribute('open')) === null) {
        await details.locator('summary').click();
      }
      await card.getByLabel('Next step').selectOption(step);
      await card.getByLabel('Note').fill(note);
      await card.getByRole('button', { name: 'Record the step' }).click();
    };
    await stepTo('supervisor_review', 'Read the complaint with the watch commander.');
    await card.getByTestId('eis-alert-status').getByText('Supervisor review').waitFor();
    await stepTo('intervention_planned', 'De-escalation refresher booked.');
    await card.getByTestId('eis-alert-status').getByText('Intervention planned').waitFor();
    await card.getByText('De-escalation refresher booked.').waitFor();
    await stepTo('resolved', 'Refresher completed.');
    // resolved: it leaves the open queue, and the whole list shows it closed with its three steps
    await card.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'All alerts' }).click();
    const closed = page.getByTestId('eis-alert').filter({ hasText: MEMBER });
    await closed.getByTestId('eis-alert-status').getByText('Resolved').waitFor();
    expect(await closed.getByTestId('eis-steps').locator('li').count()).toBe(3);
    await closed.getByText('Refresher completed.').waitFor();
    expect(await closed.getByText('Record a review step').count()).toBe(0);
    await expectAccessible(page, 'resolved alert');
  });

  it('the queue speaks Spanish and says an alert is not discipline', async () => {
    const page = await as('supervisor@copa.example', 'es');
    await page.goto('/staff/alerts');
    await page
      .getByRole('heading', { level: 1, name: 'Alertas de intervención temprana' })
      .waitFor();
    await page.getByText('Consejo para apoyo y formación, no disciplina').waitFor();
    await page.getByRole('button', { name: 'Todas las alertas' }).click();
    await page.getByText('Resuelta', { exact: true }).first().waitFor();
    await expectAccessible(page, 'intervention queue (es)');
    // the backtest page, listed under Reports: the demo kept a run of its sample history
    await page.goto('/staff/reports');
    await page.getByRole('link', { name: 'Prueba retrospectiva de la alerta temprana' }).click();
    await page
      .getByRole('heading', { level: 1, name: 'Prueba retrospectiva de la alerta temprana' })
      .waitFor();
    await page.getByText('Exhaustividad / precisión del k% más alto (todos los años)').waitFor();
    await page.getByRole('rowheader', { name: 'Nuestro modelo' }).first().waitFor();
    await expectAccessible(page, 'backtest (es)');
  });
});
