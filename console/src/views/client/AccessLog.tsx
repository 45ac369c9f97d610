import { audit, ok } from '../../api/http';
import type { AccessLogItem, Page as ListPage } from '../../api/types';
import { label } from '../../api/enums';
import { Empty, ErrorBox, Loading, More, Page, Rule, time, usePaged } from '../../ui/components';

/** Who read or shared the client's information, by role and organisation (never a person's id), when and why. */
export function AccessLog() {
  const list = usePaged((cursor) => ok<ListPage<AccessLogItem>>(audit.GET('/me/access-log', { params: { query: { cursor: cursor ?? undefined } } })), []);
  return (
    <Page title="Who saw my file">
      <p class="muted">Every read and every share of your information, by role and organisation. A step that you must not
        yet know of for your or someone's safety appears once you have been told (R-PROC-1).</p>
      <ErrorBox error={list.error} />
      {list.loading ? <Loading /> : list.items.length ? (
        <div class="table-wrap">
          <table>
            <caption class="sr-only">Access log</caption>
            <thead><tr><th scope="col">When</th><th scope="col">What</th><th scope="col">Who</th><th scope="col">Why</th><th scope="col">To</th><th scope="col">Rules</th></tr></thead>
            <tbody>
              {list.items.map((i) => (
                <tr key={i.seq} data-type={i.type}>
                  <td>{time(i.occurredAt)}</td>
                  <td>{i.action === 'shared' ? 'Shared' : 'Read'} <span class="muted">({i.type})</span></td>
                  <td>{label(i.actor.role)} of {i.actor.org}</td>
                  <td>{label(i.purposeOfUse)}</td>
                  <td>{[label(i.recipientRole), i.recipientOrg].filter(Boolean).join(' of ')}</td>
                  <td>{(i.rules ?? []).map((r) => <Rule key={r} id={r} />)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : !list.error && <Empty>Nobody has read or shared your information through Confide.</Empty>}
      <More next={list.next} />
    </Page>
  );
}
