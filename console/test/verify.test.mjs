// The browser's audit checks (src/audit/verify.ts), run on Node's WebCrypto: RFC 6962 roots and RFC 9162 inclusion
// proofs against a plain recursive reference, an entry hash as audit-service computed it, a signed note.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { bytesToHex, entryHash, leafHash, nodeHash, TreeBuilder, verifyCheckpoint, verifyInclusion } from '../target/unit/audit/verify.js';

const sha = (...parts) => createHash('sha256').update(Buffer.concat(parts.map((p) => Buffer.from(p)))).digest();
// RFC 6962 2.1: MTH and PATH, written from the RFC's definitions.
const leaf = (h) => sha([0], Buffer.from(h, 'hex'));
const split = (n) => 2 ** Math.floor(Math.log2(n - 1));
function mth(leaves) {
  if (leaves.length === 1) return leaf(leaves[0]);
  const k = split(leaves.length);
  return sha([1], mth(leaves.slice(0, k)), mth(leaves.slice(k)));
}
function path(m, leaves) {
  if (leaves.length === 1) return [];
  const k = split(leaves.length);
  return m < k ? [...path(m, leaves.slice(0, k)), mth(leaves.slice(k))] : [...path(m - k, leaves.slice(k)), mth(leaves.slice(0, k))];
}
const hashes = Array.from({ length: 21 }, (_, i) => createHash('sha256').update(`entry ${i}`).digest('hex'));

test('the streamed root equals RFC 6962 MTH for every size from 1 to 21', async () => {
  const tree = new TreeBuilder();
  for (let n = 1; n <= hashes.length; n++) {
    await tree.push(await leafHash(hashes[n - 1]));
    assert.equal(bytesToHex(await tree.root()), mth(hashes.slice(0, n)).toString('hex'), `size ${n}`);
  }
});

test('every inclusion proof verifies, and one with a changed hash, index or root does not', async () => {
  for (let n = 1; n <= hashes.length; n++) {
    const root = mth(hashes.slice(0, n)).toString('hex');
    for (let m = 0; m < n; m++) {
      const proof = { seq: m + 1, treeSize: n, leafIndex: m, hashes: path(m, hashes.slice(0, n)).map((h) => h.toString('hex')) };
      assert.ok(await verifyInclusion(proof, hashes[m], root), `leaf ${m} of ${n}`);
      if (n > 1) {
        assert.ok(!(await verifyInclusion(proof, hashes[(m + 1) % n], root)), `another leaf for ${m} of ${n}`);
        assert.ok(!(await verifyInclusion({ ...proof, leafIndex: (m + 1) % n }, hashes[m], root)), `another index for ${m} of ${n}`);
        const bad = [...proof.hashes];
        bad[0] = (bad[0][0] === 'a' ? 'b' : 'a') + bad[0].slice(1);
        assert.ok(!(await verifyInclusion({ ...proof, hashes: bad }, hashes[m], root)), `a changed path hash for ${m} of ${n}`);
      }
    }
  }
  assert.equal(bytesToHex(await nodeHash(Buffer.alloc(32), Buffer.alloc(32))), sha([1], Buffer.alloc(64)).toString('hex'));
});

test('an entry hashes as audit-service hashed it (SHA-256 of prevHash and RFC 8785 JSON), and a change breaks it', async () => {
  // Served by audit-service in a local run (ids and codes only, no free text).
  const entry = {
    seq: 1, eventId: '0d9bd47b-c2c9-42a6-a001-c531e3fb08f8', type: 'client.registered', occurredAt: '2026-12-03T14:05:23.958Z',
    recordedAt: '2026-12-03T14:05:25.719Z', org: 'o1', actor: { id: 'pete', role: 'practitioner' },
    clientId: '4c27eaf7-0270-4d8c-98a7-d4c2b9525f60', correlationId: '7375c6a0-6d51-4ad9-a51f-b1ea91ab5bee', source: 'records-service',
    data: { allocatedPractitionerId: 'pete', clientId: '4c27eaf7-0270-4d8c-98a7-d4c2b9525f60', limitsExplained: true, programme: 'COUNSELLING', rule: 'R-REC-5', status: 'ACTIVE' },
    prevHash: '0'.repeat(64), hash: '2e4b9f20352491fbc1ce7f5afd8e497485bb067f265b6bfaa363d08f5a68eb59',
  };
  assert.equal(await entryHash(entry), entry.hash);
  assert.notEqual(await entryHash({ ...entry, data: { ...entry.data, status: 'DESTROYED' } }), entry.hash);
  assert.notEqual(await entryHash({ ...entry, prevHash: '1'.repeat(64) }), entry.hash);
});

test('a signed note verifies under the trusted key only, and only as signed', async () => {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(12);
  const other = generateKeyPairSync('ed25519').publicKey.export({ format: 'der', type: 'spki' }).subarray(12);
  const org = 'o1';
  const name = `confide/${org}`;
  const root = sha('root');
  const text = `${name}\n7\n${root.toString('base64')}\n`;
  const id = sha(Buffer.from(`${name}\n`), [1], raw).subarray(0, 4);
  const sig = Buffer.concat([id, sign(null, Buffer.from(text), privateKey)]).toString('base64');
  const cp = { org, seq: 7, hash: '', treeSize: 7, rootHash: root.toString('hex'), note: `${text}\n\u2014 ${name} ${sig}\n`, signature: sig,
    publicKey: `${name}+${id.toString('hex')}+${Buffer.concat([Buffer.from([1]), raw]).toString('base64')}`, signedAt: '' };
  const pinned = { key: raw.toString('base64'), source: 'pinned' };
  assert.equal((await verifyCheckpoint(cp, org, pinned)).valid, true);
  assert.equal((await verifyCheckpoint(cp, org, null)).keySource, 'checkpoint');
  assert.match((await verifyCheckpoint(cp, org, { key: other.toString('base64'), source: 'pinned' })).reason, /other than the pinned/);
  assert.match((await verifyCheckpoint({ ...cp, treeSize: 8 }, org, pinned)).reason, /tree size/);
  assert.match((await verifyCheckpoint({ ...cp, note: cp.note.replace('\n7\n', '\n8\n') }, org, pinned)).reason, /does not verify/);
  assert.match((await verifyCheckpoint(cp, 'o2', pinned)).reason, /no signature by the key of confide\/o2/);
});
