#!/usr/bin/env node
// The console server: serves the built app (dist/) and forwards /api/{consent,disclosure,records,audit}/ to the
// four services, so the browser talks to one origin. Node's own http module only: no framework to keep up to date.
// Settings (README "Console"): every one an environment variable; a production start without a required one stops.
import { createServer, request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { readFile, stat } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { loadSettings, SERVICES } from './settings.mjs';
import { mintToken, ROLES } from './dev-token.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon',
  '.woff2': 'font/woff2', '.txt': 'text/plain; charset=utf-8', '.map': 'application/json',
};
// Request headers the browser may send on to a service; anything else (cookies, hop-by-hop) stays here.
const FORWARDED_REQUEST = ['authorization', 'content-type', 'content-length', 'accept', 'idempotency-key',
  'x-correlation-id', 'x-purpose-of-use'];
const FORWARDED_RESPONSE = ['content-type', 'content-length', 'content-disposition', 'location', 'x-correlation-id',
  'www-authenticate', 'retry-after'];
const MAX_DEV_BODY = 1024;

let settings;
try {
  settings = loadSettings(process.env, process.argv.slice(2));
} catch (e) {
  console.error(`confide console: ${e.message}`);
  process.exit(1);
}
const dist = resolve(settings.dist);
const devKey = settings.devLogin ? readFileSync(settings.devSigningKey, 'utf8') : null;

function securityHeaders(res) {
  const connect = ["'self'", ...(settings.oidc ? [new URL(settings.oidc.issuer).origin] : [])].join(' ');
  res.setHeader('Content-Security-Policy', `default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; `
    + `connect-src ${connect}; frame-ancestors 'none'; base-uri 'none'; form-action 'self'`);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'DENY');
}

function problem(res, status, title, detail) {
  const body = JSON.stringify({ type: `https://confide.example/problems/${title.toLowerCase().replace(/ /g, '-')}`,
    title, status, detail });
  res.writeHead(status, { 'Content-Type': 'application/problem+json', 'Cache-Control': 'no-store' });
  res.end(body);
}

/** The browser's settings: which sign-in to offer, and the audit key it trusts. Never a secret. */
function clientConfig() {
  return {
    devLogin: settings.devLogin,
    oidc: settings.oidc,
    auditPublicKey: settings.auditPublicKey,
    roles: settings.devLogin ? ROLES : undefined,
  };
}

function forward(req, res, service, rest) {
  const target = new URL(settings.services[service]);
  const path = (target.pathname.replace(/\/$/, '') + '/' + rest);
  const headers = {};
  for (const h of FORWARDED_REQUEST) if (req.headers[h] !== undefined) headers[h] = req.headers[h];
  if (req.headers['transfer-encoding']) headers['transfer-encoding'] = req.headers['transfer-encoding'];
  headers['x-forwarded-for'] = req.socket.remoteAddress ?? '';
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  const upstream = send({ protocol: target.protocol, hostname: target.hostname, port: target.port, method: req.method,
    path, headers, timeout: settings.upstreamTimeoutMs }, (up) => {
    const out = { 'Cache-Control': 'no-store' };
    for (const h of FORWARDED_RESPONSE) if (up.headers[h] !== undefined) out[h] = up.headers[h];
    if (up.headers.location) out.location = rewriteLocation(up.headers.location, target, service);
    res.writeHead(up.statusCode ?? 502, out);
    up.pipe(res);
  });
  upstream.on('timeout', () => upstream.destroy(new Error('timed out')));
  upstream.on('error', (e) => {
    if (!res.headersSent) problem(res, 502, 'Bad gateway', `${service}-service could not be reached (${e.message})`);
    else res.destroy();
  });
  req.pipe(upstream);
}

/** A service's Location (its own absolute URL or path) as the browser sees it, under /api/<service>. */
function rewriteLocation(location, target, service) {
  try {
    const u = new URL(location, target);
    if (u.host === target.host) return `/api/${service}${u.pathname}${u.search}`;
  } catch { /* not a URL: passed on as is */ }
  return location;
}

async function devToken(req, res) {
  if (req.method !== 'POST') return problem(res, 405, 'Method not allowed', 'POST {role, org, sub}');
  let body = '';
  for await (const chunk of req) {
    body += chunk;
    if (body.length > MAX_DEV_BODY) return problem(res, 413, 'Payload too large', 'at most 1 KiB');
  }
  let input;
  try {
    input = JSON.parse(body);
  } catch {
    return problem(res, 400, 'Bad request', 'a JSON body {role, org, sub}');
  }
  try {
    const token = mintToken(devKey, settings.issuer, input, settings.devTokenTtl);
    res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
    res.end(JSON.stringify({ token }));
  } catch (e) {
    problem(res, 422, 'Unprocessable', e.message);
  }
}

async function staticFile(req, res, pathname) {
  if (req.method !== 'GET' && req.method !== 'HEAD') return problem(res, 405, 'Method not allowed', 'the app is read-only');
  let rel;
  try {
    rel = decodeURIComponent(pathname);
  } catch {
    return problem(res, 400, 'Bad request', 'a malformed path');
  }
  if (rel.includes('\0')) return problem(res, 400, 'Bad request', 'a malformed path');
  let file = normalize(join(dist, rel));
  if (file !== dist && !file.startsWith(dist + sep)) return problem(res, 404, 'Not found', pathname);
  let info = await stat(file).catch(() => null);
  if (info?.isDirectory()) {
    file = join(file, 'index.html');
    info = await stat(file).catch(() => null);
  }
  // The app routes by the URL's fragment; any other unknown path that is not a file gets the app, which says so.
  if (!info && !extname(file)) {
    file = join(dist, 'index.html');
    info = await stat(file).catch(() => null);
  }
  if (!info) return problem(res, 404, 'Not found', pathname);
  const immutable = file.startsWith(join(dist, 'assets') + sep);
  res.writeHead(200, {
    'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
    'Content-Length': info.size,
    'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  if (req.method === 'HEAD') return res.end();
  res.end(await readFile(file));
}

const server = createServer(async (req, res) => {
  securityHeaders(res);
  const url = new URL(req.url ?? '/', 'http://console.invalid');
  try {
    const api = /^\/api\/([a-z]+)\/(.*)$/.exec(url.pathname);
    if (api) {
      if (!SERVICES.includes(api[1])) return problem(res, 404, 'Not found', `no service ${api[1]}`);
      return forward(req, res, api[1], api[2] + url.search);
    }
    if (url.pathname === '/config.json') {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
      return res.end(JSON.stringify(clientConfig()));
    }
    if (url.pathname === '/healthz') {
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      return res.end('ok\n');
    }
    if (url.pathname === '/dev/token') {
      if (!settings.devLogin) return problem(res, 404, 'Not found', 'dev sign-in is off (CONFIDE_CONSOLE_DEV_LOGIN)');
      return await devToken(req, res);
    }
    return await staticFile(req, res, url.pathname);
  } catch (e) {
    console.error('confide console:', e);
    if (!res.headersSent) problem(res, 500, 'Internal server error', 'see the console server log');
  }
});

server.listen(settings.port, settings.host, () => {
  const a = server.address();
  console.log(`confide console on http://${a.address}:${a.port} (${settings.profile}; dev sign-in ${settings.devLogin ? 'on' : 'off'}; app ${dist})`);
  for (const s of SERVICES) console.log(`  /api/${s}/ -> ${settings.services[s]}`);
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.close(() => process.exit(0)));
