import { describe, expect, inject, it } from 'vitest';
import { expectAccessible, signedInPages, useAuthenticator } from './browser.ts';
import { E2eAuthenticator } from './totp.ts';

/*
 * Letters and notices (issue 18 item 5), in the browser, in Spanish: the chief administrator
 * writes the shelter case's acknowledgement from the case page (previewed in the recipient's
 * language); the volunteer who relays for the woman has no address on the demo case, so the
 * letter is not sent and the page says why; the outbox lists it first.
 */

const baseUrl = inject('baseUrl');
useAuthenticator(new E2eAuthenticator(inject('totpState'), inject('totpSecret')));
const as = signedInPages(baseUrl);

describe('letters, in the browser', () => {
  it('writes the acknowledgement from the case page and sees why it cannot go out', async () => {
    const page = await as('chief@copa.example', 'es');
    const found = await page.request.get(
      `/api/v1/cases?q=${encodeURIComponent('lobby of the 10th District station')}`,
    );
    const items = ((await found.json()) as { items: Array<{ logNumber: string }> }).items;
    expect(items.length).toBeGreaterThan(0);
    const logNumber = items[0]!.logNumber;
    await page.goto(`/staff/cases/${logNumber}`);
    const section = page.getByTestId('section-letters');
    await section.getByRole('heading', { name: 'Cartas y avisos' }).waitFor();
    await section.getByLabel('Carta').selectOption('acknowledgement');
    await section.getByTestId('letter-write').click();
    const letter = section.getByTestId('letter').last();
    await letter.getByTestId('letter-status').waitFor();
    expect(await letter.getByTestId('letter-status').textContent()).toBe('No enviada');
    expect(await letter.getByTestId('letter-failure').textContent()).toContain(
      'no hay correo electrónico ni dirección postal',
    );
    // the preview is in the recipient's language (the demo volunteer's is English), whatever
    // the language of the staff page
    await letter.getByText('Vista previa').click();
    expect(await letter.getByTestId('letter-preview').textContent()).toContain(
      'We received your complaint',
    );
    await expectAccessible(page, 'case letters');

    await page.getByRole('link', { name: 'Bandeja de salida' }).click();
    await page.getByRole('heading', { level: 1, name: 'Bandeja de salida' }).waitFor();
    const first = page.getByTestId('outbox-letter').first();
    expect(await first.getByTestId('letter-status').textContent()).toBe('No enviada');
    await expectAccessible(page, 'outbox');
  });
});
