import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** Clicks the label of a (visually restyled) USWDS checkbox or radio. */
export async function tick(page: Page, id: string): Promise<void> {
  await page.locator(`label[for="${id}"]`).click();
}

/** Opens a case-page action form (a disclosure) by its test id. */
export async function openForm(page: Page, testId: string): Promise<void> {
  const details = page.getByTestId(testId);
  if ((await details.getAttribute('open')) === null) {
    await details.locator('summary').click();
  }
}

/** Submits an action form and waits for its "Saved" status. */
export async function submitForm(page: Page, testId: string): Promise<void> {
  const form = page.getByTestId(testId);
  await form.locator('button[type=submit]').click();
  await expect
    .poll(async () => (await form.getByRole('status').textContent())?.trim(), { timeout: 20_000 })
    .toMatch(/Saved|Guardado/);
}

/** The stage shown on the case page. */
export async function caseStatus(page: Page): Promise<string> {
  return ((await page.getByTestId('case-status').textContent()) ?? '').trim();
}

/** Moves the case to another stage through the stage form. */
export async function moveTo(page: Page, to: string, reason?: string): Promise<void> {
  await openForm(page, 'form-transition');
  await page.selectOption('#tr-to', to);
  if (reason) {
    await page.selectOption('#tr-reason', reason);
  }
  await submitForm(page, 'form-transition');
}
