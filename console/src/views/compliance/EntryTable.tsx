import { useEffect, useState } from 'preact/hooks';
import type { AuditEntry } from '../../api/types';
import { checkEntries, type EntryCheck } from '../../audit/verify';
import { seenEntries } from '../../audit/trust';
import { short, time } from '../../ui/components';

/** Whether each entry on screen hashes to its `hash`, and links to the entry before it, recomputed here. */
export function useEntryChecks(entries: AuditEntry[]) {
  const [checks, setChecks] = useState<Map<number, EntryCheck> | null>(null);
  // Keyed by what the entries are, not by the array's identity.
  const key = entries.map((e) => `${e.seq}:${e.hash}`).join(',');
  useEffect(() => {
    entries.forEach((e) => seenEntries.set(e.seq, e));
    let live = true;
    setChecks(null);
    checkEntries(entries).then((c) => live && setChecks(c));
    return () => {
      live = false;
    };
  }, [key]);
  return checks;
}

export function HashMark({ check }: { check: EntryCheck | undefined }) {
  if (!check) return <span class="muted">…</span>;
  const ok = check.hashOk && check.linkOk !== false;
  const title = !check.hashOk ? 'the hash does not match the content' : check.linkOk === false ? 'prevHash does not link to the entry before'
    : check.linkOk === null ? 'hash recomputed (the entry before is not on screen)' : 'hash recomputed and linked to the entry before';
  return <span class={ok ? 'ok' : 'bad'} data-testid="hash-check" data-ok={String(ok)} title={title}>{ok ? '✓ ' : '✗ '}<span class="sr-only">{title}</span><span aria-hidden="true">{ok ? 'verified' : 'BROKEN'}</span></span>;
}

export function EntryTable({ entries, caption }: { entries: AuditEntry[]; caption: string }) {
  const checks = useEntryChecks(entries);
  const broken = checks ? [...checks.values()].filter((c) => !c.hashOk || c.linkOk === false).length : 0;
  return (
    <>
      {checks && (
        <p role="status" class={broken ? 'bad' : 'ok'} data-testid="screen-check">
          {broken ? `${broken} of ${entries.length} entries on screen fail their hash check` : `All ${entries.length} entries on screen hash correctly and link where they meet`}
          {' '}(recomputed in this browser: SHA-256 over RFC 8785 JSON).
        </p>
      )}
      <div class="table-wrap">
        <table>
          <caption class="sr-only">{caption}</caption>
          <thead><tr><th scope="col">Seq</th><th scope="col">When</th><th scope="col">Type</th><th scope="col">Actor</th><th scope="col">Client</th><th scope="col">Correlation</th><th scope="col">Hash</th></tr></thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.seq} data-seq={e.seq}>
                <td><a href={`#/audit/entries/${e.seq}`} aria-label={`Entry ${e.seq}`}>{e.seq}</a></td>
                <td>{time(e.occurredAt)}</td>
                <td><code>{e.type}</code></td>
                <td>{e.actor?.role} {e.actor?.id}</td>
                <td title={e.clientId ?? ''}>{short(e.clientId)}</td>
                <td>{e.correlationId ? <a href={`#/audit/trail/${encodeURIComponent(e.correlationId)}`} title={e.correlationId}>{short(e.correlationId)}</a> : ''}</td>
                <td><HashMark check={checks?.get(e.seq)} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
