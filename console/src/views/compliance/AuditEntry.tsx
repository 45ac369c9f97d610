import { audit, ok } from '../../api/http';
import type { AuditEntry, Checkpoint, Page as ListPage, Proof } from '../../api/types';
import { authState } from '../../auth';
import { entryHash, verifyCheckpoint, verifyInclusion } from '../../audit/verify';
import { seenEntries, trustedKey } from '../../audit/trust';
import { ErrorBox, Loading, Page, time, useAsync } from '../../ui/components';

async function findEntry(seq: number): Promise<AuditEntry> {
  const seen = seenEntries.get(seq);
  if (seen) return seen;
  // No read of one entry by seq in the API: page through, oldest first, to it.
  let cursor: string | undefined;
  do {
    const page = await ok<ListPage<AuditEntry>>(audit.GET('/audit/entries', { params: { query: { limit: 500, cursor } } }));
    for (const e of page.items) seenEntries.set(e.seq, e);
    const hit = page.items.find((e) => e.seq === seq);
    if (hit) return hit;
    if (page.items.length && page.items[page.items.length - 1]!.seq > seq) break;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  throw new Error(`entry ${seq} is not in your organisation's log`);
}

interface Verdict { recomputed: string; proof: Proof | null; proofError?: unknown; included: boolean | null; checkpoint: Checkpoint | null; signature: Awaited<ReturnType<typeof verifyCheckpoint>> | null }

async function verdict(entry: AuditEntry, org: string): Promise<Verdict> {
  const recomputed = await entryHash(entry);
  let proof: Proof | null = null;
  let checkpoint: Checkpoint | null = null;
  try {
    [proof, checkpoint] = await Promise.all([
      ok<Proof>(audit.GET('/audit/entries/{seq}/proof', { params: { path: { seq: String(entry.seq) } } })),
      ok<Checkpoint>(audit.GET('/audit/checkpoints/latest')),
    ]);
  } catch (proofError) {
    return { recomputed, proof: null, proofError, included: null, checkpoint: null, signature: null };
  }
  const signature = await verifyCheckpoint(checkpoint, org, trustedKey(org));
  // The proof must lead from this entry's hash to the root that was signed, not just to the root it names.
  const included = proof.treeSize === checkpoint.treeSize && await verifyInclusion(proof, entry.hash, checkpoint.rootHash);
  return { recomputed, proof, included, checkpoint, signature };
}

export function AuditEntryView({ seq }: { seq: number }) {
  const org = authState().session!.org;
  const entry = useAsync(() => findEntry(seq), [seq]);
  const check = useAsync(() => entry.data ? verdict(entry.data, org) : Promise.resolve(null), [entry.data]);
  const e = entry.data;
  const v = check.data;
  return (
    <Page title={`Entry ${seq}`}>
      <ErrorBox error={entry.error} />
      {entry.loading && <Loading />}
      {e && (
        <>
          <dl class="facts">
            <dt>Type</dt><dd><code>{e.type}</code></dd>
            <dt>Occurred</dt><dd>{time(e.occurredAt)} (recorded {time(e.recordedAt)})</dd>
            <dt>Actor</dt><dd>{e.actor?.role} {e.actor?.id}</dd>
            <dt>Source</dt><dd>{e.source}</dd>
            <dt>Correlation</dt><dd>{e.correlationId ? <a href={`#/audit/trail/${encodeURIComponent(e.correlationId)}`}>{e.correlationId}</a> : '—'}</dd>
            <dt>Hash</dt><dd><code class="hash" data-testid="entry-hash">{e.hash}</code></dd>
            <dt>Previous hash</dt><dd><code class="hash">{e.prevHash}</code></dd>
          </dl>
          <h2>Checked in this browser</h2>
          {check.loading || !v ? <Loading what="Checking" /> : (
            <ul class="checks-list">
              <li class={v.recomputed === e.hash ? 'ok' : 'bad'} data-testid="entry-hash-check">
                {v.recomputed === e.hash ? '✓ The hash is the SHA-256 of the previous hash and this entry (RFC 8785 JSON).' : `✗ The content hashes to ${v.recomputed}, not to its hash.`}
              </li>
              {v.proofError ? <li><ErrorBox error={v.proofError} /></li> : (
                <>
                  <li class={v.signature?.valid ? 'ok' : 'bad'} data-testid="entry-checkpoint">
                    {v.signature?.valid ? `✓ Checkpoint of ${v.checkpoint!.treeSize} entries, signature verified (${v.signature.keySource} key).` : `✗ The checkpoint is not valid: ${v.signature?.reason}`}
                  </li>
                  <li class={v.included ? 'ok' : 'bad'} data-testid="entry-inclusion">
                    {v.included ? `✓ The inclusion proof (${v.proof!.hashes.length} hashes) leads from this entry to the signed root.` : '✗ The inclusion proof does not lead to the signed root.'}
                  </li>
                </>
              )}
            </ul>
          )}
          {v?.proof && (
            <details>
              <summary>Inclusion proof (RFC 9162), leaf {v.proof.leafIndex} of {v.proof.treeSize}</summary>
              <ol class="hashes">{v.proof.hashes.map((h, i) => <li key={i}><code class="hash">{h}</code></li>)}</ol>
              <p>Root: <code class="hash">{v.proof.rootHash}</code></p>
            </details>
          )}
          <h2>Entry</h2>
          <pre class="json" tabIndex={0} aria-label="The entry as JSON">{JSON.stringify(e, null, 2)}</pre>
        </>
      )}
    </Page>
  );
}
