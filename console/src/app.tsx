import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { authState, signOut, subscribe, type Role } from './auth';
import { go, useHash } from './router';
import { SignIn } from './views/SignIn';
import { AuditSearch } from './views/compliance/AuditSearch';
import { AuditTrail } from './views/compliance/AuditTrail';
import { AuditEntryView } from './views/compliance/AuditEntry';
import { VerifyLog } from './views/compliance/VerifyLog';
import { ExportLog } from './views/compliance/ExportLog';
import { Decisions } from './views/manager/Decisions';
import { ConsentApprovals } from './views/manager/ConsentApprovals';
import { HoldsRetention } from './views/manager/HoldsRetention';
import { Clients } from './views/practitioner/Clients';
import { ClientDetail } from './views/practitioner/ClientDetail';
import { RaiseConcern } from './views/practitioner/RaiseConcern';
import { Cases } from './views/shared/Cases';
import { CaseDetail } from './views/shared/CaseDetail';
import { MyFile } from './views/client/MyFile';
import { MyConsents } from './views/client/MyConsents';
import { MyLetters } from './views/client/MyLetters';
import { AccessLog } from './views/client/AccessLog';

interface Route {
  path: RegExp;
  /** Exactly the roles the APIs behind the view allow (docs/api.md). */
  roles: Role[];
  view: (m: string[]) => JSX.Element;
}

const ROUTES: Route[] = [
  { path: /^#\/audit$/, roles: ['compliance'], view: () => <AuditSearch /> },
  { path: /^#\/audit\?(.*)$/, roles: ['compliance'], view: (m) => <AuditSearch query={m[1]} /> },
  { path: /^#\/audit\/trail\/([^/]+)$/, roles: ['compliance'], view: (m) => <AuditTrail correlationId={decodeURIComponent(m[1]!)} /> },
  { path: /^#\/audit\/trail$/, roles: ['compliance'], view: () => <AuditTrail correlationId="" /> },
  { path: /^#\/audit\/entries\/(\d+)$/, roles: ['compliance'], view: (m) => <AuditEntryView seq={Number(m[1])} /> },
  { path: /^#\/audit\/verify$/, roles: ['compliance'], view: () => <VerifyLog /> },
  { path: /^#\/audit\/export$/, roles: ['compliance'], view: () => <ExportLog /> },
  { path: /^#\/decisions$/, roles: ['manager'], view: () => <Decisions /> },
  { path: /^#\/consents\/pending$/, roles: ['manager'], view: () => <ConsentApprovals /> },
  { path: /^#\/holds$/, roles: ['manager'], view: () => <HoldsRetention /> },
  { path: /^#\/clients$/, roles: ['manager', 'practitioner'], view: () => <Clients /> },
  { path: /^#\/clients\/([^/]+)(?:\/([a-z]+))?$/, roles: ['manager', 'practitioner'], view: (m) => <ClientDetail id={m[1]!} tab={m[2]} /> },
  { path: /^#\/concern$/, roles: ['manager', 'practitioner'], view: () => <RaiseConcern /> },
  { path: /^#\/concern\?client=([^&]+)$/, roles: ['manager', 'practitioner'], view: (m) => <RaiseConcern clientId={m[1]} /> },
  { path: /^#\/cases$/, roles: ['manager', 'practitioner'], view: () => <Cases /> },
  { path: /^#\/cases\/([^/]+)$/, roles: ['manager', 'practitioner'], view: (m) => <CaseDetail id={m[1]!} /> },
  { path: /^#\/me\/file$/, roles: ['client'], view: () => <MyFile /> },
  { path: /^#\/me\/consents$/, roles: ['client'], view: () => <MyConsents /> },
  { path: /^#\/me\/letters$/, roles: ['client'], view: () => <MyLetters /> },
  { path: /^#\/me\/access-log$/, roles: ['client'], view: () => <AccessLog /> },
];

const NAV: Record<Role, [string, string][]> = {
  compliance: [['#/audit', 'Audit trail'], ['#/audit/trail', 'Disclosure trail'], ['#/audit/verify', 'Verify'], ['#/audit/export', 'Export']],
  manager: [['#/decisions', 'Decisions'], ['#/consents/pending', 'Consent approvals'], ['#/clients', 'Clients & letters'], ['#/cases', 'All cases'], ['#/holds', 'Holds & retention']],
  practitioner: [['#/clients', 'My clients'], ['#/concern', 'Raise a concern'], ['#/cases', 'My cases']],
  client: [['#/me/file', 'My file'], ['#/me/consents', 'My consents'], ['#/me/letters', 'Letters'], ['#/me/access-log', 'Who saw my file']],
};
const ROLE_NAMES: Record<Role, string> = { compliance: 'compliance', manager: 'managers', practitioner: 'practitioners', client: 'clients' };

function useAuth() {
  const [, setTick] = useState(0);
  useEffect(() => subscribe(() => setTick((t) => t + 1)), []);
  return authState();
}

export function App() {
  const auth = useAuth();
  const hash = useHash();
  const session = auth.session;
  const role = (session?.role ?? '') as Role;
  const nav = NAV[role] ?? [];
  // The nav item whose address is the longest prefix of this one is the current page.
  const current = nav.map(([h]) => h).filter((h) => hash === h || hash.startsWith(h + '/') || hash.startsWith(h + '?'))
    .sort((a, b) => b.length - a.length)[0];

  useEffect(() => {
    if (!session && hash !== '#/signin') go('#/signin');
    else if (session && (hash === '#/' || hash === '#/signin' || hash === '')) go(nav[0]?.[0] ?? '#/none');
  }, [session, hash]);

  let content: JSX.Element;
  if (!session) {
    content = <SignIn notice={auth.notice} />;
  } else {
    const match = ROUTES.map((r) => ({ r, m: r.path.exec(hash) })).find((x) => x.m);
    if (!match) {
      content = <div class="error" role="alert"><h1>Nothing here</h1><p>There is no view at this address{nav.length ? '' : ` for the role ${role}`}.</p></div>;
    } else if (!match.r.roles.includes(role)) {
      content = (
        <div class="error" role="alert" data-status="403">
          <h1>Not available to you</h1>
          <p>This view is for {match.r.roles.map((r) => ROLE_NAMES[r]).join(' and ')}. You are signed in as {role} of {session.org},
            and the services would refuse you its data (403).</p>
        </div>
      );
    } else {
      content = match.r.view(Array.from(match.m!));
    }
  }

  return (
    <>
      <a class="skip" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>Skip to content</a>
      <header class="top">
        <span class="brand">Confide Console</span>
        {session && (
          <>
            <nav aria-label="Main">
              <ul>{nav.map(([href, text]) => <li key={href}><a href={href} aria-current={href === current ? 'page' : undefined}>{text}</a></li>)}</ul>
            </nav>
            <span class="who" data-testid="who"><span class="badge">{role}</span> {session.subject} · {session.org}</span>
            <button type="button" onClick={() => { signOut(); go('#/signin'); }}>Sign out</button>
          </>
        )}
      </header>
      <main id="main" tabIndex={-1}>{content}</main>
    </>
  );
}
