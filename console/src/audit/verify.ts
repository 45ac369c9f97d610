// Verifying the audit log in the browser, trusting nothing the server says without checking it (docs/api.md
// "Hashing"): entry hashes (SHA-256 over RFC 8785 JSON), the hash chain, RFC 6962 / RFC 9162 Merkle roots and
// inclusion proofs, and the checkpoint's C2SP signed note (Ed25519). WebCrypto does the hashing and signatures.
import canonicalize from 'canonicalize';
import type { AuditEntry, Checkpoint, Proof } from '../api/types';

const enc = new TextEncoder();
export const GENESIS = '0'.repeat(64);

export function hexToBytes(hex: string): Uint8Array {
  if (!/^([0-9a-f]{2})*$/.test(hex)) throw new Error(`not lowercase hex: ${hex.slice(0, 16)}…`);
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.substr(i * 2, 2), 16);
  return out;
}
export function bytesToHex(b: Uint8Array): string {
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}
export function base64ToBytes(s: string): Uint8Array {
  const bin = atob(s);
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}
export function bytesToBase64(b: Uint8Array): string {
  return btoa(String.fromCharCode(...b));
}
function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
export async function sha256(...parts: Uint8Array[]): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', concat(...parts) as BufferSource));
}
function equal(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** hash = SHA-256(prevHash ‖ JCS(the entry without prevHash and hash)), in lowercase hex. */
export async function entryHash(entry: AuditEntry): Promise<string> {
  const { prevHash, hash: _hash, ...content } = entry;
  const jcs = canonicalize(content);
  if (jcs === undefined) throw new Error('entry is not JSON');
  return bytesToHex(await sha256(hexToBytes(prevHash), enc.encode(jcs)));
}

export interface EntryCheck {
  seq: number;
  /** The hash recomputed from the entry equals its `hash`. */
  hashOk: boolean;
  /** Its prevHash is the hash of the entry before it on screen (null: that entry is not on screen). */
  linkOk: boolean | null;
}

/** Recomputes each entry's hash and, where consecutive seqs are on screen, the link between them. */
export async function checkEntries(entries: AuditEntry[]): Promise<Map<number, EntryCheck>> {
  const bySeq = new Map(entries.map((e) => [e.seq, e]));
  const out = new Map<number, EntryCheck>();
  for (const e of entries) {
    const hashOk = (await entryHash(e)) === e.hash;
    const before = e.seq === 1 ? { hash: GENESIS } : bySeq.get(e.seq - 1);
    out.set(e.seq, { seq: e.seq, hashOk, linkOk: before ? before.hash === e.prevHash : null });
  }
  return out;
}

// ---- RFC 6962 / RFC 9162 Merkle tree: leaf = SHA-256(0x00 ‖ entry hash), node = SHA-256(0x01 ‖ left ‖ right)

export async function leafHash(entryHashHex: string): Promise<Uint8Array> {
  return sha256(new Uint8Array([0]), hexToBytes(entryHashHex));
}
export async function nodeHash(left: Uint8Array, right: Uint8Array): Promise<Uint8Array> {
  return sha256(new Uint8Array([1]), left, right);
}

/**
 * The root of the leaves pushed so far, kept in O(log n): the perfect subtrees of the binary digits of n, largest
 * first; the root folds them from the right (RFC 6962 MTH splits at the largest power of two below n).
 */
export class TreeBuilder {
  private stack: { size: number; hash: Uint8Array }[] = [];
  size = 0;

  async push(leaf: Uint8Array): Promise<void> {
    let top = { size: 1, hash: leaf };
    while (this.stack.length && this.stack[this.stack.length - 1]!.size === top.size) {
      const left = this.stack.pop()!;
      top = { size: left.size * 2, hash: await nodeHash(left.hash, top.hash) };
    }
    this.stack.push(top);
    this.size++;
  }

  async root(): Promise<Uint8Array> {
    if (!this.stack.length) return sha256();
    let h = this.stack[this.stack.length - 1]!.hash;
    for (let i = this.stack.length - 2; i >= 0; i--) h = await nodeHash(this.stack[i]!.hash, h);
    return h;
  }
}

/** RFC 9162 2.1.3.2: does the proof take the entry's leaf to the root? */
export async function verifyInclusion(proof: Proof, entryHashHex: string, rootHex: string): Promise<boolean> {
  if (proof.leafIndex < 0 || proof.leafIndex >= proof.treeSize) return false;
  let fn = proof.leafIndex;
  let sn = proof.treeSize - 1;
  let r = await leafHash(entryHashHex);
  for (const hex of proof.hashes) {
    if (sn === 0) return false;
    const p = hexToBytes(hex);
    if (fn % 2 === 1 || fn === sn) {
      r = await nodeHash(p, r);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      r = await nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && equal(r, hexToBytes(rootHex));
}

// ---- the checkpoint: a C2SP signed note of "confide/<org>\n<size>\n<base64 root>\n", Ed25519

export type KeySource = 'pinned' | 'remembered' | 'checkpoint';

export interface CheckpointResult {
  valid: boolean;
  /** What failed, in words a compliance officer can act on; null when valid. */
  reason: string | null;
  keySource: KeySource;
  publicKey: string;
}

/** The raw 32-byte Ed25519 key inside a verifier key `<name>+<hex key id>+<base64(0x01 ‖ key)>`. */
export function keyOfVerifierKey(vkey: string): { name: string; keyId: string; raw: Uint8Array } | null {
  const a = vkey.indexOf('+');
  const b = a < 0 ? -1 : vkey.indexOf('+', a + 1);
  if (a <= 0 || b < 0) return null;
  try {
    const typed = base64ToBytes(vkey.slice(b + 1));
    if (typed.length !== 33 || typed[0] !== 1) return null;
    return { name: vkey.slice(0, a), keyId: vkey.slice(a + 1, b), raw: typed.slice(1) };
  } catch {
    return null;
  }
}

async function keyId(name: string, raw: Uint8Array): Promise<Uint8Array> {
  return (await sha256(enc.encode(name + '\n'), new Uint8Array([1]), raw)).slice(0, 4);
}

/**
 * Checks a checkpoint as served: its signed note verifies under the trusted key (pinned by the operator, else the
 * one this browser remembered, else, with a warning, the checkpoint's own), and the JSON fields say what was signed.
 */
export async function verifyCheckpoint(cp: Checkpoint, org: string, trusted: { key: string; source: KeySource } | null)
  : Promise<CheckpointResult> {
  const own = keyOfVerifierKey(cp.publicKey);
  const source: KeySource = trusted?.source ?? 'checkpoint';
  const rawB64 = trusted?.key ?? (own ? bytesToBase64(own.raw) : '');
  const fail = (reason: string): CheckpointResult => ({ valid: false, reason, keySource: source, publicKey: rawB64 });
  if (!rawB64) return fail('the checkpoint names no usable public key');
  const raw = base64ToBytes(rawB64);
  const origin = `confide/${org}`;
  if (own && trusted && bytesToBase64(own.raw) !== trusted.key) {
    return fail(`the checkpoint names a signing key other than the ${trusted.source} one`);
  }
  const note = cp.note ?? '';
  const split = note.lastIndexOf('\n\n');
  if (!note.endsWith('\n') || split < 0) return fail('the signed note is malformed');
  const text = note.slice(0, split + 1);
  const lines = note.slice(split + 2).split('\n').slice(0, -1);
  const expectedId = await keyId(origin, raw);
  let signature: Uint8Array | null = null;
  for (const line of lines) {
    if (!line.startsWith('\u2014 ')) return fail('the signed note has a malformed signature line');
    const space = line.lastIndexOf(' ');
    if (line.slice(2, space) !== origin) continue;
    let sig: Uint8Array;
    try {
      sig = base64ToBytes(line.slice(space + 1));
    } catch {
      return fail('the signature is not base64');
    }
    if (sig.length === 68 && equal(sig.slice(0, 4), expectedId)) {
      signature = sig.slice(4);
      break;
    }
  }
  if (!signature) return fail(`no signature by the key of ${origin}`);
  const key = await crypto.subtle.importKey('raw', raw as BufferSource, { name: 'Ed25519' }, false, ['verify']);
  const ok = await crypto.subtle.verify({ name: 'Ed25519' }, key, signature as BufferSource, enc.encode(text) as BufferSource);
  if (!ok) return fail('the Ed25519 signature does not verify: the checkpoint was altered or not signed by this key');
  const [o, size, root] = text.split('\n');
  if (o !== origin) return fail(`the signed origin is ${o}, not ${origin}`);
  if (String(cp.treeSize) !== size) return fail(`the signed tree size is ${size}, the checkpoint says ${cp.treeSize}`);
  let signedRoot: string;
  try {
    signedRoot = bytesToHex(base64ToBytes(root ?? ''));
  } catch {
    return fail('the signed root is not base64');
  }
  if (signedRoot !== cp.rootHash) return fail(`the signed root ${signedRoot.slice(0, 12)}… is not the checkpoint's rootHash ${String(cp.rootHash).slice(0, 12)}…`);
  return { valid: true, reason: null, keySource: source, publicKey: rawB64 };
}

// ---- what this browser verified last (per organisation): the next checkpoint must extend it

export interface Remembered {
  org: string;
  treeSize: number;
  rootHash: string;
  publicKey: string;
  verifiedAt: string;
}
const memoryKey = (org: string) => `confide.console.checkpoint.${org}`;

export function remembered(org: string): Remembered | null {
  try {
    const v = localStorage.getItem(memoryKey(org));
    return v ? (JSON.parse(v) as Remembered) : null;
  } catch {
    return null;
  }
}
export function remember(r: Remembered) {
  localStorage.setItem(memoryKey(r.org), JSON.stringify(r));
}
export function forget(org: string) {
  localStorage.removeItem(memoryKey(org));
}

export interface LogReport {
  valid: boolean;
  checked: number;
  problems: string[];
  /** The remembered checkpoint was at this size and the log now still has that root there. */
  extendsRemembered: boolean | null;
  /** The size of the checkpoint this browser had verified before, if any. */
  priorSize: number | null;
}

/**
 * The whole log of the organisation, oldest first, recomputed: every hash, every link, the root at the checkpoint's
 * size (it must be the signed root) and at the remembered checkpoint's size (the new log must extend the old one).
 */
export async function verifyLog(fetchPage: (cursor: string | null) => Promise<{ items: AuditEntry[]; nextCursor: string | null }>,
  cp: Checkpoint, prior: Remembered | null, progress: (checked: number) => void, cancelled: () => boolean): Promise<LogReport> {
  const problems: string[] = [];
  const tree = new TreeBuilder();
  let prevHash = GENESIS;
  let expectSeq = 1;
  let checked = 0;
  let extendsRemembered: boolean | null = null;
  let cursor: string | null = null;
  let rootAtCheckpoint: string | null = null;
  if (prior && prior.treeSize > cp.treeSize) {
    problems.push(`the log shrank: this browser verified a checkpoint of ${prior.treeSize} entries, the new one has ${cp.treeSize}`);
    extendsRemembered = false;
  }
  do {
    if (cancelled()) {
      problems.push('cancelled before the end');
      break;
    }
    const page = await fetchPage(cursor);
    for (const e of page.items) {
      if (e.seq !== expectSeq) problems.push(`entry ${expectSeq} is missing (next is ${e.seq})`);
      if (e.prevHash !== prevHash) problems.push(`entry ${e.seq}: prevHash does not link to entry ${e.seq - 1}`);
      if ((await entryHash(e)) !== e.hash) problems.push(`entry ${e.seq}: its hash is not the hash of its content`);
      prevHash = e.hash;
      expectSeq = e.seq + 1;
      if (tree.size < cp.treeSize) {
        await tree.push(await leafHash(e.hash));
        if (prior && tree.size === prior.treeSize) {
          extendsRemembered = bytesToHex(await tree.root()) === prior.rootHash;
          if (!extendsRemembered) problems.push(`the first ${prior.treeSize} entries no longer have the root this browser verified before: the log was rewritten`);
        }
        if (tree.size === cp.treeSize) rootAtCheckpoint = bytesToHex(await tree.root());
      }
      checked++;
    }
    progress(checked);
    cursor = page.nextCursor;
  } while (cursor);
  if (!problems.includes('cancelled before the end')) {
    if (rootAtCheckpoint === null) problems.push(`the log has ${tree.size} entries, fewer than the checkpoint's ${cp.treeSize}`);
    else if (rootAtCheckpoint !== cp.rootHash) problems.push('the root of the entries is not the signed root of the checkpoint');
  }
  return { valid: problems.length === 0, checked, problems, extendsRemembered, priorSize: prior?.treeSize ?? null };
}
