import { useRef, useState } from 'preact/hooks';
import { audit, ok } from '../../api/http';
import type { AuditEntry, Checkpoint, Page as ListPage } from '../../api/types';
import { authState } from '../../auth';
import { forget, remember, remembered, verifyCheckpoint, verifyLog, type LogReport } from '../../audit/verify';
import { trustedKey } from '../../audit/trust';
import { ErrorBox, Loading, Page, time, useAsync } from '../../ui/components';

const SOURCE_TEXT = {
  pinned: 'the key the operator published to this console (CONFIDE_AUDIT_PUBLIC_KEY)',
  remembered: 'the key this browser verified before',
  checkpoint: 'the key the checkpoint itself names (no key is pinned and none was remembered: this proves only that the checkpoint is self-consistent)',
};

export function VerifyLog() {
  const org = authState().session!.org;
  const [memo, setMemo] = useState(() => remembered(org));
  const cp = useAsync(async () => {
    const checkpoint = await ok<Checkpoint>(audit.GET('/audit/checkpoints/latest'));
    return { checkpoint, result: await verifyCheckpoint(checkpoint, org, trustedKey(org)) };
  }, [memo]);
  const [run, setRun] = useState<{ checked: number; report: LogReport | null; error?: unknown } | null>(null);
  const cancel = useRef(false);

  const shrank = cp.data && memo && cp.data.checkpoint.treeSize < memo.treeSize;
  const forked = cp.data && memo && cp.data.checkpoint.treeSize === memo.treeSize && cp.data.checkpoint.rootHash !== memo.rootHash;

  async function verifyAll() {
    const c = cp.data!;
    cancel.current = false;
    setRun({ checked: 0, report: null });
    try {
      const report = await verifyLog(
        (cursor) => ok<ListPage<AuditEntry>>(audit.GET('/audit/entries', { params: { query: { limit: 500, cursor: cursor ?? undefined } } })),
        c.checkpoint, memo, (checked) => setRun({ checked, report: null }), () => cancel.current);
      setRun({ checked: report.checked, report });
      if (report.valid && c.result.valid) {
        remember({ org, treeSize: c.checkpoint.treeSize, rootHash: c.checkpoint.rootHash, publicKey: c.result.publicKey, verifiedAt: new Date().toISOString() });
        setMemo(remembered(org));
      }
    } catch (error) {
      setRun((r) => ({ checked: r?.checked ?? 0, report: null, error }));
    }
  }

  return (
    <Page title="Verify the log">
      <p>Everything below is checked in this browser with WebCrypto, not taken from the server: the checkpoint's Ed25519
        signature, every entry's hash and link, and the Merkle root of the entries against the signed root.</p>
      <ErrorBox error={cp.error} />
      {cp.loading && <Loading what="Fetching the latest checkpoint" />}
      {cp.data && (
        <div class={`card ${cp.data.result.valid && !shrank && !forked ? 'ok-card' : 'bad-card'}`} data-testid="checkpoint-status"
          data-valid={String(cp.data.result.valid && !shrank && !forked)} role={cp.data.result.valid ? 'status' : 'alert'}>
          <h2>{cp.data.result.valid && !shrank && !forked ? '✓ Checkpoint signature valid' : '✗ Checkpoint INVALID'}</h2>
          {cp.data.result.reason && <p data-testid="checkpoint-reason">{cp.data.result.reason}</p>}
          {shrank && <p>This browser verified a checkpoint of {memo!.treeSize} entries; this one has only {cp.data.checkpoint.treeSize}: the log shrank.</p>}
          {forked && <p>This browser verified a different root at the same size: the log was rewritten.</p>}
          <dl class="facts">
            <dt>Tree size</dt><dd data-testid="tree-size">{cp.data.checkpoint.treeSize}</dd>
            <dt>Root</dt><dd><code class="hash">{cp.data.checkpoint.rootHash}</code></dd>
            <dt>Signed</dt><dd>{time(cp.data.checkpoint.signedAt)}</dd>
            <dt>Key</dt><dd>{SOURCE_TEXT[cp.data.result.keySource]}: <code>{cp.data.result.publicKey}</code></dd>
            <dt>Witnessed by</dt>
            <dd data-testid="cosignatures">{cp.data.checkpoint.cosignatures?.length
              ? <ul>{cp.data.checkpoint.cosignatures.map((c) => (
                  <li key={c.keyId}>{c.witness} (key <code>{c.keyId}</code>), {time(c.cosignedAt)}</li>))}</ul>
              : 'no witness has cosigned this checkpoint (audit-service sends each one to CONFIDE_AUDIT_WITNESSES)'}</dd>
          </dl>
          <details><summary>Signed note</summary><pre class="json">{cp.data.checkpoint.note}</pre></details>
        </div>
      )}
      <div class="card">
        <h2>Last checkpoint this browser verified</h2>
        {memo ? (
          <p data-testid="remembered">{memo.treeSize} entries, root <code class="hash">{memo.rootHash.slice(0, 16)}…</code>, verified {time(memo.verifiedAt)}.
            {' '}A full verify checks that today's log still has that root at that size.
            {' '}<button type="button" onClick={() => { forget(org); setMemo(null); }}>Forget it</button></p>
        ) : <p data-testid="remembered">None yet: a full verify that succeeds is remembered here.</p>}
      </div>
      {cp.data && cp.data.result.valid && (
        <div class="card">
          <button type="button" class="primary" disabled={!!run && !run.report && !run.error} onClick={() => void verifyAll()}>Verify the whole log in this browser</button>
          {run && !run.report && !run.error && (
            <>
              <label for="verify-progress">Checked {run.checked} of {cp.data.checkpoint.treeSize}+ entries</label>
              <progress id="verify-progress" max={cp.data.checkpoint.treeSize} value={run.checked} />
              <button type="button" onClick={() => { cancel.current = true; }}>Cancel</button>
            </>
          )}
          <ErrorBox error={run?.error} />
          {run?.report && (
            <div data-testid="log-status" data-valid={String(run.report.valid)} role={run.report.valid ? 'status' : 'alert'} class={run.report.valid ? 'ok' : 'bad'}>
              <h3>{run.report.valid ? `✓ ${run.report.checked} entries verified` : '✗ The log does not verify'}</h3>
              {run.report.valid && <p>Every hash and link recomputed; the Merkle root of the first {cp.data.checkpoint.treeSize} entries is the signed root
                {run.report.extendsRemembered ? `; the log extends the checkpoint of ${run.report.priorSize} entries verified before` : ''}.</p>}
              {run.report.problems.length > 0 && <ul>{run.report.problems.slice(0, 20).map((p, i) => <li key={i}>{p}</li>)}</ul>}
              {run.report.valid && <button type="button" onClick={() => { setRun(null); cp.reload(); }}>Check the newest checkpoint</button>}
            </div>
          )}
        </div>
      )}
    </Page>
  );
}
