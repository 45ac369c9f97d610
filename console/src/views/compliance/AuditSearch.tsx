import { useState } from 'preact/hooks';
import { audit, ok } from '../../api/http';
import type { AuditEntry, Page as ListPage } from '../../api/types';
import { ErrorBox, Empty, Loading, More, Page, TextField, usePaged } from '../../ui/components';
import { go } from '../../router';
import { EntryTable } from './EntryTable';

const FIELDS = ['clientId', 'actorId', 'type', 'correlationId', 'from', 'to'] as const;
type Filter = Record<(typeof FIELDS)[number], string>;

/** A datetime-local value (the browser's local time) as RFC 3339 UTC; an RFC 3339 text is kept. */
function rfc3339(v: string): string | undefined {
  if (!v) return undefined;
  if (/Z$|[+-]\d\d:\d\d$/.test(v)) return v;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? v : d.toISOString();
}

export function AuditSearch({ query = '' }: { query?: string }) {
  const params = new URLSearchParams(query);
  const applied = Object.fromEntries(FIELDS.map((f) => [f, params.get(f) ?? ''])) as Filter;
  const [form, setForm] = useState<Filter>(applied);
  const list = usePaged((cursor) => ok<ListPage<AuditEntry>>(audit.GET('/audit/entries', {
    params: { query: {
      clientId: applied.clientId || undefined, actorId: applied.actorId || undefined, type: applied.type || undefined,
      correlationId: applied.correlationId || undefined, from: rfc3339(applied.from), to: rfc3339(applied.to),
      limit: 100, cursor: cursor ?? undefined,
    } },
  })), [query]);
  const set = (k: keyof Filter) => (v: string) => setForm({ ...form, [k]: v });
  return (
    <Page title="Audit trail">
      <form class="filters" aria-label="Search the audit trail" onSubmit={(e) => {
        e.preventDefault();
        const q = new URLSearchParams(Object.entries(form).filter(([, v]) => v.trim()).map(([k, v]) => [k, v.trim()]));
        go(q.toString() ? `#/audit?${q}` : '#/audit');
      }}>
        <div class="row">
          <TextField label="Client id" name="clientId" value={form.clientId} onInput={set('clientId')} />
          <TextField label="Actor id" name="actorId" value={form.actorId} onInput={set('actorId')} />
          <TextField label="Event type" name="type" value={form.type} onInput={set('type')} placeholder="disclosure.decided" />
          <TextField label="Correlation id" name="correlationId" value={form.correlationId} onInput={set('correlationId')} />
          <TextField label="From" name="from" type="datetime-local" value={form.from} onInput={set('from')} />
          <TextField label="To" name="to" type="datetime-local" value={form.to} onInput={set('to')} />
        </div>
        <button type="submit" class="primary">Search</button>
        <button type="button" onClick={() => list.reload()}>Refresh</button>
      </form>
      <ErrorBox error={list.error} />
      {list.loading ? <Loading /> : list.items.length ? <EntryTable entries={list.items} caption="Audit entries, oldest first" /> : !list.error && <Empty>No entries match.</Empty>}
      <More next={list.next} />
    </Page>
  );
}
