// What the APIs return where their OpenAPI documents say only `{}` or JsonNode today (issue 19 types them; then
// these give way to the generated components). Shapes as in docs/api.md.
import type { components as C } from './generated/consent';
import type { components as D } from './generated/disclosure';
import type { components as R } from './generated/records';

export type Consent = C['schemas']['ConsentView'];
export type Client = R['schemas']['ClientView'];
export type CaseView = D['schemas']['CaseView'];
export type Outcome = D['schemas']['Outcome'];

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Session {
  subject: string;
  org: string;
  role: string;
  roles: string[];
}

export interface Assessment {
  outcome: Outcome;
  groundsOutcome?: Outcome;
  decidingRule?: string | null;
  rules: { id: string; text: string }[];
  recipients: {
    type: string; name?: string | null; orgId?: string | null; consented: boolean; consentChecked?: boolean;
    categories: { category: string; permitted: boolean; reason: string; consentId?: string | null }[];
  }[];
  requiredSteps: { code: string; rule: string; text: string }[];
  consentChecked: boolean;
  emergencyAllowed: boolean;
  policyVersion: number;
  purpose?: string;
  findings?: { ground: string; outcome: Outcome; rules: string[] }[];
}

interface By { at: string; by: string; byRole: string }
export type Involvement = By & { informed: boolean; response: string; reason?: string | null };
export type Consultation = By & { consultedRole: string; consultedId?: string | null; orgId?: string | null; advice: string; note?: string | null };
export type Decision = By & { decision: 'APPROVED' | 'REJECTED'; lawfulBasis?: string | null; retrospective?: boolean; rationale?: string };
export type Share = By & { recipientType: string; recipientName?: string | null; method: string; categories: string[]; emergency: boolean; basis?: string };
export type FollowUp = By & { supportOffered: boolean; clientInformedOfOutcome: boolean; note?: string | null };

/** A disclosure case with the parts the document types as JsonNode spelt out. */
export type Case = Omit<CaseView, 'assessment' | 'clientInvolvements' | 'consultations' | 'decision' | 'shares' | 'followUp' | 'closed'> & {
  id: string;
  assessment: Assessment;
  clientInvolvements: Involvement[];
  consultations: Consultation[];
  decision: Decision | null;
  shares: Share[];
  followUp: FollowUp | null;
  closed: { at: string; by: string; byRole: string } | null;
};

export interface Note { id: string; clientId: string; sessionDate: string; kind: string; body: string; authorId: string; createdAt: string }
export interface Letter { id: string; clientId: string; recipient: string; body: string; status: 'DRAFT' | 'APPROVED' | 'REJECTED' | 'SENT'; authorId: string; createdAt: string; decidedAt?: string | null; sentAt?: string | null }
export interface Milestone { id?: string; type: string; at: string; practitionerId?: string | null }

export interface MyFile {
  client: Client;
  identity: { fullName?: string | null; dateOfBirth?: string | null; email?: string | null; phone?: string | null } | null;
  notes: Note[];
  letters: Letter[];
  milestones: Milestone[];
  supervisionNotes: { id: string; text: string; createdAt: string }[];
  groups: { groupId?: string; name?: string; kind?: string; attended?: number }[];
}

export interface AccessLogItem {
  seq: number; occurredAt: string; type: string; action: 'read' | 'shared'; actor: { role: string; org: string };
  purposeOfUse: string | null; rules: string[] | null; recipientOrg: string | null; recipientRole: string | null; correlationId: string | null;
}

export interface AuditEntry {
  seq: number; eventId: string; type: string; occurredAt: string; recordedAt: string; org: string;
  actor: { id: string | null; role: string | null }; clientId: string | null; correlationId: string | null; source: string;
  data: Record<string, unknown> | null; prevHash: string; hash: string;
}

export interface Checkpoint {
  org: string; seq: number; hash: string; treeSize: number; rootHash: string; note: string; signature: string;
  publicKey: string; signedAt: string; keyId?: string;
  cosignatures?: { witness: string; keyId: string; cosignedAt: string; line: string }[];
}

export interface Proof { seq: number; treeSize: number; leafIndex: number; hashes: string[]; hash: string; rootHash: string }
