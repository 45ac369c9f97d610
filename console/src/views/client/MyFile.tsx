import { ok, records } from '../../api/http';
import type { MyFile as File } from '../../api/types';
import { label } from '../../api/enums';
import { Badge, Empty, ErrorBox, Loading, Page, time, useAsync } from '../../ui/components';

/** Everything records-service holds about the caller (R-REC-2). */
export function MyFile() {
  const file = useAsync(() => ok<File>(records.GET('/me/file')), []);
  const f = file.data;
  return (
    <Page title="My file">
      <p class="muted">Everything this service holds about you. Your information is shared without your consent only in the
        situations the policies name; who saw or shared it is under "Who saw my file".</p>
      <ErrorBox error={file.error} />
      {file.loading && <Loading />}
      {f && (
        <>
          <dl class="facts">
            <dt>Name</dt><dd data-testid="my-name">{f.identity?.fullName}</dd>
            <dt>Date of birth</dt><dd>{f.identity?.dateOfBirth}</dd>
            <dt>Programme</dt><dd>{label(f.client.programme)}</dd>
            <dt>Status</dt><dd><Badge value={f.client.status} kind="status" /></dd>
            <dt>Practitioner</dt><dd>{f.client.allocatedPractitionerId}</dd>
          </dl>
          <h2>Notes about my sessions</h2>
          {f.notes.length ? <ul class="notes">{f.notes.map((n) => <li key={n.id}><div class="muted">{n.sessionDate} · {label(n.kind)}</div><p>{n.body}</p></li>)}</ul> : <Empty>No notes.</Empty>}
          <h2>Letters</h2>
          {f.letters.length ? <ul>{f.letters.map((l) => <li key={l.id}>To {l.recipient} <Badge value={l.status} kind="status" /></li>)}</ul> : <Empty>No letters.</Empty>}
          <h2>Milestones</h2>
          {f.milestones.length ? <ul>{f.milestones.map((m, i) => <li key={i}>{label(m.type)} {time(m.at)}</li>)}</ul> : <Empty>None.</Empty>}
          {f.groups.length > 0 && <><h2>Groups</h2><ul>{f.groups.map((g, i) => <li key={i}>{g.name ?? g.groupId}</li>)}</ul></>}
        </>
      )}
    </Page>
  );
}
