// Sign-in. The token lives in this module's memory only: never in a URL, localStorage or a cookie, so a reload
// signs the user out. Production: OIDC authorization code with PKCE (oidc-client-ts) against CONFIDE_OIDC_ISSUER;
// locally (./confide up): the console server's dev sign-in mints a token for a chosen role, org and user.
import { InMemoryWebStorage, UserManager, WebStorageStateStore } from 'oidc-client-ts';
import { getConfig } from './config';
import type { Session } from './api/types';

export type Role = 'compliance' | 'manager' | 'practitioner' | 'client';
export interface AuthState {
  token: string | null;
  session: Session | null;
  /** Why the last session ended (an expired or refused token), shown on the sign-in page. */
  notice: string | null;
}

let state: AuthState = { token: null, session: null, notice: null };
const listeners = new Set<() => void>();
let manager: UserManager | null = null;

export function currentToken(): string | null {
  return state.token;
}
export function authState(): AuthState {
  return state;
}
export function subscribe(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}
function set(next: Partial<AuthState>) {
  state = { ...state, ...next };
  listeners.forEach((l) => l());
}

/** Signs in with a token: asks records-service's GET /session who the token says the caller is. */
export async function signInWithToken(token: string): Promise<Session> {
  const r = await fetch('/api/records/session', { headers: { Authorization: `Bearer ${token}` } });
  if (r.status === 401) throw new Error('the services refused this token (expired, or not signed by the trusted key)');
  if (!r.ok) throw new Error(`GET /session answered ${r.status}`);
  const session = (await r.json()) as Session;
  set({ token, session, notice: null });
  return session;
}

/** Dev sign-in (only when the console server runs with CONFIDE_CONSOLE_DEV_LOGIN=true, ./confide up). */
export async function devSignIn(role: string, org: string, sub: string): Promise<Session> {
  const r = await fetch('/dev/token', {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ role, org, sub }),
  });
  const body = await r.json().catch(() => ({}));
  if (!r.ok) throw new Error(body.detail ?? `dev sign-in answered ${r.status}`);
  return signInWithToken(body.token as string);
}

function oidcManager(): UserManager | null {
  const oidc = getConfig().oidc;
  if (!oidc) return null;
  manager ??= new UserManager({
    authority: oidc.issuer,
    client_id: oidc.clientId,
    scope: oidc.scope,
    redirect_uri: `${location.origin}/`,
    response_type: 'code', // with PKCE, which oidc-client-ts always uses for the code flow
    // The user (and its tokens) in memory; only the short-lived state and PKCE verifier of a sign-in in
    // progress in sessionStorage, so that they survive the redirect.
    userStore: new WebStorageStateStore({ store: new InMemoryWebStorage() }),
    stateStore: new WebStorageStateStore({ store: sessionStorage }),
    automaticSilentRenew: false,
  });
  return manager;
}

export async function oidcSignIn(): Promise<void> {
  const m = oidcManager();
  if (!m) throw new Error('no OIDC issuer is configured (CONFIDE_OIDC_ISSUER, CONFIDE_OIDC_CLIENT_ID)');
  await m.signinRedirect({ state: location.hash || '#/' });
}

/** Completes an OIDC redirect (?code=&state=), then takes the code out of the address bar. */
export async function completeOidcRedirect(): Promise<boolean> {
  const params = new URLSearchParams(location.search);
  if (!params.has('code') || !params.has('state')) return false;
  const m = oidcManager();
  if (!m) return false;
  try {
    const user = await m.signinRedirectCallback();
    const back = typeof user.state === 'string' ? user.state : '#/';
    history.replaceState(null, '', `/${back}`);
    await signInWithToken(user.access_token);
  } catch (e) {
    history.replaceState(null, '', '/#/signin');
    set({ notice: `Sign-in failed: ${e instanceof Error ? e.message : String(e)}` });
  }
  return true;
}

export function signOut(notice: string | null = null) {
  set({ token: null, session: null, notice });
  void manager?.removeUser();
}

export function signOutExpired() {
  if (state.token) signOut('Your session ended (the token expired or was refused). Sign in again.');
}
