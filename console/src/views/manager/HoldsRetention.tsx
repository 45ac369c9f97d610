import { useState } from 'preact/hooks';
import { ok, records } from '../../api/http';
import type { Client, Page as ListPage } from '../../api/types';
import { ActionForm, Badge, Check, Empty, ErrorBox, Loading, Page, time, useAsync } from '../../ui/components';

async function allClients(): Promise<Client[]> {
  const out: Client[] = [];
  let cursor: string | undefined;
  do {
    const p = await ok<ListPage<Client>>(records.GET('/clients', { params: { query: { limit: 500, cursor } } }));
    out.push(...p.items);
    cursor = p.nextCursor ?? undefined;
  } while (cursor && out.length < 5000);
  return out;
}

/** Legal holds (R-REC-4) and the retention run that destroys what is due and not held (R-REC-3). */
export function HoldsRetention() {
  const settings = useAsync(() => ok<{ org: string; retentionDays: number }>(records.GET('/settings/retention')), []);
  const clients = useAsync(allClients, []);
  const [confirm, setConfirm] = useState(false);
  const [result, setResult] = useState<string[] | null>(null);
  const held = (clients.data ?? []).filter((c) => c.legalHold);
  const ceased = (clients.data ?? []).filter((c) => c.status === 'CONTACT_CEASED');
  return (
    <Page title="Legal holds and retention">
      <h2>Legal holds</h2>
      <ErrorBox error={clients.error} />
      {clients.loading ? <Loading /> : held.length ? (
        <ul>{held.map((c) => <li key={c.id}><a href={`#/clients/${c.id}`}>{c.identity?.fullName ?? c.id}</a> <Badge value="LEGAL_HOLD" /></li>)}</ul>
      ) : <Empty>No client is under a legal hold. Place one from a client's page.</Empty>}
      <h2>Retention</h2>
      <ErrorBox error={settings.error} />
      {settings.data && <p>Records of clients whose contact ceased are destroyed <strong>{settings.data.retentionDays} days</strong> after contact ceased, unless held (an admin sets the period).</p>}
      {ceased.length > 0 && <p>{ceased.length} client(s) have ceased contact: {ceased.map((c) => `${c.identity?.fullName ?? c.id} (retain until ${time(c.retainUntil) || '—'})`).join('; ')}.</p>}
      <ActionForm submit="Run retention now" danger label="Run retention" onSubmit={async () => {
        if (!confirm) throw new Error('Tick the box to confirm: destruction cannot be undone.');
        const r = await ok<{ destroyed: string[] }>(records.POST('/retention/run'));
        setResult(r.destroyed);
        setConfirm(false);
        clients.reload();
      }}>
        <Check label="I understand that every client due is destroyed beyond recovery" checked={confirm} onChange={setConfirm} name="confirmRetention" />
      </ActionForm>
      {result && <p role="status" data-testid="retention-result">{result.length ? `Destroyed ${result.length} client(s): ${result.join(', ')}` : 'No client was due.'}</p>}
    </Page>
  );
}
