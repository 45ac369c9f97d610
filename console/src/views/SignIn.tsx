import { useState } from 'preact/hooks';
import { getConfig } from '../config';
import { devSignIn, oidcSignIn, signInWithToken } from '../auth';
import { ActionForm, Page, SelectField, TextField } from '../ui/components';

const DEFAULT_SUB: Record<string, string> = { compliance: 'carol', manager: 'alice', practitioner: 'pete', client: '' };

export function SignIn({ notice }: { notice: string | null }) {
  const config = getConfig();
  const roles = (config.roles ?? []).filter((r) => r in DEFAULT_SUB);
  const [role, setRole] = useState(roles[0] ?? 'manager');
  const [org, setOrg] = useState('demo-org');
  const [sub, setSub] = useState(DEFAULT_SUB[roles[0] ?? 'manager'] ?? '');
  const [token, setToken] = useState('');
  return (
    <Page title="Sign in">
      {notice && <p class="notice" role="status">{notice}</p>}
      {config.oidc && (
        <div class="card">
          <p>Sign in with your organisation's identity provider ({new URL(config.oidc.issuer).host}).</p>
          <ActionForm submit="Sign in" onSubmit={() => oidcSignIn()} label="Sign in with your identity provider" />
        </div>
      )}
      {config.devLogin && (
        <div class="card dev">
          <h2>Local sign-in</h2>
          <p class="muted">Only on a local stack (<code>./confide up</code>): the console server mints a token for the
            role, organisation and user you pick. A production start refuses this.</p>
          <ActionForm submit="Sign in" label="Local sign-in" onSubmit={() => devSignIn(role, org.trim(), sub.trim())}>
            <div class="row">
              <SelectField label="Role" name="role" value={role} options={roles} onChange={(r) => { setRole(r); setSub(DEFAULT_SUB[r] ?? ''); }} />
              <TextField label="Organisation" name="org" value={org} onInput={setOrg} required />
              <TextField label={role === 'client' ? 'Client id' : 'User'} name="sub" value={sub} onInput={setSub} required
                hint={role === 'client' ? 'A client signs in as their client id (shown on their file to their practitioner).' : undefined} />
            </div>
          </ActionForm>
          <details>
            <summary>Paste a token instead</summary>
            <ActionForm submit="Use this token" label="Sign in with a token" onSubmit={() => signInWithToken(token.trim())}>
              <TextField label="Token (./confide token ROLE --org ORG --sub ID)" name="token" value={token} onInput={setToken} multiline required />
            </ActionForm>
          </details>
        </div>
      )}
      {!config.oidc && !config.devLogin && (
        <p class="error" role="alert">No sign-in is configured: set CONFIDE_OIDC_ISSUER and CONFIDE_OIDC_CLIENT_ID for the console server.</p>
      )}
    </Page>
  );
}
