// The console's production sign-in against a real identity provider (issue 23): authorization code with PKCE
// (oidc-client-ts) through Keycloak's login page, then the compliance view with the access token Keycloak issued.
// Started by system-tests' KeycloakSystemTest (./confide test --with keycloak), which starts Keycloak with
// deploy/keycloak/realm.json, services trusting only its keys, and a production start of the console server.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { accessible, launch, newPage, noPageErrors, screenshot } from '../e2e/lib.mjs';

const USER = process.env.CONFIDE_OIDC_USER ?? 'carol';
const PASSWORD = process.env.CONFIDE_OIDC_PASSWORD ?? 'confide-demo';
const ISSUER = process.env.CONFIDE_OIDC_ISSUER;
const CLIENT_ID = process.env.CONFIDE_E2E_CLIENT_ID; // a client whose registration is in the audit log

let browser;
before(async () => { browser = await launch(); });
after(() => browser?.close());

test('a compliance user signs in through Keycloak (code + PKCE) and searches the audit trail', async () => {
  assert.ok(ISSUER && CLIENT_ID, 'CONFIDE_OIDC_ISSUER and CONFIDE_E2E_CLIENT_ID are set by KeycloakSystemTest');
  const page = await newPage(browser);
  const authorize = [];
  page.on('request', (r) => { if (r.url().startsWith(`${ISSUER}/protocol/openid-connect/auth`)) authorize.push(new URL(r.url())); });

  await page.goto('/');
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  assert.equal(await page.getByRole('form', { name: 'Local sign-in' }).count(), 0, 'a production start offers no local sign-in');
  await page.getByRole('form', { name: 'Sign in with your identity provider' }).getByRole('button', { name: 'Sign in' }).click();

  // Keycloak's own login page, on the issuer's origin.
  await page.waitForURL((u) => u.href.startsWith(`${ISSUER}/`));
  await page.locator('#username').fill(USER);
  await page.locator('#password').fill(PASSWORD);
  await page.locator('#kc-login').click();

  await page.getByTestId('who').waitFor();
  assert.match(await page.getByTestId('who').innerText(), /compliance/);
  assert.match(await page.getByTestId('who').innerText(), /demo-org/);
  // The code flow with PKCE (S256) of the public client; the code never stays in the address bar, the token in no storage.
  assert.equal(authorize.length, 1);
  const q = authorize[0].searchParams;
  assert.equal(q.get('response_type'), 'code');
  assert.equal(q.get('client_id'), 'confide-console');
  assert.equal(q.get('code_challenge_method'), 'S256');
  assert.ok((q.get('code_challenge') ?? '').length >= 43);
  assert.ok(!page.url().includes('code='), page.url());
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie);
  assert.ok(!/eyJ[\w-]+\.eyJ/.test(stored), 'no token in localStorage, sessionStorage or a cookie');

  await page.getByRole('heading', { name: 'Audit trail' }).waitFor();
  await page.getByLabel('Client id').fill(CLIENT_ID);
  await page.getByRole('button', { name: 'Search' }).click();
  await page.locator('tr[data-seq]').first().waitFor();
  const types = await page.locator('tbody td:nth-child(3)').allInnerTexts();
  assert.ok(types.includes('client.registered'), types.join());
  await page.getByTestId('screen-check').waitFor();
  assert.match(await page.getByTestId('screen-check').innerText(), /^All \d+ entries on screen hash correctly/);
  await accessible(page, 'trail search after the Keycloak sign-in');
  await screenshot(page, 'keycloak-compliance-search');
  noPageErrors(page);
});
