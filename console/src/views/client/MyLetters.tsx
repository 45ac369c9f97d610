import { ok, records } from '../../api/http';
import type { Letter, Page as ListPage } from '../../api/types';
import { ActionForm, Badge, Empty, ErrorBox, Loading, More, Page, time, usePaged } from '../../ui/components';

/** Letters about the client: none is sent until they approve it (R-CONS-3). */
export function MyLetters() {
  const list = usePaged((cursor) => ok<ListPage<Letter>>(records.GET('/me/letters', { params: { query: { cursor: cursor ?? undefined } } })), []);
  const decide = async (l: Letter, approved: boolean) => {
    await ok(records.POST('/me/letters/{id}/approval', { params: { path: { id: l.id } }, body: { approved } }));
    list.reload();
  };
  return (
    <Page title="Letters about me">
      <p>No letter about you is sent until you approve it.</p>
      <ErrorBox error={list.error} />
      {list.loading ? <Loading /> : list.items.length ? (
        <ul class="letters">
          {list.items.map((l) => (
            <li key={l.id} data-letter={l.id}>
              <div><strong>To {l.recipient}</strong> <Badge value={l.status} kind="status" /> <span class="muted">{time(l.createdAt)}</span></div>
              <p>{l.body}</p>
              {l.status === 'DRAFT' && (
                <div class="inline-actions">
                  <ActionForm submit="Approve" label={`Approve the letter to ${l.recipient}`} onSubmit={() => decide(l, true)} />
                  <ActionForm submit="Reject" danger label={`Reject the letter to ${l.recipient}`} onSubmit={() => decide(l, false)} />
                </div>
              )}
            </li>
          ))}
        </ul>
      ) : !list.error && <Empty>No letters.</Empty>}
      <More next={list.next} />
    </Page>
  );
}
