import { consent, ok } from '../../api/http';
import type { Consent, Page as ListPage } from '../../api/types';
import { label } from '../../api/enums';
import { ActionForm, Empty, ErrorBox, Loading, More, Page, short, time, usePaged } from '../../ui/components';

/** Consents whose purpose needs a manager's approval before they count (R-CONS-2). */
export function ConsentApprovals() {
  const list = usePaged((cursor) => ok<ListPage<Consent>>(consent.GET('/consents', { params: { query: { status: 'PENDING_APPROVAL', cursor: cursor ?? undefined } } })), []);
  const decide = async (c: Consent, approved: boolean) => {
    await ok(consent.POST('/consents/{id}/approval', { params: { path: { id: c.id! } }, body: { approved } }));
    list.reload();
  };
  return (
    <Page title="Consents waiting for approval" actions={<button type="button" onClick={() => list.reload()}>Refresh</button>}>
      <p>Case studies, group work, training and recordings need a manager's approval (R-CONS-2).</p>
      <ErrorBox error={list.error} />
      {list.loading ? <Loading /> : list.items.length ? (
        <div class="table-wrap">
          <table>
            <caption class="sr-only">Pending consents</caption>
            <thead><tr><th scope="col">Client</th><th scope="col">Recipient</th><th scope="col">Information</th><th scope="col">Purpose</th><th scope="col">Recorded</th><th scope="col">Decide</th></tr></thead>
            <tbody>
              {list.items.map((c) => (
                <tr key={c.id} data-consent={c.id}>
                  <td><a href={`#/clients/${c.clientId}/consents`} title={c.clientId}>{short(c.clientId)}</a></td>
                  <td>{label(c.recipient?.type)}</td>
                  <td>{(c.categories ?? []).map(label).join(', ')}</td>
                  <td>{label(c.purpose)}</td>
                  <td>{time(c.createdAt as string)} by {c.createdBy}</td>
                  <td class="inline-actions">
                    <ActionForm submit="Approve" label={`Approve consent ${short(c.id)}`} onSubmit={() => decide(c, true)} />
                    <ActionForm submit="Refuse" danger label={`Refuse consent ${short(c.id)}`} onSubmit={() => decide(c, false)} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : !list.error && <Empty>No consent is waiting for approval.</Empty>}
      <More next={list.next} />
    </Page>
  );
}
