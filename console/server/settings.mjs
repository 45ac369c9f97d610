// The console server's settings, from the environment (README "Console"). A production start (the default; `--dev`
// or CONFIDE_CONSOLE_PROFILE=dev for ./confide up) stops naming every required setting that is missing, and refuses
// the dev sign-in, which mints tokens for any role.
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rawAuditKey } from './audit-key.mjs';

export const SERVICES = ['consent', 'disclosure', 'records', 'audit'];
const DEV_PORTS = { consent: 8081, disclosure: 8082, records: 8083, audit: 8084 };
const CONSOLE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');

export function loadSettings(env, args = []) {
  const profile = args.includes('--dev') || env.CONFIDE_CONSOLE_PROFILE === 'dev' ? 'dev' : 'prod';
  const dev = profile === 'dev';
  const missing = [];
  const need = (name, devDefault) => {
    const v = env[name];
    if (v !== undefined && v !== '') return v;
    if (dev && devDefault !== undefined) return devDefault;
    if (!dev) missing.push(name);
    return undefined;
  };
  const services = {};
  for (const s of SERVICES) {
    services[s] = need(`CONFIDE_${s.toUpperCase()}_URL`, `http://127.0.0.1:${DEV_PORTS[s]}`);
  }
  const devLogin = env.CONFIDE_CONSOLE_DEV_LOGIN === 'true';
  if (devLogin && !dev) {
    throw new Error('CONFIDE_CONSOLE_DEV_LOGIN=true is refused by a production start: the dev sign-in mints tokens '
      + 'for any role. Sign-in goes through CONFIDE_OIDC_ISSUER; only ./confide up (--dev) turns the dev sign-in on.');
  }
  const devSigningKey = devLogin ? need('CONFIDE_CONSOLE_DEV_SIGNING_KEY') : undefined;
  if (devLogin && !devSigningKey) missing.push('CONFIDE_CONSOLE_DEV_SIGNING_KEY');
  if (devSigningKey && !existsSync(devSigningKey)) throw new Error(`CONFIDE_CONSOLE_DEV_SIGNING_KEY: no file ${devSigningKey}`);
  const issuer = need('CONFIDE_OIDC_ISSUER', '');
  const clientId = need('CONFIDE_OIDC_CLIENT_ID', '');
  const auditKeyText = need('CONFIDE_AUDIT_PUBLIC_KEY', '');
  if (missing.length) {
    throw new Error(`a production start needs ${missing.join(', ')} (README "Console"; ./confide up starts the console with --dev)`);
  }
  let auditPublicKey = null;
  if (auditKeyText) {
    const text = existsSync(auditKeyText) ? readFileSync(auditKeyText, 'utf8') : auditKeyText;
    auditPublicKey = rawAuditKey(text.trim());
  }
  const port = Number(env.CONFIDE_CONSOLE_PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`CONFIDE_CONSOLE_PORT: not a port: ${env.CONFIDE_CONSOLE_PORT}`);
  return {
    profile,
    port,
    host: env.CONFIDE_CONSOLE_HOST || '127.0.0.1',
    dist: env.CONFIDE_CONSOLE_DIST || join(CONSOLE_DIR, 'dist'),
    services,
    devLogin,
    devSigningKey,
    issuer: env.CONFIDE_JWT_ISSUER || 'https://confide.local',
    devTokenTtl: 3600,
    oidc: issuer && clientId ? { issuer, clientId, scope: env.CONFIDE_OIDC_SCOPE || 'openid' } : null,
    auditPublicKey,
    upstreamTimeoutMs: 3_700_000, // a long GET /audit/verify runs up to an hour (CONFIDE_AUDIT_VERIFY_TIMEOUT_SECONDS)
  };
}
