import { useState } from 'preact/hooks';
import { disclosure, idempotencyKey, ok } from '../../api/http';
import type { Case } from '../../api/types';
import { ADVICE, CONSULTED_ROLES, LAWFUL_BASES, label, RESPONSES, SHARE_METHODS } from '../../api/enums';
import { authState } from '../../auth';
import { ActionForm, Badge, Check, CheckGroup, ErrorBox, Loading, Page, Rule, SelectField, TextField, time, useAsync } from '../../ui/components';
import { nextStep, stepDone } from './nextStep';
import { AssessmentView } from './AssessmentView';

type Update = (c: Case) => void;
const path = (id: string) => ({ params: { path: { id } } });

function Involvement({ c, done }: { c: Case; done: Update }) {
  const [informed, setInformed] = useState(true);
  const [response, setResponse] = useState<(typeof RESPONSES)[number]>('AGREED');
  const [reason, setReason] = useState('');
  return (
    <ActionForm submit="Record the client's involvement" label="Client involvement" onSubmit={async () =>
      done(await ok<Case>(disclosure.POST('/disclosures/{id}/client-involvement', { ...path(c.id), body: { informed, response, reason: reason || undefined } })))}>
      <Check label="The client was told" checked={informed} onChange={setInformed} name="informed" />
      <SelectField label="Their response" name="response" value={response} options={RESPONSES} onChange={setResponse} />
      <TextField label="Reason (required when not told because of risk)" name="reason" value={reason} onInput={setReason} multiline />
    </ActionForm>
  );
}

function Consult({ c, done }: { c: Case; done: Update }) {
  const [consultedRole, setRole] = useState<(typeof CONSULTED_ROLES)[number]>('MANAGER');
  const [consultedId, setId] = useState('');
  const [orgId, setOrg] = useState('');
  const [advice, setAdvice] = useState<(typeof ADVICE)[number]>('SUPPORT');
  const [note, setNote] = useState('');
  return (
    <ActionForm submit="Record the consultation" label="Consultation" onSubmit={async () =>
      done(await ok<Case>(disclosure.POST('/disclosures/{id}/consultations', { ...path(c.id),
        body: { consultedRole, consultedId: consultedId || undefined, orgId: orgId || undefined, advice, note: note || undefined },
        headers: { 'Idempotency-Key': idempotencyKey() } })))}>
      <div class="row">
        <SelectField label="Consulted" name="consultedRole" value={consultedRole} options={CONSULTED_ROLES} onChange={setRole} />
        <TextField label="Their id" name="consultedId" value={consultedId} onInput={setId} />
        <TextField label="Their organisation (partner representative)" name="orgId" value={orgId} onInput={setOrg} />
        <SelectField label="Advice" name="advice" value={advice} options={ADVICE} onChange={setAdvice} />
      </div>
      <TextField label="Note" name="note" value={note} onInput={setNote} multiline />
    </ActionForm>
  );
}

function Decide({ c, done }: { c: Case; done: Update }) {
  const [decision, setDecision] = useState<'APPROVED' | 'REJECTED'>('APPROVED');
  const [lawfulBasis, setBasis] = useState<(typeof LAWFUL_BASES)[number] | ''>('');
  const [rationale, setRationale] = useState('');
  return (
    <ActionForm submit="Record the decision" label="Decision" onSubmit={async () =>
      done(await ok<Case>(disclosure.POST('/disclosures/{id}/decision', { ...path(c.id),
        body: { decision, rationale, lawfulBasis: lawfulBasis || undefined } })))}>
      <fieldset class="checks">
        <legend>Decision</legend>
        {(['APPROVED', 'REJECTED'] as const).map((d) => (
          <label key={d}><input type="radio" name="decision" value={d} checked={decision === d} onChange={() => setDecision(d)} /> {d === 'APPROVED' ? 'Approve' : 'Reject'}</label>
        ))}
      </fieldset>
      <SelectField label="Lawful basis (required to approve)" name="lawfulBasis" value={lawfulBasis} options={LAWFUL_BASES} onChange={setBasis} blank="Choose…" />
      <TextField label="Rationale" name="rationale" value={rationale} onInput={setRationale} multiline required />
    </ActionForm>
  );
}

function ShareForm({ c, done }: { c: Case; done: Update }) {
  const recipients = (c.proposedRecipients ?? []).map((r) => r.type);
  const [recipientType, setType] = useState(recipients[0] ?? 'GP');
  const [recipientName, setName] = useState('');
  const [method, setMethod] = useState<(typeof SHARE_METHODS)[number]>('SECURE_PORTAL');
  const [categories, setCategories] = useState<string[]>([...(c.categories ?? [])]);
  const [emergency, setEmergency] = useState(!c.decision && !!c.assessment?.emergencyAllowed);
  return (
    <ActionForm submit="Record the share" label="Share" onSubmit={async () =>
      done(await ok<Case>(disclosure.POST('/disclosures/{id}/shares', { ...path(c.id),
        body: { recipientType, recipientName: recipientName || undefined, method, categories: categories as never, emergency },
        headers: { 'Idempotency-Key': idempotencyKey() } })))}>
      <div class="row">
        <SelectField label="Recipient" name="recipientType" value={recipientType} options={recipients} onChange={setType} />
        <TextField label="Recipient's name" name="recipientName" value={recipientName} onInput={setName} />
        <SelectField label="Method" name="method" value={method} options={SHARE_METHODS} onChange={setMethod} />
      </div>
      <CheckGroup legend="Information shared (the minimum necessary, R-PROC-3)" name="share-categories" options={c.categories ?? []} value={categories as never} onChange={(v) => setCategories(v)} />
      {c.assessment?.emergencyAllowed && <Check label="Emergency share before a decision (a retrospective decision follows)" checked={emergency} onChange={setEmergency} name="emergency" />}
    </ActionForm>
  );
}

function FollowUpForm({ c, done }: { c: Case; done: Update }) {
  const [supportOffered, setSupport] = useState(true);
  const [told, setTold] = useState(true);
  const [note, setNote] = useState('');
  return (
    <ActionForm submit="Record the follow-up" label="Follow-up" onSubmit={async () =>
      done(await ok<Case>(disclosure.POST('/disclosures/{id}/follow-up', { ...path(c.id),
        body: { supportOffered, clientInformedOfOutcome: told, note: note || undefined } })))}>
      <Check label="Continuing support was offered" checked={supportOffered} onChange={setSupport} name="supportOffered" />
      <Check label="The client was told the outcome" checked={told} onChange={setTold} name="clientInformedOfOutcome" />
      <TextField label="Note (required when the client was not told)" name="followUpNote" value={note} onInput={setNote} multiline />
    </ActionForm>
  );
}

function Close({ c, done }: { c: Case; done: Update }) {
  return <ActionForm submit="Close the case" label="Close" onSubmit={async () => done(await ok<Case>(disclosure.POST('/disclosures/{id}/close', path(c.id))))} />;
}

const FORMS: Record<string, { title: string; form: (p: { c: Case; done: Update }) => preact.JSX.Element; managerOnly?: boolean }> = {
  INVOLVE_CLIENT: { title: 'Client involvement (R-PROC-1)', form: Involvement },
  CONSULT: { title: 'Consultation (R-PROC-2)', form: Consult },
  MANAGER_DECISION: { title: 'Decision (R-PROC-2)', form: Decide, managerOnly: true },
  SHARE_MINIMUM_NECESSARY: { title: 'Share (R-PROC-3)', form: ShareForm },
  FOLLOW_UP: { title: 'Follow-up (R-PROC-1)', form: FollowUpForm },
  CLOSE: { title: 'Close', form: Close, managerOnly: true },
};

export function CaseDetail({ id }: { id: string }) {
  const session = authState().session!;
  const loaded = useAsync(() => ok<Case>(disclosure.GET('/disclosures/{id}', path(id))), [id]);
  const [updated, setUpdated] = useState<Case | null>(null);
  const c = updated && updated.id === id ? updated : loaded.data;
  const isManager = session.role === 'manager';
  const next = c ? nextStep(c) : null;
  const nextCode = next?.code.startsWith('PARTNER_SUPPORT:') ? 'CONSULT' : next?.code === 'SEEK_CONSENT' ? 'MANAGER_DECISION' : next?.code;
  const main = nextCode ? FORMS[nextCode] : undefined;
  const mayTakeNext = main && (!main.managerOnly || isManager) && !(nextCode === 'MANAGER_DECISION' && c?.raisedBy === session.subject);
  return (
    <Page title="Disclosure case">
      <ErrorBox error={loaded.error} />
      {loaded.loading && !c && <Loading />}
      {c && next && (
        <>
          <div class={`next-step ${next.code === 'CLOSED' ? 'done' : ''}`} data-testid="next-step" data-code={next.code} role="status">
            <strong>Next required step:</strong> {label(next.code)} <Rule id={next.rule} /> — {next.text}
            {next.who !== 'nobody' && <span class="muted"> ({next.who === 'manager' ? 'a manager' : 'the raiser or a manager'}{next.code === 'MANAGER_DECISION' ? ', not the raiser' : ''})</span>}
          </div>
          <dl class="facts">
            <dt>Case</dt><dd><code>{c.id}</code></dd>
            <dt>Client</dt><dd><a href={`#/clients/${c.clientId}`}>{c.clientId}</a></dd>
            <dt>Status</dt><dd><Badge value={c.status} kind="status" /></dd>
            <dt>Outcome</dt><dd><Badge value={c.outcome} /> deciding rule <Rule id={c.assessment?.decidingRule} /></dd>
            <dt>Raised</dt><dd>{time(c.raisedAt)} by {c.raisedByRole} {c.raisedBy}</dd>
            <dt>Grounds</dt><dd>{(c.grounds ?? []).map(label).join(', ')}; {label(c.immediacy)}; {label(c.context)}</dd>
            <dt>Summary</dt><dd>{c.summary}</dd>
            {c.decision && <><dt>Decision</dt><dd><Badge value={c.decision.decision} /> {label(c.decision.lawfulBasis)} by {c.decision.by}{c.decision.retrospective ? ' (retrospective)' : ''}: {c.decision.rationale}</dd></>}
          </dl>
          <h2>Required steps</h2>
          <ol class="steps-list">
            {(c.assessment?.requiredSteps ?? []).map((s) => (
              <li key={s.code} class={stepDone(c, s.code) ? 'ok' : s.code === next.code ? 'current' : ''}>
                {stepDone(c, s.code) ? '✓ ' : s.code === next.code ? '→ ' : '○ '}{label(s.code)} <Rule id={s.rule} />: {s.text}
              </li>
            ))}
          </ol>
          {mayTakeNext && main && (
            <div class="card">
              <h2>{main.title}</h2>
              <main.form c={c} done={setUpdated} />
            </div>
          )}
          {next.code !== 'CLOSED' && (
            <details class="card">
              <summary>Record another step</summary>
              {Object.entries(FORMS).filter(([code, f]) => code !== nextCode && (!f.managerOnly || isManager)).map(([code, f]) => (
                <div key={code}><h3>{f.title}</h3><f.form c={c} done={setUpdated} /></div>
              ))}
            </details>
          )}
          <h2>Steps so far</h2>
          <ol class="timeline">
            {(c.steps ?? []).map((s, i) => (
              <li key={i}><div class="when">{time(s.at)}</div><div class="what"><strong>{label(s.kind)}</strong> by {s.actorRole} {s.actorId}</div></li>
            ))}
          </ol>
          <h2>Assessment</h2>
          <AssessmentView a={c.assessment} />
        </>
      )}
    </Page>
  );
}
