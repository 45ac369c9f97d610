import { useState } from 'preact/hooks';
import { disclosure, ok } from '../../api/http';
import type { Case, Page as ListPage } from '../../api/types';
import { label } from '../../api/enums';
import { authState } from '../../auth';
import { Badge, Empty, ErrorBox, Loading, More, Page, Rule, SelectField, short, time, usePaged } from '../../ui/components';
import { nextStep } from './nextStep';

const STATUSES = ['RAISED', 'APPROVED', 'REJECTED', 'DISCLOSED', 'FOLLOWED_UP', 'CLOSED'] as const;

export function CaseTable({ cases, caption }: { cases: Case[]; caption: string }) {
  return (
    <div class="table-wrap">
      <table>
        <caption class="sr-only">{caption}</caption>
        <thead><tr><th scope="col">Raised</th><th scope="col">Client</th><th scope="col">Grounds</th><th scope="col">Outcome</th><th scope="col">Rules</th><th scope="col">Status</th><th scope="col">Steps</th><th scope="col">Next step</th></tr></thead>
        <tbody>
          {cases.map((c) => {
            const n = nextStep(c);
            return (
              <tr key={c.id} data-case={c.id}>
                <td><a href={`#/cases/${c.id}`}>{time(c.raisedAt)}</a></td>
                <td title={c.clientId}>{short(c.clientId)}</td>
                <td>{(c.grounds ?? []).map(label).join(', ')}</td>
                <td><Badge value={c.outcome} /></td>
                <td>{(c.assessment?.rules ?? []).map((r) => <Rule key={r.id} id={r.id} />)}</td>
                <td><Badge value={c.status} kind="status" /></td>
                <td>{c.steps?.length ?? 0}</td>
                <td>{label(n.code)} <Rule id={n.rule} /></td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export function Cases({ clientId }: { clientId?: string }) {
  const [status, setStatus] = useState<(typeof STATUSES)[number] | ''>('');
  const list = usePaged((cursor) => ok<ListPage<Case>>(disclosure.GET('/disclosures', {
    params: { query: { clientId, status: status || undefined, cursor: cursor ?? undefined, limit: 50 } },
  })), [status, clientId]);
  const role = authState().session!.role;
  const body = (
    <>
      <div class="row">
        <SelectField label="Status" name="status" value={status} options={STATUSES} onChange={setStatus} blank="Any status" />
      </div>
      <ErrorBox error={list.error} />
      {list.loading ? <Loading /> : list.items.length ? <CaseTable cases={list.items} caption="Disclosure cases" /> : !list.error && <Empty>No cases.</Empty>}
      <More next={list.next} />
    </>
  );
  return clientId ? body : <Page title={role === 'manager' ? 'All cases' : 'My cases'} actions={<a class="button" href="#/concern">Raise a concern</a>}>{body}</Page>;
}
