import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  enterCode,
  expectAccessible,
  launch,
  newPage,
  signIn,
  useAuthenticator,
} from './browser.ts';
import { E2eAuthenticator } from './totp.ts';
import { caseStatus, moveTo, openForm, submitForm, tick } from './steps.ts';

const baseUrl = inject('baseUrl');
useAuthenticator(new E2eAuthenticator(inject('totpState'), inject('totpSecret')));
let browser: Browser;
let logNumber = '';
const contexts: BrowserContext[] = [];

async function as(email: string, lang: 'en' | 'es' = 'en'): Promise<Page> {
  const { context, page } = await newPage(browser, baseUrl, lang);
  contexts.push(context);
  await signIn(page, email);
  return page;
}

async function openCase(page: Page): Promise<void> {
  await page.goto(`/staff/cases/${logNumber}`);
  await page.getByTestId('case-title').waitFor();
}

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  for (const c of contexts) {
    await c.close();
  }
  await browser.close();
});

describe('PRODUCT.md §1, in the browser', () => {
  it('intake files the shelter report through the wizard; the server routes it to COPA under (b-5)', async () => {
    const page = await as('intake@copa.example');
    await expectAccessible(page, 'dashboard');
    await page.getByRole('link', { name: 'New intake' }).click();
    await page.locator('#narrative').waitFor();
    await expectAccessible(page, 'intake step 1');
    // step 1: nothing typed yet → the narrative is required, shown next to the field
    await page.getByTestId('wizard-next').click();
    await page.locator('#narrative-error').waitFor();
    expect(await page.locator('#narrative-error').textContent()).toContain('required');
    await expectAccessible(page, 'intake step 1 with an error');
    await tick(page, 'caseType-miscellaneous');
    await page.selectOption('#channel', 'intermediary');
    await page.fill('#receivedAt', '2023-09-18T10:12');
    await page.fill(
      '#narrative',
      'A shelter volunteer reports that officers had sexual contact with a woman living in the lobby of the 10th District station. She may be a minor and speaks Spanish.',
    );
    await page.getByTestId('wizard-next').click();
    // step 2: incident and categories
    await page.locator('#district').waitFor();
    await expectAccessible(page, 'intake step 2');
    await page.fill('#district', '10');
    await page.getByTestId('wizard-next').click();
    await page.locator('#district-error').waitFor();
    await page.fill('#district', '010');
    await page.selectOption('#facilityCode', 'D010');
    expect(await page.locator('#facilityCode option:checked').textContent()).toContain(
      'temporary shelter site',
    );
    await tick(page, 'category-sexual_misconduct');
    await tick(page, 'officersUnknown');
    await page.getByTestId('wizard-next').click();
    // step 3: the woman (anonymous, Spanish, shelter resident, maybe a minor) and the volunteer
    await page.getByRole('button', { name: 'Add a person' }).waitFor();
    await page.getByRole('button', { name: 'Add a person' }).click();
    await page.selectOption('#party-0-role', 'victim');
    await tick(page, 'party-0-anonymous');
    await page.selectOption('#party-0-language', 'es');
    await tick(page, 'party-0-vulnerability-shelter_resident');
    await tick(page, 'party-0-vulnerability-minor');
    await tick(page, 'party-0-throughIntermediaryOnly');
    await page.getByRole('button', { name: 'Add a person' }).click();
    await page.selectOption('#party-1-role', 'intermediary');
    await page.fill('#party-1-name', 'A. Volunteer');
    await page.fill('#party-1-phone', '312-555-0142');
    await page.fill('#party-1-organization', 'Shelter volunteers');
    await expectAccessible(page, 'intake step 3');
    await page.getByTestId('wizard-next').click();
    // step 4: members unknown; step 5: the server's routing decision
    await page.locator('#member-q').waitFor();
    await expectAccessible(page, 'intake step 4');
    await page.getByTestId('wizard-next').click();
    await page.getByTestId('preview-clause').waitFor();
    expect(await page.getByTestId('preview-agency').textContent()).toBe('COPA');
    expect(await page.getByTestId('preview-clause').textContent()).toBe('MCC 2-78-120(b-5)');
    await page.getByTestId('preview-restricted').waitFor();
    await expectAccessible(page, 'intake review');
    await page.getByTestId('wizard-next').click();
    await page.getByTestId('intake-filed').waitFor();
    const heading = (await page.locator('h1').textContent()) ?? '';
    logNumber = /(\d{4}-\d{7})/.exec(heading)![1]!;
    expect(logNumber).toMatch(/^2023-\d{7}$/);
    await expectAccessible(page, 'intake filed');
    // a restricted case is for its need-to-know team: intake does not get to open it
    await page.getByRole('link', { name: `Open case ${logNumber}` }).click();
    await page.getByTestId('problem').waitFor();
    expect(await page.getByTestId('problem').textContent()).toContain('you may not see it');
    await expectAccessible(page, 'case page refused to intake');
  });

  it('the chief administrator adds the BIA parallel criminal track, assigns, and starts the investigation', async () => {
    const page = await as('chief@copa.example');
    await openCase(page);
    expect(await page.getByTestId('case-routing').textContent()).toContain('MCC 2-78-120(b-5)');
    expect(await page.getByTestId('case-title').textContent()).toContain('Restricted');
    // the chief administrator manages the agency's restricted cases: identities are visible
    expect(await page.getByTestId('section-parties').textContent()).toContain('A. Volunteer');
    await expectAccessible(page, 'case page (chief)');
    await moveTo(page, 'preliminary');
    expect(await caseStatus(page)).toBe('Preliminary');
    await openForm(page, 'form-agency');
    await page.selectOption('#ag-agency', 'BIA');
    await page.selectOption('#ag-track', 'criminal');
    await page.selectOption('#ag-role', 'parallel');
    await expectAccessible(page, 'case page with the agency form open');
    await submitForm(page, 'form-agency');
    await expect
      .poll(() => page.getByTestId('agencies').textContent())
      .toContain('BIA — Criminal, Parallel');
    await openForm(page, 'form-assign');
    await page.fill('#as-email', 'investigator@copa.example');
    await page.selectOption('#as-role', 'lead_investigator');
    await submitForm(page, 'form-assign');
    await expect.poll(() => page.getByTestId('assignments').textContent()).toContain('Ines');
    await moveTo(page, 'investigation');
    expect(await caseStatus(page)).toBe('Investigation');
    await openForm(page, 'form-activity');
    await page.selectOption('#ac-kind', 'canvass');
    await page.fill('#ac-place', 'Shelters near the 10th District');
    await page.fill('#ac-outcome', 'No one came forward');
    await page.fill('#ac-summary', 'Canvassed three shelters for witnesses.');
    await submitForm(page, 'form-activity');
    await expect.poll(() => page.getByTestId('timeline').textContent()).toContain('Canvass');
    await openForm(page, 'form-allegation');
    await page.fill('#al-star', '10231');
    await page.selectOption('#al-category', 'sexual_misconduct');
    await page.fill('#al-summary', 'Sexual contact with a shelter resident.');
    await submitForm(page, 'form-allegation');
    await expect
      .poll(() => page.getByTestId('section-allegations').textContent())
      .toContain('Kowalczyk');
  });

  it('a BIA supervisor sees the case through the parallel track', async () => {
    const page = await as('supervisor@bia.example');
    await openCase(page);
    expect(await page.getByTestId('agencies').textContent()).toContain('BIA');
    // BIA does not lead: no stage change offered
    expect(await page.getByTestId('section-stage').textContent()).toContain('no stage change');
    await expectAccessible(page, 'case page (BIA supervisor)');
  });

  it('duty status: the chief administrator recommends, the BIA supervisor records the decision', async () => {
    const chief = await as('chief@copa.example');
    await openCase(chief);
    await openForm(chief, 'form-duty');
    await chief.selectOption('#du-action', 'relieved_of_police_powers');
    await chief.selectOption('#du-stage', 'recommended');
    await chief.fill(
      '#du-reason',
      'Seriousness of the allegations; protection of shelter residents.',
    );
    await submitForm(chief, 'form-duty');
    await expect
      .poll(() => chief.getByTestId('section-duty').textContent())
      .toContain('Recommended');

    const bia = await as('supervisor@bia.example');
    await openCase(bia);
    await openForm(bia, 'form-duty');
    expect(await bia.locator('#du-stage').inputValue()).toBe('decided');
    await bia.fill('#du-decidedBy', 'Superintendent of Police');
    await bia.selectOption('#du-rec', { index: 1 });
    await tick(bia, 'du-badge');
    await tick(bia, 'du-weapon');
    await bia.fill('#du-reason', 'Relieved of police powers pending the investigations.');
    await submitForm(bia, 'form-duty');
    await expect
      .poll(() => bia.getByTestId('section-duty').textContent())
      .toContain('Superintendent of Police');
    // the member's ledger answers "were any officers' powers revoked?"
    await bia.locator('[data-testid=section-duty] table a').first().click();
    await bia.getByTestId('current-duty').waitFor();
    expect(await bia.getByTestId('current-duty').textContent()).toBe('Relieved of police powers');
    await bia.getByTestId('per-year-chart').waitFor();
    await expectAccessible(bia, 'member profile');
  });

  it('public information drafts the statement in English and Spanish, the chief reviews it, and it is published in both', async () => {
    const page = await as('pio@copa.example');
    await openCase(page);
    await expectAccessible(page, 'case page (public information)');
    await openForm(page, 'form-statement');
    await page.selectOption('#st-language', 'en');
    await page.fill('#st-text', 'The allegations are under investigation by BIA and COPA.');
    await submitForm(page, 'form-statement');
    await page.locator('[data-testid=statements] li[lang=en]').waitFor();
    await page.selectOption('#st-language', 'es');
    await page.selectOption('#st-translation', { index: 1 });
    await page.fill('#st-text', 'Las alegaciones están siendo investigadas por BIA y COPA.');
    await submitForm(page, 'form-statement');
    await page.locator('[data-testid=statements] li[lang=es]').waitFor();
    // the author is offered no review of their own text, and nothing to publish yet
    expect(await page.getByRole('button', { name: /^Review / }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Publish / }).count()).toBe(0);

    const chief = await as('chief@copa.example');
    await openCase(chief);
    for (const language of ['English', 'Spanish']) {
      await chief.getByRole('button', { name: `Review ${language} statement` }).click();
      await expect
        .poll(() => chief.getByRole('button', { name: `Review ${language} statement` }).count())
        .toBe(0);
    }
    await expectAccessible(chief, 'reviewed statements');

    await page.reload();
    await page.getByRole('button', { name: 'Publish English statement' }).click();
    await expect
      .poll(
        async () =>
          (await page.getByTestId('statements').textContent())?.match(/Published/g)?.length,
      )
      .toBe(2);
    expect(await page.locator('[data-testid=statements] li[lang=es]').textContent()).toContain(
      'Las alegaciones',
    );
  });

  it('closes with no finding (no victim or witness identified), then reopens on new evidence', async () => {
    const page = await as('chief@copa.example');
    await openCase(page);
    await moveTo(page, 'closed_no_finding', 'no_victim_or_witness_identified');
    expect(await caseStatus(page)).toBe('Closed — no finding');
    await expectAccessible(page, 'closed case');
    await moveTo(page, 'investigation', 'new_material_evidence');
    expect(await caseStatus(page)).toBe('Investigation');
    const timeline = (await page.getByTestId('timeline').textContent()) ?? '';
    expect(timeline).toContain('No victim or witness identified');
    expect(timeline).toContain('New material evidence');
  });

  it('explains a conflicting change and keeps what was typed', async () => {
    const a = await as('chief@copa.example');
    const b = await as('supervisor@copa.example');
    await openCase(a);
    await openCase(b);
    await moveTo(a, 'review');
    // b still shows Investigation and tries to close it
    await openForm(b, 'form-transition');
    await b.selectOption('#tr-to', 'closed_no_finding');
    await b.selectOption('#tr-reason', 'withdrawn');
    await b.fill('#tr-note', 'typed before the conflict');
    await b.getByTestId('form-transition').locator('button[type=submit]').click();
    const alert = b.locator('[data-testid=form-transition] [data-testid=problem]');
    await alert.waitFor();
    expect(await alert.getAttribute('data-code')).toMatch(/stale_status|transition_not_allowed/);
    expect(await alert.textContent()).toContain('Someone else changed this case');
    expect(await b.locator('#tr-note').inputValue()).toBe('typed before the conflict');
    await expectAccessible(b, 'case page with a conflict');
    await alert.getByRole('button', { name: 'Reload the case' }).click();
    await expect.poll(() => caseStatus(b)).toBe('Review');
  });

  it('explains a lost session, keeps the input, and resumes after signing in again', async () => {
    const { context, page } = await newPage(browser, baseUrl);
    contexts.push(context);
    await signIn(page, 'chief@copa.example');
    await openCase(page);
    await openForm(page, 'form-activity');
    await page.fill('#ac-summary', 'Note typed while the session ended.');
    await context.clearCookies();
    await page.getByTestId('form-activity').locator('button[type=submit]').click();
    await page.getByTestId('session-lost').waitFor();
    expect(await page.locator('#ac-summary').inputValue()).toBe(
      'Note typed while the session ended.',
    );
    await expectAccessible(page, 'case page with the session-lost panel');
    await page.fill('#resume-email', 'chief@copa.example');
    await page.fill('#resume-password', 'oversight-demo');
    await page.getByTestId('session-lost').locator('button[type=submit]').click();
    // the second factor is asked in the same panel; the page below keeps its input
    await enterCode(page, 'chief@copa.example', 'resume');
    await page.getByTestId('session-lost').waitFor({ state: 'detached' });
    await submitForm(page, 'form-activity');
    await expect
      .poll(() => page.getByTestId('timeline').textContent())
      .toContain('Note typed while the session ended.');
  });
});

describe('the Spanish interface', () => {
  it('files a case in Spanish, with server field errors in Spanish', async () => {
    const page = await as('intake@copa.example', 'es');
    await expectAccessible(page, 'panel (es)');
    await page.getByRole('link', { name: 'Nuevo ingreso' }).click();
    await page.locator('#narrative').waitFor();
    expect(await page.locator('label[for=narrative]').textContent()).toContain('Lo que se informó');
    await expectAccessible(page, 'ingreso paso 1 (es)');
    await page.selectOption('#channel', 'walk_in');
    // a date far in the future passes the browser's check; the server refuses it
    await page.fill('#receivedAt', '2099-01-01T10:00');
    await page.fill(
      '#narrative',
      'Un agente insultó al denunciante durante una parada de tráfico.',
    );
    await page.getByTestId('wizard-next').click();
    await tick(page, 'category-verbal_abuse');
    await page.getByTestId('wizard-next').click();
    await page.getByRole('button', { name: 'Agregar una persona' }).click();
    await page.fill('#party-0-name', 'Rosa Ejemplo');
    await page.selectOption('#party-0-language', 'es');
    await page.getByTestId('wizard-next').click();
    await page.getByTestId('wizard-next').click();
    await page.getByTestId('preview-clause').waitFor();
    expect(await page.getByTestId('routing-preview').textContent()).toContain('Disposición');
    await expectAccessible(page, 'revisar y asignar (es)');
    await page.getByTestId('wizard-next').click();
    // the server's 422 sends the wizard back to the field, in Spanish
    await page.locator('#receivedAt-error').waitFor();
    expect(await page.locator('#receivedAt-error').textContent()).toContain(
      'No puede estar en el futuro',
    );
    expect(await page.locator('#narrative').inputValue()).toContain('Un agente insultó');
    await expectAccessible(page, 'ingreso con error (es)');
    await page.fill('#receivedAt', '2024-03-04T09:30');
    for (const field of ['#district', '#party-0-name', '#member-q']) {
      await page.getByTestId('wizard-next').click();
      await page.locator(field).waitFor();
    }
    await page.getByTestId('wizard-next').click();
    await page.getByTestId('preview-clause').waitFor();
    await page.getByTestId('wizard-next').click();
    await page.getByTestId('intake-filed').waitFor();
    expect(await page.locator('h1').textContent()).toMatch(/Caso 2024-\d{7} registrado/);
    await expectAccessible(page, 'caso registrado (es)');
  });
});
