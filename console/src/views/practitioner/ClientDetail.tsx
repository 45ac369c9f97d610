import { useState } from 'preact/hooks';
import { consent, idempotencyKey, ok, records } from '../../api/http';
import type { Client, Consent, Letter, Note, Page as ListPage } from '../../api/types';
import { CATEGORIES, CONSENT_METHODS, NOTE_KINDS, PURPOSES, RECIPIENT_TYPES, label } from '../../api/enums';
import { authState } from '../../auth';
import { ActionForm, Badge, Check, CheckGroup, Empty, ErrorBox, Loading, More, Page, SelectField, TextField, time, useAsync, usePaged } from '../../ui/components';
import { Cases } from '../shared/Cases';

const TABS = [['', 'Overview'], ['notes', 'Notes'], ['consents', 'Consents'], ['letters', 'Letters'], ['cases', 'Cases']] as const;
const path = (id: string) => ({ params: { path: { id } } });

function Overview({ client, reload }: { client: Client; reload: () => void }) {
  const isManager = authState().session!.role === 'manager';
  const [reason, setReason] = useState('');
  return (
    <>
      <dl class="facts">
        <dt>Name</dt><dd>{client.identity?.fullName}</dd>
        <dt>Date of birth</dt><dd>{client.identity?.dateOfBirth}</dd>
        <dt>Contact</dt><dd>{[client.identity?.email, client.identity?.phone].filter(Boolean).join(', ')}</dd>
        <dt>Client id</dt><dd><code data-testid="client-id">{client.id}</code></dd>
        <dt>Programme</dt><dd>{label(client.programme)}</dd>
        <dt>Status</dt><dd><Badge value={client.status} kind="status" /></dd>
        <dt>Practitioner</dt><dd>{client.allocatedPractitionerId}</dd>
        <dt>Limits explained</dt><dd>{time(client.limitsExplainedAt) || 'not recorded'}</dd>
        <dt>Retain until</dt><dd>{time(client.retainUntil) || '—'}</dd>
        <dt>Legal hold</dt><dd data-testid="legal-hold">{client.legalHold ? 'Yes: destruction suspended (R-REC-4)' : 'No'}</dd>
      </dl>
      <a class="button" href={`#/concern?client=${client.id}`}>Raise a concern about this client</a>
      {isManager && (client.legalHold ? (
        <ActionForm submit="Release the legal hold" label="Release the legal hold" onSubmit={async () => { await ok(records.DELETE('/clients/{id}/legal-hold', path(client.id!))); reload(); }} />
      ) : (
        <ActionForm submit="Place a legal hold" label="Place a legal hold" onSubmit={async () => { await ok(records.POST('/clients/{id}/legal-hold', { ...path(client.id!), body: { reason } })); reload(); }}>
          <TextField label="Reason for the hold" name="holdReason" value={reason} onInput={setReason} required />
        </ActionForm>
      ))}
    </>
  );
}

function Notes({ id }: { id: string }) {
  const list = usePaged((cursor) => ok<ListPage<Note>>(records.GET('/clients/{id}/notes', { params: { path: { id }, query: { cursor: cursor ?? undefined } } })), [id]);
  const [sessionDate, setDate] = useState(new Date().toISOString().slice(0, 10));
  const [kind, setKind] = useState<(typeof NOTE_KINDS)[number]>('SESSION');
  const [body, setBody] = useState('');
  return (
    <>
      <ActionForm submit="Save the note" label="Write a note" onSubmit={async () => {
        await ok(records.POST('/clients/{id}/notes', { ...path(id), body: { sessionDate, kind, body }, headers: { 'Idempotency-Key': idempotencyKey() } }));
        setBody('');
        list.reload();
      }}>
        <div class="row">
          <TextField label="Session date" name="sessionDate" type="date" value={sessionDate} onInput={setDate} required />
          <SelectField label="Kind" name="kind" value={kind} options={NOTE_KINDS} onChange={setKind} />
        </div>
        <TextField label="Note" name="noteBody" value={body} onInput={setBody} multiline required />
      </ActionForm>
      <ErrorBox error={list.error} />
      {list.loading ? <Loading /> : list.items.length ? (
        <ul class="notes">{list.items.map((n) => <li key={n.id}><div class="muted">{n.sessionDate} · {label(n.kind)} · {n.authorId}</div><p>{n.body}</p></li>)}</ul>
      ) : !list.error && <Empty>No notes yet. (Every read of notes is recorded in the audit log.)</Empty>}
      <More next={list.next} />
    </>
  );
}

export function ConsentList({ items, withdraw }: { items: Consent[]; withdraw?: (c: Consent, reason: string) => Promise<unknown> }) {
  const [reason, setReason] = useState('');
  if (!items.length) return <Empty>No consents.</Empty>;
  return (
    <div class="table-wrap">
      <table>
        <caption class="sr-only">Consents</caption>
        <thead><tr><th scope="col">Recipient</th><th scope="col">Information</th><th scope="col">Purpose</th><th scope="col">Status</th><th scope="col">From</th><th scope="col">Until</th>{withdraw && <th scope="col">Withdraw</th>}</tr></thead>
        <tbody>
          {items.map((c) => (
            <tr key={c.id} data-consent={c.id}>
              <td>{label(c.recipient?.type)}{c.recipient?.name ? ` (${c.recipient.name})` : ''}</td>
              <td>{(c.categories ?? []).map(label).join(', ')}</td>
              <td>{label(c.purpose)}</td>
              <td><Badge value={c.status} kind="status" /></td>
              <td>{time(c.validFrom as string)}</td>
              <td>{time(c.validUntil as string) || '—'}</td>
              {withdraw && <td>{c.status === 'ACTIVE' || c.status === 'PENDING_APPROVAL' ? (
                <ActionForm submit="Withdraw" danger label={`Withdraw consent to ${label(c.recipient?.type)}`} onSubmit={() => withdraw(c, reason)}>
                  <TextField label="Reason (optional)" name={`reason-${c.id}`} value={reason} onInput={setReason} />
                </ActionForm>) : ''}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Consents({ id }: { id: string }) {
  const list = usePaged((cursor) => ok<ListPage<Consent>>(consent.GET('/consents', { params: { query: { clientId: id, cursor: cursor ?? undefined } } })), [id]);
  const [type, setType] = useState<(typeof RECIPIENT_TYPES)[number]>('GP');
  const [categories, setCategories] = useState<(typeof CATEGORIES)[number][]>([]);
  const [purpose, setPurpose] = useState<(typeof PURPOSES)[number]>('CONTINUING_CARE');
  const [method, setMethod] = useState<(typeof CONSENT_METHODS)[number]>('WRITTEN_SIGNED');
  const [explained, setExplained] = useState(false);
  const [validUntil, setUntil] = useState('');
  return (
    <>
      <details class="card">
        <summary>Record a consent</summary>
        <ActionForm submit="Record the consent" label="Record a consent" onSubmit={async () => {
          await ok(consent.POST('/consents', { body: { clientId: id, recipient: { type }, categories, purpose, method, explained, validUntil: validUntil || undefined },
            headers: { 'Idempotency-Key': idempotencyKey() } }));
          list.reload();
        }}>
          <div class="row">
            <SelectField label="Recipient" name="recipientType" value={type} options={RECIPIENT_TYPES} onChange={setType} />
            <SelectField label="Purpose" name="purpose" value={purpose} options={PURPOSES} onChange={setPurpose} />
            <SelectField label="How given" name="method" value={method} options={CONSENT_METHODS} onChange={setMethod} />
            <TextField label="Valid until" name="validUntil" type="date" value={validUntil} onInput={setUntil} />
          </div>
          <CheckGroup legend="Information covered" name="consent-categories" options={CATEGORIES} value={categories} onChange={setCategories} />
          <Check label="What sharing means was explained to the client (R-CONS-1)" checked={explained} onChange={setExplained} name="explained" />
        </ActionForm>
      </details>
      <ErrorBox error={list.error} />
      {list.loading ? <Loading /> : <ConsentList items={list.items} withdraw={async (c, reason) => {
        await ok(consent.POST('/consents/{id}/withdraw', { ...path(c.id!), body: { reason: reason || undefined } }));
        list.reload();
      }} />}
      <More next={list.next} />
    </>
  );
}

function Letters({ id }: { id: string }) {
  const list = usePaged((cursor) => ok<ListPage<Letter>>(records.GET('/clients/{id}/letters', { params: { path: { id }, query: { cursor: cursor ?? undefined } } })), [id]);
  const [recipient, setRecipient] = useState('');
  const [body, setBody] = useState('');
  return (
    <>
      <details class="card">
        <summary>Draft a letter</summary>
        <p class="muted">The client approves a letter about them before it is sent (R-CONS-3).</p>
        <ActionForm submit="Save the draft" label="Draft a letter" onSubmit={async () => {
          await ok(records.POST('/clients/{id}/letters', { ...path(id), body: { recipient, body }, headers: { 'Idempotency-Key': idempotencyKey() } }));
          setBody('');
          list.reload();
        }}>
          <TextField label="To" name="letterRecipient" value={recipient} onInput={setRecipient} required />
          <TextField label="Letter" name="letterBody" value={body} onInput={setBody} multiline required />
        </ActionForm>
      </details>
      <ErrorBox error={list.error} />
      {list.loading ? <Loading /> : list.items.length ? (
        <ul class="letters">
          {list.items.map((l) => (
            <li key={l.id} data-letter={l.id}>
              <div><strong>To {l.recipient}</strong> <Badge value={l.status} kind="status" /> <span class="muted">{time(l.createdAt)}</span></div>
              <p>{l.body}</p>
              {l.status === 'APPROVED' && <ActionForm submit="Send" label={`Send the letter to ${l.recipient}`} onSubmit={async () => {
                await ok(records.POST('/clients/{id}/letters/{letterId}/send', { params: { path: { id, letterId: l.id } } }));
                list.reload();
              }} />}
              {l.status === 'DRAFT' && <p class="muted">Waiting for the client's approval.</p>}
            </li>
          ))}
        </ul>
      ) : !list.error && <Empty>No letters.</Empty>}
      <More next={list.next} />
    </>
  );
}

export function ClientDetail({ id, tab = '' }: { id: string; tab?: string }) {
  const client = useAsync(() => ok<Client>(records.GET('/clients/{id}', path(id))), [id]);
  return (
    <Page title={client.data?.identity?.fullName ?? 'Client'}>
      <ErrorBox error={client.error} />
      {client.loading && !client.data && <Loading />}
      {client.data && (
        <>
          <nav aria-label="Client sections" class="tabs">
            <ul>{TABS.map(([t, text]) => <li key={t}><a href={`#/clients/${id}${t ? `/${t}` : ''}`} aria-current={tab === t ? 'page' : undefined}>{text}</a></li>)}</ul>
          </nav>
          {tab === '' && <Overview client={client.data} reload={client.reload} />}
          {tab === 'notes' && <Notes id={id} />}
          {tab === 'consents' && <Consents id={id} />}
          {tab === 'letters' && <Letters id={id} />}
          {tab === 'cases' && <Cases clientId={id} />}
        </>
      )}
    </Page>
  );
}
