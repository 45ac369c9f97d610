// Practitioner: own clients, notes, consents; a concern raised through the guided form whose assessment shows the
// outcome and the rules that decided it before anything is stored; the case's next required step always visible.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { accessible, api, eventually, launch, must, newOrg, newPage, noPageErrors, screenshot, signIn, token } from './lib.mjs';

let browser;
const org = newOrg('practitioner');

before(async () => {
  browser = await launch();
});
after(() => browser?.close());

test('a practitioner registers a client, writes a note, records a consent and raises a concern through the guided form', async () => {
  const page = await newPage(browser);
  const api_ = await token('practitioner', org, 'pete');
  await signIn(page, 'practitioner', org, 'pete');
  await page.getByRole('heading', { name: 'My clients' }).waitFor();

  // Register: without the R-REC-5 explanation the API refuses, and the console says which rule.
  await page.getByText('Register a client').click();
  await page.getByLabel('Full name').fill('Robin Case');
  // An adult: from 16 capacity is presumed; an unknown age would need a competence assessment (R-CONS-6).
  await page.getByLabel('Date of birth').fill('1990-04-01');
  await page.getByRole('button', { name: 'Register' }).click();
  await page.getByRole('alert').waitFor();
  assert.match(await page.getByRole('alert').innerText(), /R-REC-5/);
  await page.getByLabel('The limits of confidentiality were explained').check();
  await page.getByRole('button', { name: 'Register' }).click();
  await page.getByTestId('client-id').waitFor();
  const clientId = (await page.getByTestId('client-id').innerText()).trim();
  await accessible(page, 'client overview');

  await page.getByRole('link', { name: 'Notes' }).click();
  await page.locator('textarea[name=noteBody]').fill('Talked about the week; agreed next steps.');
  await page.getByRole('button', { name: 'Save the note' }).click();
  await page.getByText('Talked about the week; agreed next steps.').waitFor();
  await screenshot(page, 'practitioner-notes');

  // consent-service learns of the client from records-events within seconds.
  await eventually('the client reaches consent-service', async () => (await api(api_, 'consent', 'GET', `/consents?clientId=${clientId}`)).status === 200);
  await eventually('the client reaches disclosure-service', async () => (await api(api_, 'disclosure', 'GET', `/disclosures?clientId=${clientId}`)).status === 200);
  await page.getByRole('link', { name: 'Consents' }).click();
  await page.getByText('Record a consent').click();
  await page.getByLabel('Recipient').selectOption('GP');
  await page.getByRole('checkbox', { name: 'Case notes' }).check();
  await page.getByLabel('What sharing means was explained').check();
  await page.getByRole('button', { name: 'Record the consent' }).click();
  await page.locator('tr[data-consent]').first().waitFor();
  assert.match(await page.locator('tr[data-consent]').first().innerText(), /Gp\s+Case notes\s+Continuing care\s+Active/);
  await accessible(page, 'client consents');
  await screenshot(page, 'practitioner-consents');

  // The guided concern: what happened, who would be told what, the assessment; nothing stored until "Raise".
  await page.getByRole('link', { name: 'Overview' }).click();
  await page.getByRole('link', { name: 'Raise a concern about this client' }).click();
  await page.getByRole('checkbox', { name: 'Risk to others' }).check();
  await page.getByLabel('How immediate').selectOption('SERIOUS');
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('group', { name: 'Who would be told' }).getByRole('checkbox', { name: 'Police' }).check();
  await page.getByRole('group', { name: 'What they would be told' }).getByRole('checkbox', { name: 'Risk information' }).check();
  // R-BRK-2: the person asked for the police, who are proposed, so no step asks whom to contact.
  await page.getByLabel('Whom the person asked to be contacted (R-BRK-2)').selectOption('POLICE');
  await page.getByRole('button', { name: 'Assess' }).click();
  const assessment = page.getByTestId('assessment');
  await assessment.waitFor();
  assert.equal(await assessment.getAttribute('data-outcome'), 'JUSTIFIED');
  assert.match(await page.getByTestId('assessment-rules').innerText(), /R-BRK-2 \(deciding\)/);
  assert.match(await page.getByRole('status').first().innerText(), /Nothing has been stored yet/);
  const before = await must(api_, 'disclosure', 'GET', `/disclosures?clientId=${clientId}`);
  assert.equal(before.items.length, 0, 'the assessment stored nothing');
  await accessible(page, 'concern assessment');
  await screenshot(page, 'practitioner-assessment');

  await page.getByLabel('Summary of the concern').fill('Said they would hurt a neighbour tonight.');
  await page.getByRole('button', { name: 'Raise the concern' }).click();
  const next = page.getByTestId('next-step');
  await next.waitFor();
  assert.equal(await next.getAttribute('data-code'), 'INVOLVE_CLIENT');
  assert.match(await next.innerText(), /R-PROC-1/);
  await screenshot(page, 'practitioner-case');

  // Each recorded step moves the next required step on.
  const involvement = page.getByRole('form', { name: 'Client involvement' }).first();
  await involvement.getByRole('button', { name: "Record the client's involvement" }).click();
  await page.waitForFunction(() => document.querySelector('[data-testid=next-step]')?.getAttribute('data-code') === 'CONSULT');
  const consult = page.getByRole('form', { name: 'Consultation' }).first();
  await consult.getByLabel('Their id').fill('alice');
  await consult.getByRole('button', { name: 'Record the consultation' }).click();
  await page.waitForFunction(() => document.querySelector('[data-testid=next-step]')?.getAttribute('data-code') === 'MANAGER_DECISION');
  assert.match(await next.innerText(), /a manager, not the raiser/);
  await accessible(page, 'case after steps');
  const cases = await must(api_, 'disclosure', 'GET', `/disclosures?clientId=${clientId}`);
  assert.equal(cases.items.length, 1);
  assert.equal(cases.items[0].consultations.length, 1);
  noPageErrors(page);
});
