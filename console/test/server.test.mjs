// The console server on its own: what a production start refuses, the dev sign-in's tokens, forwarding and files.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { generateKeyPairSync, verify } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SERVER = new URL('../server/server.mjs', import.meta.url).pathname;
const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('CONFIDE_')));
const children = [];
after(() => children.forEach((c) => c.kill()));

function startFails(env, args = []) {
  const r = spawnSync('node', [SERVER, ...args], { env: { ...clean, ...env }, encoding: 'utf8', timeout: 10_000 });
  return { status: r.status, err: r.stderr };
}

test('a production start names every missing required setting, and refuses the dev sign-in', () => {
  const r = startFails({});
  assert.equal(r.status, 1);
  for (const n of ['CONFIDE_CONSENT_URL', 'CONFIDE_DISCLOSURE_URL', 'CONFIDE_RECORDS_URL', 'CONFIDE_AUDIT_URL', 'CONFIDE_OIDC_ISSUER', 'CONFIDE_OIDC_CLIENT_ID', 'CONFIDE_AUDIT_PUBLIC_KEY']) {
    assert.match(r.err, new RegExp(n));
  }
  const d = startFails({ CONFIDE_CONSOLE_DEV_LOGIN: 'true' });
  assert.equal(d.status, 1);
  assert.match(d.err, /CONFIDE_CONSOLE_DEV_LOGIN=true is refused by a production start/);
});

async function start(env) {
  const child = spawn('node', [SERVER, '--dev'], { env: { ...clean, CONFIDE_CONSOLE_PORT: '0', ...env } });
  children.push(child);
  const url = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = /on (http:\/\/[0-9.]+:\d+)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.on('exit', (code) => reject(new Error(`exited ${code}`)));
  });
  return url;
}

test('the audit key is read as raw base64 (which may hold +) or as a verifier key', async () => {
  const { rawAuditKey } = await import('../server/audit-key.mjs');
  const raw = Buffer.alloc(32, 0xfb).toString('base64'); // '+++…' in base64
  assert.ok(raw.includes('+'));
  assert.equal(rawAuditKey(raw), raw);
  assert.equal(rawAuditKey(`confide/o1+0a1b2c3d+${Buffer.concat([Buffer.from([1]), Buffer.alloc(32, 0xfb)]).toString('base64')}`), raw);
  assert.throws(() => rawAuditKey('c2hvcnQ='), /not an Ed25519 public key/);
});

test('a dev start mints tokens for a role, org and user; forwards /api/<service>/; serves no file outside dist', async () => {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const dir = mkdtempSync(join(tmpdir(), 'console-test-'));
  const keyFile = join(dir, 'key.pem');
  writeFileSync(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }));
  const dist = join(dir, 'dist');
  mkdirSync(dist);
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>app</title>');
  // A stand-in service that echoes what reached it.
  const upstream = createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json', 'X-Correlation-Id': 'c-1', 'Set-Cookie': 'a=b' });
    res.end(JSON.stringify({ path: req.url, auth: req.headers.authorization ?? null, cookie: req.headers.cookie ?? null }));
  }).listen(0, '127.0.0.1');
  await new Promise((r) => upstream.on('listening', r));
  after(() => upstream.close());
  const up = `http://127.0.0.1:${upstream.address().port}`;
  const url = await start({
    CONFIDE_CONSOLE_DEV_LOGIN: 'true', CONFIDE_CONSOLE_DEV_SIGNING_KEY: keyFile, CONFIDE_CONSOLE_DIST: dist,
    CONFIDE_RECORDS_URL: up, CONFIDE_AUDIT_URL: 'http://127.0.0.1:9', CONFIDE_AUDIT_PUBLIC_KEY: Buffer.alloc(32, 7).toString('base64'),
  });

  const config = await (await fetch(`${url}/config.json`)).json();
  assert.equal(config.devLogin, true);
  assert.equal(config.auditPublicKey, Buffer.alloc(32, 7).toString('base64'));

  const t = await fetch(`${url}/dev/token`, { method: 'POST', body: JSON.stringify({ role: 'compliance', org: 'o1', sub: 'carol' }) });
  assert.equal(t.status, 200);
  const { token } = await t.json();
  const [h, c, s] = token.split('.');
  assert.ok(verify('RSA-SHA256', Buffer.from(`${h}.${c}`), publicKey, Buffer.from(s, 'base64url')));
  const claims = JSON.parse(Buffer.from(c, 'base64url').toString());
  assert.deepEqual([claims.iss, claims.sub, claims.org, claims.groups], ['https://confide.local', 'carol', 'o1', ['compliance']]);
  assert.equal((await fetch(`${url}/dev/token`, { method: 'POST', body: JSON.stringify({ role: 'root', org: 'o1', sub: 'x' }) })).status, 422);

  const f = await fetch(`${url}/api/records/clients?limit=5`, { headers: { Authorization: 'Bearer abc', Cookie: 'secret=1' } });
  assert.equal(f.status, 200);
  assert.deepEqual(await f.json(), { path: '/clients?limit=5', auth: 'Bearer abc', cookie: null });
  assert.equal(f.headers.get('x-correlation-id'), 'c-1');
  assert.equal(f.headers.get('set-cookie'), null);
  const dead = await fetch(`${url}/api/audit/audit/entries`);
  assert.equal(dead.status, 502);
  assert.equal(dead.headers.get('content-type'), 'application/problem+json');
  assert.equal((await fetch(`${url}/api/nothing/x`)).status, 404);

  // Nothing outside dist: the key beside it stays unread, however the path is spelt (the app or a 404 instead).
  for (const p of ['/..%2fkey.pem', '/%2e%2e/key.pem', '/assets/..%2f..%2fkey.pem', '/..%5ckey.pem', '/%2e%2e%2f%2e%2e%2fetc%2fpasswd']) {
    const r = await fetch(`${url}${p}`);
    const body = await r.text();
    assert.ok(!body.includes('PRIVATE KEY') && !body.includes('root:'), `${p} served a file outside dist`);
    assert.ok([200, 400, 404].includes(r.status), `${p}: ${r.status}`);
  }
  const page = await fetch(`${url}/`);
  assert.match(await page.text(), /<title>app<\/title>/);
  assert.match(page.headers.get('content-security-policy'), /script-src 'self'/);
});
