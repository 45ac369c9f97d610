// What the console server tells the browser (GET /config.json): the sign-in to offer and the audit key it trusts.
export interface ConsoleConfig {
  devLogin: boolean;
  oidc: { issuer: string; clientId: string; scope: string } | null;
  /** The audit checkpoint signing key (raw Ed25519, base64) the operator published; null: none pinned. */
  auditPublicKey: string | null;
  roles?: string[];
}

let config: ConsoleConfig | null = null;

export async function loadConfig(): Promise<ConsoleConfig> {
  const r = await fetch('/config.json', { cache: 'no-store' });
  if (!r.ok) throw new Error(`the console server answered ${r.status} for /config.json`);
  config = (await r.json()) as ConsoleConfig;
  return config;
}

export function getConfig(): ConsoleConfig {
  if (!config) throw new Error('config not loaded');
  return config;
}
