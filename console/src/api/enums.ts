// The enum values the forms offer, checked at compile time against the generated OpenAPI types.
import type { components as C } from './generated/consent';
import type { components as D } from './generated/disclosure';
import type { components as R } from './generated/records';

type DS = D['schemas'];
export const GROUNDS = ['MEDICAL_EMERGENCY', 'RISK_TO_SELF', 'RISK_TO_OTHERS', 'CHILD_PROTECTION', 'VULNERABLE_ADULT',
  'TERRORISM', 'SERIOUS_CRIME', 'OTHER_ILLEGAL_ACTIVITY', 'LACKS_CAPACITY', 'THREAT_TO_STAFF', 'COURT_ORDER',
  'PSYCHOLOGICAL_DISTRESS'] as const satisfies readonly DS['Ground'][];
export const IMMEDIACY = ['IMMEDIATE', 'SERIOUS', 'CHRONIC', 'PAST'] as const satisfies readonly DS['Immediacy'][];
export const CONTEXTS = ['ONE_TO_ONE', 'GROUP_SESSION', 'NETWORK_MEETING', 'ONLINE', 'OTHER'] as const satisfies readonly DS['Context'][];
export const RECIPIENT_TYPES = ['GP', 'MENTAL_HEALTH_TEAM', 'EMERGENCY_SERVICES', 'CHILDRENS_SOCIAL_CARE', 'ADULT_SOCIAL_CARE',
  'POLICE', 'REFERRER', 'PARTNER_ORG', 'SUPERVISOR', 'FAMILY', 'NAMED_PERSON', 'COURT', 'STAFF'] as const satisfies readonly DS['RecipientType'][];
export const CATEGORIES = ['ATTENDANCE', 'CONTACT_DETAILS', 'IDENTITY', 'CASE_NOTES', 'RISK_INFORMATION', 'ASSESSMENT',
  'RECORDINGS', 'LOGISTICS'] as const satisfies readonly DS['Category'][];
export const PURPOSES = ['CONTINUING_CARE', 'REFERRAL_UPDATES', 'SUPERVISION', 'SAFEGUARDING', 'LETTER', 'CASE_STUDY',
  'GROUP_WORK', 'TRAINING', 'RECORDING'] as const satisfies readonly DS['Purpose'][];
export const LAWFUL_BASES = ['SAFEGUARDING', 'VITAL_INTERESTS', 'LEGAL_OBLIGATION', 'PUBLIC_INTEREST', 'CONSENT'] as const satisfies readonly DS['LawfulBasis'][];
export const RESPONSES = ['AGREED', 'REFUSED', 'UNABLE', 'LEFT_SESSION', 'NOT_INFORMED_RISK'] as const satisfies readonly DS['InvolvementResponse'][];
export const CONSULTED_ROLES = ['MANAGER', 'PROFESSIONAL', 'PARTNER_REPRESENTATIVE'] as const satisfies readonly DS['ConsultedRole'][];
export const ADVICE = ['SUPPORT', 'OPPOSE'] as const satisfies readonly DS['Advice'][];
export const SHARE_METHODS = ['SECURE_PORTAL', 'SECURE_EMAIL', 'LETTER', 'IN_PERSON', 'PHONE'] as const satisfies readonly DS['ShareMethod'][];
export const CONSENT_METHODS = ['WRITTEN_SIGNED', 'VERBAL', 'ELECTRONIC'] as const satisfies readonly C['schemas']['Method'][];
export const PROGRAMMES = ['COUNSELLING', 'ONE_TO_ONE', 'MENTORING', 'COACHING', 'GROUP', 'NETWORK_MEETING'] as const satisfies readonly R['schemas']['Programme'][];
export const NOTE_KINDS = ['SESSION', 'PHONE', 'ONLINE', 'GROUP', 'CONSULTATION'] as const satisfies readonly R['schemas']['NoteKind'][];

/** A code as people read it: RISK_TO_OTHERS → "Risk to others". */
export function label(code: string | null | undefined): string {
  if (!code) return '';
  const s = code.replace(/_/g, ' ').toLowerCase();
  return s.charAt(0).toUpperCase() + s.slice(1);
}
