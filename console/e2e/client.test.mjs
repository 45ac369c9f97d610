// Client: own file, consents with withdraw, letters to approve, the access log; and no compliance view.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { accessible, api, concern, eventually, launch, must, newOrg, newPage, noPageErrors, registeredClient, screenshot, signIn, token } from './lib.mjs';

let browser;
const org = newOrg('client');
let client;
let consentId;
let letterId;

before(async () => {
  browser = await launch();
  const practitioner = await token('practitioner', org, 'pete');
  const manager = await token('manager', org, 'alice');
  client = await registeredClient(practitioner, 'Jo Client');
  consentId = (await must(practitioner, 'consent', 'POST', '/consents', {
    clientId: client.id, recipient: { type: 'GP' }, categories: ['CASE_NOTES'], purpose: 'CONTINUING_CARE', method: 'WRITTEN_SIGNED', explained: true,
  }, 201)).id;
  letterId = (await must(practitioner, 'records', 'POST', `/clients/${client.id}/letters`, { recipient: 'Dr Lee, the GP', body: 'Jo has attended six sessions.' }, 201)).id;
  await must(practitioner, 'records', 'GET', `/clients/${client.id}/notes`);
  // A share the client has been told of (R-PROC-1): it shows in their access log.
  const c = await must(practitioner, 'disclosure', 'POST', '/disclosures', concern(client.id), 201);
  await must(practitioner, 'disclosure', 'POST', `/disclosures/${c.id}/client-involvement`, { informed: true, response: 'AGREED' });
  await must(practitioner, 'disclosure', 'POST', `/disclosures/${c.id}/consultations`, { consultedRole: 'MANAGER', consultedId: 'alice', advice: 'SUPPORT' }, 201);
  await must(manager, 'disclosure', 'POST', `/disclosures/${c.id}/decision`, { decision: 'APPROVED', rationale: 'risk', lawfulBasis: 'SAFEGUARDING' });
  await must(practitioner, 'disclosure', 'POST', `/disclosures/${c.id}/shares`, { recipientType: 'POLICE', method: 'SECURE_PORTAL', categories: ['RISK_INFORMATION'] });
  const me = await token('client', org, client.id);
  await eventually('the share in the access log', async () => (await api(me, 'audit', 'GET', '/me/access-log')).body.items?.some((i) => i.action === 'shared'));
});
after(() => browser?.close());

test('a client sees their file, withdraws a consent, approves a letter and sees who read or shared their information', async () => {
  const page = await newPage(browser);
  await signIn(page, 'client', org, client.id);
  await page.getByTestId('my-name').waitFor();
  assert.equal(await page.getByTestId('my-name').innerText(), 'Jo Client');
  await accessible(page, 'my file');
  await screenshot(page, 'client-file');

  await page.getByRole('link', { name: 'My consents' }).click();
  const row = page.locator(`tr[data-consent="${consentId}"]`);
  await row.waitFor();
  await row.getByRole('button', { name: 'Withdraw' }).click();
  await page.waitForFunction((id) => /Withdrawn/.test(document.querySelector(`tr[data-consent="${id}"]`)?.textContent ?? ''), consentId);
  await accessible(page, 'my consents');
  await screenshot(page, 'client-consents');
  const me = await token('client', org, client.id);
  assert.equal((await must(me, 'consent', 'GET', `/me/consents/${consentId}`)).status, 'WITHDRAWN');

  await page.getByRole('link', { name: 'Letters' }).click();
  const letter = page.locator(`li[data-letter="${letterId}"]`);
  await letter.waitFor();
  await letter.getByRole('button', { name: 'Approve' }).click();
  await page.waitForFunction((id) => /Approved/.test(document.querySelector(`li[data-letter="${id}"]`)?.textContent ?? ''), letterId);
  await accessible(page, 'my letters');
  await screenshot(page, 'client-letters');

  await page.getByRole('link', { name: 'Who saw my file' }).click();
  await page.locator('tr[data-type]').first().waitFor();
  const log = await page.locator('tbody').innerText();
  assert.match(log, /Shared/);
  assert.match(log, /Practitioner of e2e-client/);
  assert.doesNotMatch(log, /pete/, 'a person\'s id is never shown to the client');
  await accessible(page, 'access log');
  await screenshot(page, 'client-access-log');
  noPageErrors(page);
});

test('a client cannot reach a compliance view: the console says so, and the API refuses with 403', async () => {
  const page = await newPage(browser);
  await signIn(page, 'client', org, client.id);
  await page.getByTestId('my-name').waitFor();
  assert.equal(await page.getByRole('link', { name: 'Audit trail' }).count(), 0);
  await page.goto('/#/audit');
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.innerText(), /Not available to you[\s\S]*This view is for compliance/);
  await page.goto('/#/audit/verify');
  await page.getByRole('heading', { name: 'Not available to you' }).waitFor();
  await screenshot(page, 'client-denied');
  const me = await token('client', org, client.id);
  assert.equal((await api(me, 'audit', 'GET', '/audit/entries')).status, 403);
  assert.equal((await api(me, 'audit', 'GET', '/audit/checkpoints/latest')).status, 403);
  noPageErrors(page);
});
