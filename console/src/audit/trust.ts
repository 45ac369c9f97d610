import { getConfig } from '../config';
import { remembered, type KeySource } from './verify';
import type { AuditEntry } from '../api/types';

/** The key a checkpoint must be signed with: the operator's pinned key, else the one this browser verified before. */
export function trustedKey(org: string): { key: string; source: KeySource } | null {
  const pinned = getConfig().auditPublicKey;
  if (pinned) return { key: pinned, source: 'pinned' };
  const r = remembered(org);
  return r ? { key: r.publicKey, source: 'remembered' } : null;
}

/** Entries seen on screen this session, so that an entry's page opens without another search. */
export const seenEntries = new Map<number, AuditEntry>();
