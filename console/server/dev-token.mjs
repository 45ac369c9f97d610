// Dev sign-in only (CONFIDE_CONSOLE_DEV_LOGIN=true, refused by a production start): an RS256 token with the claims
// Confide reads (iss, sub, groups, org, exp), signed with ./confide's local key, as `./confide token` mints them.
import { createSign } from 'node:crypto';

export const ROLES = ['compliance', 'manager', 'practitioner', 'client', 'supervisor', 'admin', 'partner'];
const ID = /^[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}$/;

const b64url = (s) => Buffer.from(s).toString('base64url');

export function mintToken(privateKeyPem, issuer, { role, org, sub }, ttlSeconds) {
  if (!ROLES.includes(role)) throw new Error(`role must be one of ${ROLES.join(', ')}`);
  if (typeof org !== 'string' || !ID.test(org)) throw new Error('org: letters, digits and ._:@- (up to 128)');
  if (typeof sub !== 'string' || !ID.test(sub)) throw new Error('sub: letters, digits and ._:@- (up to 128)');
  const now = Math.floor(Date.now() / 1000);
  const header = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT' }));
  const claims = b64url(JSON.stringify({ iss: issuer, sub, upn: sub, groups: [role], org, iat: now, exp: now + ttlSeconds }));
  const signer = createSign('RSA-SHA256');
  signer.update(`${header}.${claims}`);
  return `${header}.${claims}.${signer.sign(privateKeyPem).toString('base64url')}`;
}
