import { useState } from 'preact/hooks';
import { audit, ok } from '../../api/http';
import type { AuditEntry } from '../../api/types';
import { ErrorBox, Empty, Loading, Page, TextField, time, useAsync } from '../../ui/components';
import { go } from '../../router';
import { HashMark, useEntryChecks } from './EntryTable';

const RULE_KEYS = ['rule', 'decidingRule', 'rules'];
// One empty list for every render: a new [] each time would restart the hash checks forever.
const NONE: AuditEntry[] = [];

function rulesOf(e: AuditEntry): string[] {
  const d = e.data ?? {};
  return RULE_KEYS.flatMap((k) => {
    const v = d[k];
    return Array.isArray(v) ? v.map(String) : typeof v === 'string' ? [v] : [];
  });
}

/** One disclosure's (or any correlated work's) entries across services, as a timeline. */
export function AuditTrail({ correlationId }: { correlationId: string }) {
  const [input, setInput] = useState(correlationId);
  const trail = useAsync(() => correlationId
    ? ok<AuditEntry[]>(audit.GET('/audit/trails/{correlationId}', { params: { path: { correlationId } } }))
    : Promise.resolve(null), [correlationId]);
  const entries = trail.data ?? NONE;
  const checks = useEntryChecks(entries);
  return (
    <Page title="Disclosure trail">
      <form class="filters" aria-label="Open a trail" onSubmit={(e) => { e.preventDefault(); if (input.trim()) go(`#/audit/trail/${encodeURIComponent(input.trim())}`); }}>
        <div class="row"><TextField label="Case or correlation id" name="correlationId" value={input} onInput={setInput} required /></div>
        <button type="submit" class="primary">Show the trail</button>
        {correlationId && <button type="button" onClick={() => trail.reload()}>Refresh</button>}
      </form>
      <ErrorBox error={trail.error} />
      {trail.loading && correlationId ? <Loading /> : correlationId && !trail.error && (entries.length ? (
        <ol class="timeline" aria-label={`Timeline of ${correlationId}`}>
          {entries.map((e) => (
            <li key={e.seq} class={`lane-${e.source}`} data-type={e.type}>
              <div class="when">{time(e.occurredAt)}</div>
              <div class="what">
                <span class="lane">{e.source}</span> <a href={`#/audit/entries/${e.seq}`}><code>{e.type}</code></a>
                {' '}by {e.actor?.role} {e.actor?.id}
                {rulesOf(e).map((r) => <code key={r} class="rule">{r}</code>)}
                {' '}<HashMark check={checks?.get(e.seq)} />
              </div>
            </li>
          ))}
        </ol>
      ) : <Empty>No entries carry this correlation id (yet: entries arrive within seconds).</Empty>)}
    </Page>
  );
}
