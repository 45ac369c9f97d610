#!/usr/bin/env node
// The audit checkpoint key the console trusts (CONFIDE_AUDIT_PUBLIC_KEY): the raw Ed25519 public key in base64.
// Accepts that, a signed-note verifier key (<name>+<key id>+<base64(0x01 || key)>, as checkpoints carry it), or,
// run as a script on audit-service's signer key file, prints the public key of it:
//   node console/server/audit-key.mjs .confide/keys/audit-signing.key
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export function rawAuditKey(text) {
  // A verifier key reads <name>+<8 hex key id>+<base64>; a bare base64 key may hold '+' too. Key names never hold
  // '+', base64 may: a verifier key is split from the front.
  const vkey = /^[^+\s]+\+[0-9a-f]{8}\+/.test(text);
  const raw = Buffer.from(vkey ? afterPlus(text, 2) : text, 'base64');
  if (raw.length === 33 && raw[0] === 0x01) return raw.subarray(1).toString('base64');
  if (raw.length === 32) return raw.toString('base64');
  throw new Error('CONFIDE_AUDIT_PUBLIC_KEY: not an Ed25519 public key (base64 of 32 bytes, or a verifier key)');
}

function afterPlus(s, n) {
  let i = -1;
  for (let k = 0; k < n; k++) {
    i = s.indexOf('+', i + 1);
    if (i < 0) return '';
  }
  return s.slice(i + 1);
}

/** The public key of a signer key PRIVATE+KEY+<name>+<key id>+<base64(0x01 || seed)>, raw, in base64. */
export function publicOfSignerKey(skey) {
  const s = skey.trim();
  const typed = Buffer.from(afterPlus(s, 4), 'base64');
  if (!s.startsWith('PRIVATE+KEY+') || typed.length !== 33 || typed[0] !== 0x01) {
    throw new Error('not an Ed25519 signer key (PRIVATE+KEY+<name>+<key id>+<key>)');
  }
  // PKCS#8 of an Ed25519 key is a fixed prefix and the 32-byte seed (RFC 8410).
  const der = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), typed.subarray(1)]);
  const spki = createPublicKey(createPrivateKey({ key: der, format: 'der', type: 'pkcs8' })).export({ format: 'der', type: 'spki' });
  return spki.subarray(spki.length - 32).toString('base64');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv.length !== 3) {
    console.error('usage: node audit-key.mjs SIGNER_KEY_FILE');
    process.exit(2);
  }
  console.log(publicOfSignerKey(readFileSync(process.argv[2], 'utf8')));
}
