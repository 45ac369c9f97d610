// Compliance: search the trail, one disclosure's timeline, an entry's hash and inclusion proof, the whole log verified
// in the browser, and a checkpoint altered in transit reported as invalid.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { accessible, api, concern, eventually, launch, must, newOrg, newPage, noPageErrors, registeredClient, screenshot, signIn, token } from './lib.mjs';

let browser;
const org = newOrg('compliance');
let client;
let caseId;
let checkpointSize;

before(async () => {
  browser = await launch();
  const practitioner = await token('practitioner', org, 'pete');
  const manager = await token('manager', org, 'alice');
  const compliance = await token('compliance', org, 'carol');
  client = await registeredClient(practitioner, 'Alex Example');
  const c = await must(practitioner, 'disclosure', 'POST', '/disclosures', concern(client.id), 201);
  caseId = c.id;
  await must(practitioner, 'disclosure', 'POST', `/disclosures/${caseId}/client-involvement`, { informed: true, response: 'AGREED' });
  await must(practitioner, 'disclosure', 'POST', `/disclosures/${caseId}/consultations`, { consultedRole: 'MANAGER', consultedId: 'alice', advice: 'SUPPORT' }, 201);
  await must(manager, 'disclosure', 'POST', `/disclosures/${caseId}/decision`, { decision: 'APPROVED', rationale: 'serious risk', lawfulBasis: 'SAFEGUARDING' });
  // Every step reaches the log, and a checkpoint covers it (within 10 s).
  const trail = await eventually('the case trail in the audit log', async () => {
    const r = await api(compliance, 'audit', 'GET', `/audit/trails/${caseId}`);
    return r.status === 200 && r.body.some((e) => e.type === 'disclosure.decided') && r.body;
  });
  const last = Math.max(...trail.map((e) => e.seq));
  checkpointSize = (await eventually('a checkpoint covering the decision', async () => {
    const r = await api(compliance, 'audit', 'GET', '/audit/checkpoints/latest');
    return r.status === 200 && r.body.treeSize >= last && r.body;
  }, { tries: 40 })).treeSize;
});
after(() => browser?.close());

test('a compliance user searches the trail by client and every entry on screen hashes and links', async () => {
  const page = await newPage(browser);
  await signIn(page, 'compliance', org, 'carol');
  await page.getByRole('heading', { name: 'Audit trail' }).waitFor();
  await page.getByLabel('Client id').fill(client.id);
  await page.getByRole('button', { name: 'Search' }).click();
  await page.locator('tr[data-seq]').first().waitFor();
  const types = await page.locator('tbody td:nth-child(3)').allInnerTexts();
  assert.ok(types.includes('client.registered') && types.includes('disclosure.raised'), types.join());
  await page.getByTestId('screen-check').waitFor();
  assert.match(await page.getByTestId('screen-check').innerText(), /^All \d+ entries on screen hash correctly/);
  assert.equal(await page.locator('[data-testid=hash-check][data-ok=false]').count(), 0);
  await accessible(page, 'trail search');
  await screenshot(page, 'compliance-search');
  noPageErrors(page);
});

test("one disclosure's trail is a timeline across services, and an entry shows its hash and a verified inclusion proof", async () => {
  const page = await newPage(browser);
  await signIn(page, 'compliance', org, 'carol');
  await page.getByRole('link', { name: 'Disclosure trail' }).click();
  await page.getByLabel('Case or correlation id').fill(caseId);
  await page.getByRole('button', { name: 'Show the trail' }).click();
  await page.locator('ol.timeline li').first().waitFor();
  const kinds = await page.locator('ol.timeline li').evaluateAll((li) => li.map((l) => l.dataset.type));
  for (const t of ['disclosure.raised', 'disclosure.client-involved', 'disclosure.consulted', 'disclosure.decided']) {
    assert.ok(kinds.includes(t), `${t} in ${kinds}`);
  }
  // The consent check the assessment made is part of the case's trail too: another service, same timeline.
  assert.ok(kinds.includes('consent.decided'), `consent.decided in ${kinds}`);
  assert.ok((await page.locator('ol.timeline .lane').allInnerTexts()).includes('consent-service'));
  await accessible(page, 'disclosure timeline');
  await screenshot(page, 'compliance-timeline');

  await page.locator('ol.timeline li[data-type="disclosure.decided"] a').click();
  await page.getByTestId('entry-inclusion').waitFor();
  assert.match(await page.getByTestId('entry-hash-check').innerText(), /^✓/);
  assert.match(await page.getByTestId('entry-checkpoint').innerText(), /^✓ Checkpoint of \d+ entries, signature verified \(pinned key\)/);
  assert.match(await page.getByTestId('entry-inclusion').innerText(), /^✓ The inclusion proof/);
  assert.match(await page.getByTestId('entry-hash').innerText(), /^[0-9a-f]{64}$/);
  await accessible(page, 'entry detail');
  await screenshot(page, 'compliance-entry');
  noPageErrors(page);
});

test('the whole log is verified in the browser and remembered; a later checkpoint must extend it', async () => {
  const page = await newPage(browser);
  await signIn(page, 'compliance', org, 'carol');
  await page.getByRole('link', { name: 'Verify' }).click();
  const status = page.getByTestId('checkpoint-status');
  await status.waitFor();
  assert.equal(await status.getAttribute('data-valid'), 'true', await status.innerText());
  await page.getByRole('button', { name: 'Verify the whole log in this browser' }).click();
  const log = page.getByTestId('log-status');
  await log.waitFor();
  assert.equal(await log.getAttribute('data-valid'), 'true', await log.innerText());
  const verified = Number(await page.getByTestId('tree-size').innerText());
  assert.ok(verified >= checkpointSize);
  assert.match(await page.getByTestId('remembered').innerText(), new RegExp(`^${verified} entries`));
  await accessible(page, 'verify');
  await screenshot(page, 'compliance-verify');

  // More entries; once a newer checkpoint covers them, a second verify shows the log extends the one remembered.
  const manager = await token('manager', org, 'alice');
  await must(manager, 'records', 'GET', `/clients/${client.id}/notes`);
  const compliance = await token('compliance', org, 'carol');
  await eventually('a newer checkpoint', async () => (await api(compliance, 'audit', 'GET', '/audit/checkpoints/latest')).body.treeSize > verified, { tries: 40 });
  await page.getByRole('button', { name: 'Check the newest checkpoint' }).click();
  await page.waitForFunction((size) => Number(document.querySelector('[data-testid=tree-size]')?.textContent) > size, verified);
  await page.getByRole('button', { name: 'Verify the whole log in this browser' }).click();
  await log.waitFor();
  assert.equal(await log.getAttribute('data-valid'), 'true', await log.innerText());
  assert.match(await log.innerText(), /extends the checkpoint of \d+ entries verified before/);
  noPageErrors(page);
});

/** Serves the real checkpoint with one byte of it changed by `alter`. */
async function tamper(page, alter) {
  await page.route('**/api/audit/audit/checkpoints/latest', async (route) => {
    const response = await route.fetch();
    const cp = await response.json();
    alter(cp);
    await route.fulfill({ response, json: cp });
  });
}

function flipBase64Byte(b64, index) {
  const bytes = Buffer.from(b64, 'base64');
  bytes[index] ^= 0x01;
  return bytes.toString('base64');
}

test('a checkpoint whose signature was altered in transit is reported invalid', async () => {
  const page = await newPage(browser);
  await tamper(page, (cp) => {
    const line = cp.note.split('\n').find((l) => l.startsWith('\u2014 '));
    const sig = line.slice(line.lastIndexOf(' ') + 1);
    const flipped = flipBase64Byte(sig, 40); // a byte of the Ed25519 signature (after the 4-byte key id)
    cp.note = cp.note.replace(sig, flipped);
    cp.signature = flipped;
  });
  await signIn(page, 'compliance', org, 'carol');
  await page.getByRole('link', { name: 'Verify' }).click();
  const status = page.getByTestId('checkpoint-status');
  await status.waitFor();
  assert.equal(await status.getAttribute('data-valid'), 'false');
  assert.match(await page.getByTestId('checkpoint-reason').innerText(), /signature does not verify/);
  assert.equal(await page.getByRole('button', { name: 'Verify the whole log in this browser' }).count(), 0);
  await screenshot(page, 'compliance-tampered');
  noPageErrors(page);
});

test('a checkpoint whose root was altered in transit is reported invalid, in its JSON or in the signed note', async () => {
  for (const [where, alter, reason] of [
    ['rootHash field', (cp) => { cp.rootHash = (cp.rootHash[0] === 'a' ? 'b' : 'a') + cp.rootHash.slice(1); }, /signed root .* is not the checkpoint's rootHash/],
    ['signed note', (cp) => {
      const lines = cp.note.split('\n');
      lines[2] = flipBase64Byte(lines[2], 0);
      cp.note = lines.join('\n');
    }, /signature does not verify/],
  ]) {
    const page = await newPage(browser);
    await tamper(page, alter);
    await signIn(page, 'compliance', org, 'carol');
    await page.getByRole('link', { name: 'Verify' }).click();
    await page.getByTestId('checkpoint-status').waitFor();
    assert.equal(await page.getByTestId('checkpoint-status').getAttribute('data-valid'), 'false', where);
    assert.match(await page.getByTestId('checkpoint-reason').innerText(), reason, where);
    noPageErrors(page);
    await page.context().close();
  }
});
