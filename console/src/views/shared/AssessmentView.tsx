import type { Assessment } from '../../api/types';
import { label } from '../../api/enums';
import { Badge, Rule } from '../../ui/components';

const OUTCOME_TEXT: Record<string, string> = {
  CONSENTED: 'Covered by the client\'s consent: share what the consent covers.',
  REQUIRED: 'Disclosure is required.',
  JUSTIFIED: 'Disclosure is justified, with the steps below.',
  NOT_JUSTIFIED: 'Disclosure is not justified: do not break confidentiality.',
};

/** An assessment: the outcome, the rules that decided it, each recipient's consent, the steps it requires. */
export function AssessmentView({ a }: { a: Assessment }) {
  return (
    <div class="assessment" data-testid="assessment" data-outcome={a.outcome}>
      <p class="outcome"><Badge value={a.outcome} /> {OUTCOME_TEXT[a.outcome] ?? ''}</p>
      <h3>Rules that decided it</h3>
      <ul data-testid="assessment-rules">
        {a.rules.map((r) => <li key={r.id}><Rule id={r.id} />{r.id === a.decidingRule ? ' (deciding)' : ''}: {r.text}</li>)}
      </ul>
      {a.findings && a.findings.length > 0 && (
        <>
          <h3>Per ground</h3>
          <ul>{a.findings.map((f) => <li key={f.ground}>{label(f.ground)}: <Badge value={f.outcome} /> {f.rules.map((r) => <Rule key={r} id={r} />)}</li>)}</ul>
        </>
      )}
      <h3>Recipients and consent</h3>
      {!a.consentChecked && <p class="bad">Consent could not be checked: it counts as not given (fail closed).</p>}
      <div class="table-wrap">
        <table>
          <thead><tr><th scope="col">Recipient</th><th scope="col">Information</th><th scope="col">Consent</th></tr></thead>
          <tbody>
            {a.recipients.flatMap((r) => r.categories.map((cat) => (
              <tr key={`${r.type}-${cat.category}`}><td>{label(r.type)}{r.name ? ` (${r.name})` : ''}</td><td>{label(cat.category)}</td>
                <td>{cat.permitted ? 'Covered' : 'Not covered'} ({label(cat.reason)})</td></tr>
            )))}
          </tbody>
        </table>
      </div>
      <h3>Steps it requires</h3>
      <ol>{a.requiredSteps.map((s) => <li key={s.code}>{label(s.code)} <Rule id={s.rule} />: {s.text}</li>)}</ol>
      {a.emergencyAllowed && <p><strong>An emergency share before a manager's decision is allowed</strong> (a retrospective decision follows).</p>}
      <p class="muted">Policy version {a.policyVersion}; purpose {label(a.purpose)}.</p>
    </div>
  );
}
