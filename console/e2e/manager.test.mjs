// Manager: the cases waiting for a decision (outcome, rule ids, steps so far), a decision with a lawful basis,
// consents waiting for approval, a legal hold.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { accessible, api, concern, launch, must, newOrg, newPage, noPageErrors, registeredClient, screenshot, signIn, token } from './lib.mjs';

let browser;
const org = newOrg('manager');
let client;
let caseId;
let pending;

before(async () => {
  browser = await launch();
  const practitioner = await token('practitioner', org, 'pete');
  client = await registeredClient(practitioner, 'Sam Sample');
  const c = await must(practitioner, 'disclosure', 'POST', '/disclosures', concern(client.id), 201);
  caseId = c.id;
  await must(practitioner, 'disclosure', 'POST', `/disclosures/${caseId}/client-involvement`, { informed: true, response: 'AGREED' });
  await must(practitioner, 'disclosure', 'POST', `/disclosures/${caseId}/consultations`, { consultedRole: 'PROFESSIONAL', consultedId: 'dr-lee', advice: 'SUPPORT' }, 201);
  pending = await must(practitioner, 'consent', 'POST', '/consents', {
    clientId: client.id, recipient: { type: 'SUPERVISOR' }, categories: ['CASE_NOTES'], purpose: 'TRAINING', method: 'WRITTEN_SIGNED', explained: true,
  }, 201);
  assert.equal(pending.status, 'PENDING_APPROVAL');
});
after(() => browser?.close());

test('a manager sees the case waiting, with its outcome, rules and steps, and approves it with a lawful basis', async () => {
  const page = await newPage(browser);
  await signIn(page, 'manager', org, 'alice');
  await page.getByRole('heading', { name: 'Decisions waiting' }).waitFor();
  const row = page.locator(`tr[data-case="${caseId}"]`);
  await row.waitFor();
  const text = await row.innerText();
  assert.match(text, /Justified/);
  assert.match(text, /R-BRK-2/);
  assert.match(text, /Manager decision/);
  await accessible(page, 'decisions');
  await screenshot(page, 'manager-decisions');

  await row.getByRole('link').click();
  const next = page.getByTestId('next-step');
  await next.waitFor();
  assert.equal(await next.getAttribute('data-code'), 'MANAGER_DECISION');
  assert.match(await page.getByTestId('assessment-rules').innerText(), /R-BRK-2 \(deciding\)/);
  // Approving without a lawful basis is refused by the API, and the refusal is shown, naming the field.
  const decision = page.getByRole('form', { name: 'Decision' }).first();
  await decision.getByLabel('Rationale').fill('serious and specific risk to a named person');
  await decision.getByRole('button', { name: 'Record the decision' }).click();
  await decision.getByRole('alert').waitFor();
  assert.match(await decision.getByRole('alert').innerText(), /lawfulBasis/);
  await decision.getByLabel('Lawful basis').selectOption('SAFEGUARDING');
  await decision.getByRole('button', { name: 'Record the decision' }).click();
  await page.waitForFunction(() => document.querySelector('[data-testid=next-step]')?.getAttribute('data-code') === 'SHARE_MINIMUM_NECESSARY');
  assert.match(await page.locator('dl.facts').innerText(), /Approved\s+Safeguarding by alice/);
  await accessible(page, 'case');
  await screenshot(page, 'manager-case');
  const stored = await must(await token('manager', org, 'alice'), 'disclosure', 'GET', `/disclosures/${caseId}`);
  assert.equal(stored.decision.decision, 'APPROVED');
  assert.equal(stored.decision.lawfulBasis, 'SAFEGUARDING');
  noPageErrors(page);
});

test('a manager approves a consent waiting for approval (R-CONS-2)', async () => {
  const page = await newPage(browser);
  await signIn(page, 'manager', org, 'alice');
  await page.getByRole('link', { name: 'Consent approvals' }).click();
  const row = page.locator(`tr[data-consent="${pending.id}"]`);
  await row.waitFor();
  await accessible(page, 'consent approvals');
  await screenshot(page, 'manager-consents');
  await row.getByRole('button', { name: 'Approve' }).click();
  await row.waitFor({ state: 'detached' });
  const stored = await must(await token('manager', org, 'alice'), 'consent', 'GET', `/consents/${pending.id}`);
  assert.equal(stored.status, 'ACTIVE');
  noPageErrors(page);
});

test('a manager places a legal hold on a client, and it is listed under holds', async () => {
  const page = await newPage(browser);
  await signIn(page, 'manager', org, 'alice');
  await page.goto(`/#/clients/${client.id}`);
  await page.getByTestId('legal-hold').waitFor();
  await page.getByLabel('Reason for the hold').fill('litigation expected');
  await page.getByRole('button', { name: 'Place a legal hold' }).click();
  await page.getByRole('button', { name: 'Release the legal hold' }).waitFor();
  assert.match(await page.getByTestId('legal-hold').innerText(), /^Yes/);
  await page.getByRole('link', { name: 'Holds & retention' }).click();
  await page.getByRole('link', { name: 'Sam Sample' }).waitFor();
  await accessible(page, 'holds and retention');
  await screenshot(page, 'manager-holds');
  noPageErrors(page);
});
