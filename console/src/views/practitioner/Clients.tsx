import { useState } from 'preact/hooks';
import { idempotencyKey, ok, records } from '../../api/http';
import type { Client, Page as ListPage } from '../../api/types';
import { PROGRAMMES } from '../../api/enums';
import { authState } from '../../auth';
import { ActionForm, Badge, Check, Empty, ErrorBox, Loading, More, Page, SelectField, TextField, short, time, usePaged } from '../../ui/components';
import { go } from '../../router';

function Register() {
  const [fullName, setName] = useState('');
  const [dateOfBirth, setDob] = useState('');
  const [email, setEmail] = useState('');
  const [phone, setPhone] = useState('');
  const [programme, setProgramme] = useState<(typeof PROGRAMMES)[number]>('COUNSELLING');
  const [limitsExplained, setLimits] = useState(false);
  return (
    <details class="card">
      <summary>Register a client</summary>
      <ActionForm submit="Register" label="Register a client" onSubmit={async () => {
        const c = await ok<Client>(records.POST('/clients', {
          body: { identity: { fullName, dateOfBirth: dateOfBirth || undefined, email: email || undefined, phone: phone || undefined }, programme, limitsExplained },
          headers: { 'Idempotency-Key': idempotencyKey() },
        }));
        go(`#/clients/${c.id}`);
      }}>
        <div class="row">
          <TextField label="Full name" name="fullName" value={fullName} onInput={setName} required />
          <TextField label="Date of birth" name="dateOfBirth" type="date" value={dateOfBirth} onInput={setDob} />
          <TextField label="Email" name="email" type="email" value={email} onInput={setEmail} />
          <TextField label="Phone" name="phone" value={phone} onInput={setPhone} />
          <SelectField label="Programme" name="programme" value={programme} options={PROGRAMMES} onChange={setProgramme} />
        </div>
        <Check label="The limits of confidentiality were explained to the client (R-REC-5)" checked={limitsExplained} onChange={setLimits} name="limitsExplained" />
      </ActionForm>
    </details>
  );
}

export function ClientList({ onPick, linkTab }: { onPick?: (c: Client) => void; linkTab?: string }) {
  const list = usePaged((cursor) => ok<ListPage<Client>>(records.GET('/clients', { params: { query: { limit: 100, cursor: cursor ?? undefined } } })), []);
  return (
    <>
      <ErrorBox error={list.error} />
      {list.loading ? <Loading /> : list.items.length ? (
        <div class="table-wrap">
          <table>
            <caption class="sr-only">Clients</caption>
            <thead><tr><th scope="col">Name</th><th scope="col">Client id</th><th scope="col">Programme</th><th scope="col">Status</th><th scope="col">Practitioner</th><th scope="col">Since</th><th scope="col">Hold</th></tr></thead>
            <tbody>
              {list.items.map((c) => (
                <tr key={c.id} data-client={c.id}>
                  <td>{onPick ? <button type="button" class="link" onClick={() => onPick(c)}>{c.identity?.fullName ?? '(no identity)'}</button>
                    : <a href={`#/clients/${c.id}${linkTab ? `/${linkTab}` : ''}`}>{c.identity?.fullName ?? '(no identity)'}</a>}</td>
                  <td title={c.id}><code>{short(c.id)}</code></td>
                  <td>{c.programme}</td>
                  <td><Badge value={c.status} kind="status" /></td>
                  <td>{c.allocatedPractitionerId}</td>
                  <td>{time(c.createdAt)}</td>
                  <td>{c.legalHold ? <Badge value="LEGAL_HOLD" /> : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : !list.error && <Empty>No clients yet.</Empty>}
      <More next={list.next} />
    </>
  );
}

export function Clients() {
  const role = authState().session!.role;
  return (
    <Page title={role === 'manager' ? 'Clients & letters' : 'My clients'}>
      <Register />
      <ClientList />
    </Page>
  );
}
