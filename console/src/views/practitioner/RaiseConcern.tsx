import { useState } from 'preact/hooks';
import { disclosure, idempotencyKey, ok, records } from '../../api/http';
import type { Assessment, Case, Client, Page as ListPage } from '../../api/types';
import { CATEGORIES, CONTEXTS, GROUNDS, IMMEDIACY, PURPOSES, RECIPIENT_TYPES, label } from '../../api/enums';
import { ActionForm, CheckGroup, ErrorBox, Page, SelectField, TextField, useAsync } from '../../ui/components';
import { go } from '../../router';
import { AssessmentView } from '../shared/AssessmentView';

type G = (typeof GROUNDS)[number];
type RT = (typeof RECIPIENT_TYPES)[number];
type Cat = (typeof CATEGORIES)[number];

/**
 * A guided concern: what happened, who would be told what, then the assessment (a dry run: nothing is stored)
 * showing the outcome and the rules that decided it, and only then, with a summary, the case is raised.
 */
export function RaiseConcern({ clientId: initial = '' }: { clientId?: string }) {
  const clients = useAsync(() => ok<ListPage<Client>>(records.GET('/clients', { params: { query: { limit: 200 } } })), []);
  const [step, setStep] = useState(1);
  const [clientId, setClientId] = useState(decodeURIComponent(initial));
  const [grounds, setGrounds] = useState<G[]>([]);
  const [immediacy, setImmediacy] = useState<(typeof IMMEDIACY)[number]>('SERIOUS');
  const [context, setContext] = useState<(typeof CONTEXTS)[number]>('ONE_TO_ONE');
  const [clientAge, setAge] = useState('');
  const [recipients, setRecipients] = useState<RT[]>([]);
  const [categories, setCategories] = useState<Cat[]>([]);
  const [purpose, setPurpose] = useState<(typeof PURPOSES)[number] | ''>('');
  const [chosenContact, setChosenContact] = useState<RT | ''>('');
  const [summary, setSummary] = useState('');
  const [assessment, setAssessment] = useState<Assessment | null>(null);
  const [error, setError] = useState<unknown>(null);

  const concern = () => ({
    clientId, grounds, immediacy, context, categories,
    proposedRecipients: recipients.map((type) => ({ type })),
    clientAge: clientAge ? Number(clientAge) : undefined,
    purpose: purpose || undefined,
    chosenContact: chosenContact || undefined,
  });
  const clientIds = (clients.data?.items ?? []).map((c) => c.id!).filter(Boolean);

  return (
    <Page title="Raise a concern">
      <ol class="wizard" aria-label="Steps">
        {['What happened', 'Who would be told what', 'Assessment'].map((t, i) => (
          <li key={t} aria-current={step === i + 1 ? 'step' : undefined} class={step > i + 1 ? 'ok' : ''}>{i + 1}. {t}</li>
        ))}
      </ol>
      <ErrorBox error={error} />
      {step === 1 && (
        <form aria-label="What happened" onSubmit={(e) => { e.preventDefault(); setError(null); if (grounds.length) setStep(2); else setError(new Error('Choose at least one ground.')); }}>
          {clientIds.length > 0
            ? <SelectField label="Client" name="clientId" value={clientId} options={clientIds} onChange={setClientId} blank="Choose a client…" required />
            : <TextField label="Client id" name="clientId" value={clientId} onInput={setClientId} required />}
          <CheckGroup legend="Grounds for concern" name="grounds" options={GROUNDS} value={grounds} onChange={setGrounds} />
          <div class="row">
            <SelectField label="How immediate" name="immediacy" value={immediacy} options={IMMEDIACY} onChange={setImmediacy} />
            <SelectField label="Where it came up" name="context" value={context} options={CONTEXTS} onChange={setContext} />
            <TextField label="Client's age (if under 18)" name="clientAge" type="number" value={clientAge} onInput={setAge} />
          </div>
          <button type="submit" class="primary">Next</button>
        </form>
      )}
      {step === 2 && (
        <ActionForm submit="Assess" label="Who would be told what" onSubmit={async () => {
          setError(null);
          if (!recipients.length || !categories.length) throw new Error('Choose at least one recipient and one kind of information.');
          setAssessment(await ok<Assessment>(disclosure.POST('/disclosure-assessments', { body: concern() })));
          setStep(3);
        }}>
          <CheckGroup legend="Who would be told" name="recipients" options={RECIPIENT_TYPES} value={recipients} onChange={setRecipients} />
          <CheckGroup legend="What they would be told" name="categories" options={CATEGORIES} value={categories} onChange={setCategories} />
          <SelectField label="Purpose" name="purpose" value={purpose} options={PURPOSES} onChange={setPurpose} blank="Safeguarding (default)" />
          <SelectField label="Whom the person asked to be contacted (R-BRK-2)" name="chosenContact" value={chosenContact}
            options={RECIPIENT_TYPES} onChange={setChosenContact} blank="Not asked yet" />
          <button type="button" onClick={() => setStep(1)}>Back</button>
        </ActionForm>
      )}
      {step === 3 && assessment && (
        <>
          <p class="notice" role="status">Nothing has been stored yet: this is what the policies say about this concern.</p>
          <AssessmentView a={assessment} />
          <ActionForm submit="Raise the concern" label="Raise the concern" onSubmit={async () => {
            const c = await ok<Case>(disclosure.POST('/disclosures', { body: { ...concern(), summary }, headers: { 'Idempotency-Key': idempotencyKey() } }));
            go(`#/cases/${c.id}`);
          }}>
            <TextField label="Summary of the concern (kept sealed, never in an event)" name="summary" value={summary} onInput={setSummary} multiline required />
          </ActionForm>
          <button type="button" onClick={() => setStep(2)}>Back</button>
          <p class="muted">{label(assessment.outcome)}: you may also stop here; nothing is recorded.</p>
        </>
      )}
    </Page>
  );
}
