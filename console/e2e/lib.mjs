// Shared helpers of the browser tests: a real Chromium (Debian's package) driven by playwright-core, against a console
// server whose /api/* reaches the real services. Started by system-tests' ConsoleBrowserSystemTest (or by hand:
// README "Console", "Browser tests").
import { chromium } from 'playwright-core';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';

export const BASE = process.env.CONFIDE_CONSOLE_URL ?? 'http://127.0.0.1:8080';
export const FULL = process.env.CONFIDE_CONSOLE_E2E === 'full';
// A relative CONFIDE_CONSOLE_SCREENSHOTS is taken from the repository's root (docs/console refreshes the README's).
const SHOTS = resolve(new URL('../..', import.meta.url).pathname, process.env.CONFIDE_CONSOLE_SCREENSHOTS ?? 'console/target/screenshots');
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CONFIDE_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    // The tests run as root in CI, where Chromium's sandbox cannot start.
    args: ['--no-sandbox', '--disable-dev-shm-usage'],
  });
}

/** A fresh page of its own (no storage shared with other tests), failing the test on any uncaught page error. */
export async function newPage(browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, baseURL: BASE });
  context.setDefaultTimeout(20_000);
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  return page;
}

/** An organisation of this run alone, so tests never see each other's data. */
export function newOrg(name) {
  return `e2e-${name}-${randomUUID().slice(0, 8)}`;
}

export async function token(role, org, sub) {
  const r = await fetch(`${BASE}/dev/token`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ role, org, sub }) });
  assert.equal(r.status, 200, `dev token for ${role}: ${r.status}`);
  return (await r.json()).token;
}

/** A call to a service through the console server, as the browser makes it. Returns {status, body}. */
export async function api(tok, service, method, path, body) {
  const r = await fetch(`${BASE}/api/${service}${path}`, {
    method, headers: { Authorization: `Bearer ${tok}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await r.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch { /* not JSON */ }
  return { status: r.status, body: json ?? text };
}

export async function must(tok, service, method, path, body, status) {
  const r = await api(tok, service, method, path, body);
  if (status ? r.status !== status : r.status >= 300) {
    assert.fail(`${method} ${service}${path} answered ${r.status}: ${JSON.stringify(r.body)}`);
  }
  return r.body;
}

/** Waits (bounded) until fn returns something truthy: events reach other services and the audit log within seconds. */
export async function eventually(what, fn, { tries = 60, pause = 500 } = {}) {
  let last;
  for (let i = 0; i < tries; i++) {
    try {
      last = await fn();
      if (last) return last;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, pause));
  }
  assert.fail(`${what}: not reached (last: ${last instanceof Error ? last.message : JSON.stringify(last)})`);
}

/** Signs in through the local sign-in page, as a person would. */
export async function signIn(page, role, org, sub) {
  await page.goto('/');
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  await page.locator('select[name=role]').selectOption(role);
  await page.locator('input[name=org]').fill(org);
  await page.locator('input[name=sub]').fill(sub);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByTestId('who').waitFor();
  assert.match(await page.getByTestId('who').innerText(), new RegExp(`${role}.*${sub}.*${org}`));
}

/** axe-core on the page as it is: no serious or critical violation. */
export async function accessible(page, what) {
  // Evaluated over the DevTools protocol: the console's Content-Security-Policy (script-src 'self') stays on.
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')}`);
  });
  assert.deepEqual(violations, [], `${what}: axe-core found serious or critical violations`);
}

export async function screenshot(page, name) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/** A client registered by a practitioner (who is then allocated), known to consent- and disclosure-service. */
export async function registeredClient(practitionerToken, fullName) {
  const c = await must(practitionerToken, 'records', 'POST', '/clients', {
    identity: { fullName, dateOfBirth: '1990-04-01' }, programme: 'COUNSELLING', limitsExplained: true,
  }, 201);
  // consent- and disclosure-service learn of the client from records-events within seconds.
  await eventually('the client reaches consent-service', async () =>
    (await api(practitionerToken, 'consent', 'GET', `/consents?clientId=${c.id}`)).status === 200);
  await eventually('the client reaches disclosure-service', async () =>
    (await api(practitionerToken, 'disclosure', 'GET', `/disclosures?clientId=${c.id}`)).status === 200);
  return c;
}

export const concern = (clientId) => ({
  clientId, grounds: ['RISK_TO_OTHERS'], immediacy: 'SERIOUS', context: 'ONE_TO_ONE', summary: 'threat to a neighbour',
  proposedRecipients: [{ type: 'POLICE' }], categories: ['RISK_INFORMATION'], chosenContact: 'POLICE', // R-BRK-2
});

export function noPageErrors(page) {
  assert.deepEqual(page.errors, [], 'uncaught errors in the page');
}
