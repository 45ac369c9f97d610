import type { Case } from '../../api/types';

export interface NextStep {
  code: string;
  rule: string | null;
  text: string;
  /** Who may take it (docs/api.md disclosure-service). */
  who: 'raiser or manager' | 'manager' | 'nobody';
}

/** Advice the assessment gives that no API step records: shown, never waited for. */
const ADVISORY = new Set(['CHECK_CONSENT', 'ASSESS_GILLICK_COMPETENCE', 'EMERGENCY_SHARE_THEN_REVIEW']);

export function stepDone(c: Case, code: string): boolean {
  if (code.startsWith('PARTNER_SUPPORT:')) {
    const org = code.slice('PARTNER_SUPPORT:'.length);
    return c.consultations.some((x) => x.consultedRole === 'PARTNER_REPRESENTATIVE' && x.orgId === org && x.advice === 'SUPPORT');
  }
  switch (code) {
    case 'INVOLVE_CLIENT': return c.clientInvolvements.length > 0;
    case 'CONSULT': return c.consultations.length > 0 || !!c.decision;
    case 'MANAGER_DECISION': return !!c.decision;
    case 'SHARE_MINIMUM_NECESSARY': return c.shares.length > 0 || c.decision?.decision === 'REJECTED';
    case 'FOLLOW_UP': return !!c.followUp;
    case 'SEEK_CONSENT': return !!c.decision || !!c.followUp;
    default: return ADVISORY.has(code);
  }
}

/** The case's next required step, in the order the assessment lists them (R-PROC-1, R-PROC-2, R-PROC-3). */
export function nextStep(c: Case): NextStep {
  if (c.closed || c.status === 'CLOSED') return { code: 'CLOSED', rule: null, text: 'Closed: nothing more to do.', who: 'nobody' };
  const emergencyShareUndecided = c.shares.some((s) => s.emergency) && !c.decision;
  if (emergencyShareUndecided) {
    return { code: 'MANAGER_DECISION', rule: 'R-PROC-2', text: 'an emergency share was made: a manager other than the raiser must now decide, retrospectively, with a lawful basis', who: 'manager' };
  }
  for (const s of c.assessment?.requiredSteps ?? []) {
    if (stepDone(c, s.code)) continue;
    if (s.code === 'SEEK_CONSENT') return { code: s.code, rule: s.rule, text: `${s.text}; a manager may reject the case`, who: 'manager' };
    return { code: s.code, rule: s.rule, text: s.text, who: s.code === 'MANAGER_DECISION' ? 'manager' : 'raiser or manager' };
  }
  if (!c.followUp) return { code: 'FOLLOW_UP', rule: 'R-PROC-1', text: 'offer continuing support and tell the client the outcome', who: 'raiser or manager' };
  return { code: 'CLOSE', rule: 'R-PROC-1', text: 'every step is recorded: a manager closes the case', who: 'manager' };
}
