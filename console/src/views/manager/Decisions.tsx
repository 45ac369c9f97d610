import { disclosure, ok } from '../../api/http';
import type { Case, Page as ListPage } from '../../api/types';
import { Empty, ErrorBox, Loading, Page, useAsync } from '../../ui/components';
import { CaseTable } from '../shared/Cases';

async function all(status: 'RAISED' | 'DISCLOSED'): Promise<Case[]> {
  const out: Case[] = [];
  let cursor: string | undefined;
  do {
    const p = await ok<ListPage<Case>>(disclosure.GET('/disclosures', { params: { query: { status, limit: 500, cursor } } }));
    out.push(...p.items);
    cursor = p.nextCursor ?? undefined;
  } while (cursor && out.length < 2000);
  return out;
}

/** Cases waiting for a manager's decision: raised and undecided, or shared in an emergency and not yet reviewed. */
export function Decisions() {
  const waiting = useAsync(async () => {
    const [raised, disclosed] = await Promise.all([all('RAISED'), all('DISCLOSED')]);
    return [...raised.filter((c) => !c.decision), ...disclosed.filter((c) => !c.decision && c.shares.some((s) => s.emergency))];
  }, []);
  return (
    <Page title="Decisions waiting" actions={<button type="button" onClick={() => waiting.reload()}>Refresh</button>}>
      <p>Cases that need a manager other than the raiser to approve or reject, with a lawful basis (R-PROC-2).
        Open one to see its outcome, rules and steps, and decide.</p>
      <ErrorBox error={waiting.error} />
      {waiting.loading ? <Loading /> : waiting.data?.length ? <CaseTable cases={waiting.data} caption="Cases waiting for a decision" /> : !waiting.error && <Empty>No case is waiting for a decision.</Empty>}
    </Page>
  );
}
