import { consent, ok } from '../../api/http';
import type { Consent, Page as ListPage } from '../../api/types';
import { ErrorBox, Loading, More, Page, usePaged } from '../../ui/components';
import { ConsentList } from '../practitioner/ClientDetail';

export function MyConsents() {
  const list = usePaged((cursor) => ok<ListPage<Consent>>(consent.GET('/me/consents', { params: { query: { cursor: cursor ?? undefined } } })), []);
  return (
    <Page title="My consents">
      <p>What you agreed may be shared, with whom and why. You can withdraw a consent at any time (R-CONS-4).</p>
      <ErrorBox error={list.error} />
      {list.loading ? <Loading /> : <ConsentList items={list.items} withdraw={async (c, reason) => {
        await ok(consent.POST('/me/consents/{id}/withdraw', { params: { path: { id: c.id! } }, body: { reason: reason || undefined } }));
        list.reload();
      }} />}
      <More next={list.next} />
    </Page>
  );
}
