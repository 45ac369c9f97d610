// The longer browser run (CONFIDE_CONSOLE_E2E=full): keyboard use, refusals shown as messages, export, an emergency
// share and its retrospective decision, a letter from draft to sent, retention. Skipped in the short run.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { accessible, api, concern, eventually, FULL, launch, must, newOrg, newPage, noPageErrors, registeredClient, screenshot, signIn, token } from './lib.mjs';

const opts = { skip: FULL ? false : 'the longer run: CONFIDE_CONSOLE_E2E=full' };
let browser;
const org = newOrg('full');
let client;

before(async () => {
  if (!FULL) return;
  browser = await launch();
  client = await registeredClient(await token('practitioner', org, 'pete'), 'Kim Keyboard');
});
after(() => browser?.close());

test('sign-in and the main navigation work by keyboard alone', opts, async () => {
  const page = await newPage(browser);
  await page.goto('/');
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  // The heading has the focus; the first Tab reaches the role.
  await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('name')), 'role');
  await page.keyboard.type('manager');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Control+A');
  await page.keyboard.type(org);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('alice');
  await page.keyboard.press('Enter');
  await page.getByTestId('who').waitFor();
  // The view's heading takes the focus, so a screen reader announces where the user landed.
  await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
  await page.getByRole('link', { name: 'Consent approvals' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Consents waiting for approval' }).waitFor();
  noPageErrors(page);
});

test("another organisation's client is a not-found message, and a practitioner not allocated gets a 403 message", opts, async () => {
  const other = await registeredClient(await token('practitioner', newOrg('other'), 'zed'), 'Other Org');
  const page = await newPage(browser);
  await signIn(page, 'manager', org, 'alice');
  await page.goto(`/#/clients/${other.id}`);
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.equal(await alert.getAttribute('data-status'), '404');
  assert.match(await alert.innerText(), /Not found/);
  await accessible(page, 'not found');

  const page2 = await newPage(browser);
  await signIn(page2, 'practitioner', org, 'not-pete');
  await page2.goto(`/#/clients/${client.id}`);
  await page2.getByRole('alert').waitFor();
  assert.equal(await page2.getByRole('alert').getAttribute('data-status'), '403');
  assert.match(await page2.getByRole('alert').innerText(), /R-REC-1/);
  await screenshot(page2, 'practitioner-forbidden');
  noPageErrors(page);
  noPageErrors(page2);
});

test('an emergency share before the decision makes the retrospective decision the next step', opts, async () => {
  const practitioner = await token('practitioner', org, 'pete');
  const c = await must(practitioner, 'disclosure', 'POST', '/disclosures', {
    ...concern(client.id), grounds: ['MEDICAL_EMERGENCY'], immediacy: 'IMMEDIATE', proposedRecipients: [{ type: 'EMERGENCY_SERVICES' }],
  }, 201);
  const page = await newPage(browser);
  await signIn(page, 'practitioner', org, 'pete');
  await page.goto(`/#/cases/${c.id}`);
  await page.getByTestId('next-step').waitFor();
  await page.getByText('Record another step').click();
  const share = page.getByRole('form', { name: 'Share' });
  await share.getByLabel('Emergency share before a decision').check();
  await share.getByRole('button', { name: 'Record the share' }).click();
  await page.waitForFunction(() => document.querySelector('[data-testid=next-step]')?.getAttribute('data-code') === 'MANAGER_DECISION');
  assert.match(await page.getByTestId('next-step').innerText(), /retrospectively/);
  noPageErrors(page);
});

test('a letter goes from draft, to the client approving it, to sent', opts, async () => {
  const page = await newPage(browser);
  await signIn(page, 'practitioner', org, 'pete');
  await page.goto(`/#/clients/${client.id}/letters`);
  await page.getByText('Draft a letter').click();
  await page.getByLabel('To').fill('Dr Lee');
  await page.locator('textarea[name=letterBody]').fill('Kim attends weekly.');
  await page.getByRole('button', { name: 'Save the draft' }).click();
  const li = page.locator('li[data-letter]').first();
  await li.waitFor();
  const letterId = await li.getAttribute('data-letter');
  assert.match(await li.innerText(), /Waiting for the client's approval/);
  await must(await token('client', org, client.id), 'records', 'POST', `/me/letters/${letterId}/approval`, { approved: true });
  // Not a reload: the token lives in memory only, and a reload signs out.
  await page.getByRole('link', { name: 'Overview' }).click();
  await page.getByRole('link', { name: 'Letters' }).click();
  await li.getByRole('button', { name: 'Send' }).click();
  await page.waitForFunction((id) => /Sent/.test(document.querySelector(`li[data-letter="${id}"]`)?.textContent ?? ''), letterId);
  await screenshot(page, 'practitioner-letters');
  noPageErrors(page);
});

test('a compliance user exports the log as JSONL whose lines are the entries', opts, async () => {
  const compliance = await token('compliance', org, 'carol');
  await eventually('entries in the log', async () => (await api(compliance, 'audit', 'GET', '/audit/entries')).body.items?.length > 0);
  const page = await newPage(browser);
  await signIn(page, 'compliance', org, 'carol');
  await page.getByRole('link', { name: 'Export' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download' }).click()]);
  assert.equal(download.suggestedFilename(), 'confide-audit.jsonl');
  const lines = readFileSync(await download.path(), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  assert.ok(lines.length > 0 && lines.every((e) => e.org === org && /^[0-9a-f]{64}$/.test(e.hash)));
  await accessible(page, 'export');
  noPageErrors(page);
});

test('retention runs from the console and reports what it destroyed', opts, async () => {
  const page = await newPage(browser);
  await signIn(page, 'manager', org, 'alice');
  await page.getByRole('link', { name: 'Holds & retention' }).click();
  await page.getByRole('button', { name: 'Run retention now' }).click();
  await page.getByRole('alert').waitFor(); // not confirmed: refused before any call
  await page.getByLabel('I understand').check();
  await page.getByRole('button', { name: 'Run retention now' }).click();
  await page.getByTestId('retention-result').waitFor();
  assert.match(await page.getByTestId('retention-result').innerText(), /No client was due|Destroyed/);
  noPageErrors(page);
});
