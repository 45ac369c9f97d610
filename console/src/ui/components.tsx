import type { ComponentChildren, TargetedEvent } from 'preact';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ApiError } from '../api/http';
import { label } from '../api/enums';

/** Loads data on mount and when deps change; `reload` loads it again. */
export function useAsync<T>(fn: () => Promise<T>, deps: unknown[]) {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({ loading: true });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    fn().then((data) => live && setState({ data, loading: false }), (error) => live && setState({ error, loading: false }));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { ...state, reload };
}

const STATUS_TEXT: Record<number, string> = {
  400: 'The request was refused as malformed.',
  401: 'You are not signed in, or your session ended.',
  403: 'You may not do this: your role, or this record is not yours to see.',
  404: 'Not found (or it belongs to another organisation).',
  409: 'Not possible in the current state.',
  422: 'Refused by a rule.',
};

/** An API error as a message a person can act on: never a blank page. */
export function ErrorBox({ error }: { error: unknown }) {
  if (!error) return null;
  if (error instanceof ApiError) {
    const p = error.problem;
    return (
      <div class="error" role="alert" data-status={p.status}>
        <strong>{STATUS_TEXT[p.status] ?? p.title ?? 'Error'}</strong>
        {p.status ? <span class="muted"> ({p.status}{p.title ? ` ${p.title}` : ''})</span> : null}
        {p.detail && <p>{p.detail}</p>}
        {p.rule && <p>Rule: <code class="rule">{p.rule}</code></p>}
        {p.violations?.length ? (
          <ul>{p.violations.map((v) => <li key={v.field}><code>{v.field}</code>: {v.message}</li>)}</ul>
        ) : null}
      </div>
    );
  }
  return <div class="error" role="alert"><strong>Something went wrong.</strong> <p>{String(error instanceof Error ? error.message : error)}</p></div>;
}

export function Loading({ what = 'Loading' }: { what?: string }) {
  return <p class="muted" role="status">{what}…</p>;
}

export function Page({ title, children, actions }: { title: string; children: ComponentChildren; actions?: ComponentChildren }) {
  const h = useRef<HTMLHeadingElement>(null);
  // Focus moves to the new view's heading, so keyboard and screen-reader users land on it.
  useEffect(() => h.current?.focus(), [title]);
  return (
    <section>
      <div class="page-head">
        <h1 tabIndex={-1} ref={h}>{title}</h1>
        {actions && <div class="actions">{actions}</div>}
      </div>
      {children}
    </section>
  );
}

let fieldIds = 0;
function useId(prefix: string) {
  const id = useRef(`${prefix}-${++fieldIds}`);
  return id.current;
}

export function TextField({ label: text, value, onInput, type = 'text', required, hint, multiline, name, placeholder }: {
  label: string; value: string; onInput: (v: string) => void; type?: string; required?: boolean; hint?: string;
  multiline?: boolean; name?: string; placeholder?: string;
}) {
  const id = useId('f');
  const props = {
    id, name: name ?? id, value, required, placeholder, 'aria-describedby': hint ? `${id}-hint` : undefined,
    onInput: (e: TargetedEvent<HTMLInputElement | HTMLTextAreaElement>) => onInput(e.currentTarget.value),
  };
  return (
    <div class="field">
      <label for={id}>{text}{required && <span aria-hidden="true"> *</span>}</label>
      {multiline ? <textarea rows={4} {...props} /> : <input type={type as 'text'} {...props} />}
      {hint && <small id={`${id}-hint`} class="muted">{hint}</small>}
    </div>
  );
}

export function SelectField<T extends string>({ label: text, value, options, onChange, required, name, blank }: {
  label: string; value: T | ''; options: readonly T[]; onChange: (v: T) => void; required?: boolean; name?: string; blank?: string;
}) {
  const id = useId('s');
  return (
    <div class="field">
      <label for={id}>{text}{required && <span aria-hidden="true"> *</span>}</label>
      <select id={id} name={name ?? id} value={value} required={required} onChange={(e) => onChange(e.currentTarget.value as T)}>
        {blank !== undefined && <option value="">{blank}</option>}
        {options.map((o) => <option key={o} value={o}>{label(o)}</option>)}
      </select>
    </div>
  );
}

export function CheckGroup<T extends string>({ legend, options, value, onChange, name }: {
  legend: string; options: readonly T[]; value: T[]; onChange: (v: T[]) => void; name: string;
}) {
  return (
    <fieldset class="checks">
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={o}>
          <input type="checkbox" name={name} value={o} checked={value.includes(o)}
            onChange={(e) => onChange(e.currentTarget.checked ? [...value, o] : value.filter((x) => x !== o))} />
          {' '}{label(o)}
        </label>
      ))}
    </fieldset>
  );
}

export function Check({ label: text, checked, onChange, name }: { label: string; checked: boolean; onChange: (v: boolean) => void; name?: string }) {
  return (
    <label class="check"><input type="checkbox" name={name} checked={checked} onChange={(e) => onChange(e.currentTarget.checked)} /> {text}</label>
  );
}

/** A form whose submit runs an async action, shows it is busy, and shows the API's refusal if any. */
export function ActionForm({ onSubmit, submit, children, label: aria, danger }: {
  onSubmit: () => Promise<unknown>; submit: string; children?: ComponentChildren; label?: string; danger?: boolean;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  return (
    <form aria-label={aria} onSubmit={async (e) => {
      e.preventDefault();
      setBusy(true);
      setError(null);
      try {
        await onSubmit();
      } catch (err) {
        setError(err);
      } finally {
        setBusy(false);
      }
    }}>
      {children}
      <ErrorBox error={error} />
      <button type="submit" class={danger ? 'danger' : 'primary'} disabled={busy} aria-busy={busy}>{busy ? `${submit}…` : submit}</button>
    </form>
  );
}

export function Badge({ value, kind }: { value: string | null | undefined; kind?: string }) {
  if (!value) return null;
  return <span class={`badge badge-${(kind ?? value).toLowerCase().replace(/_/g, '-')}`}>{label(value)}</span>;
}

export function Rule({ id }: { id: string | null | undefined }) {
  return id ? <code class="rule">{id}</code> : null;
}

export function time(s: string | null | undefined): string {
  if (!s) return '';
  const d = new Date(s);
  return Number.isNaN(d.getTime()) ? s : d.toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z');
}

export function short(id: string | null | undefined): string {
  return id ? id.slice(0, 8) : '';
}

export function Empty({ children }: { children: ComponentChildren }) {
  return <p class="empty muted">{children}</p>;
}

/** A list API's pages, loaded one after another with a "More" button. */
export function usePaged<T>(load: (cursor: string | null) => Promise<{ items: T[]; nextCursor: string | null }>, deps: unknown[]) {
  const first = useAsync(() => load(null), deps);
  const [more, setMore] = useState<{ items: T[]; cursor: string | null }>({ items: [], cursor: null });
  const [error, setError] = useState<unknown>(null);
  useEffect(() => setMore({ items: [], cursor: null }), [first.data]);
  const items = useMemo(() => [...(first.data?.items ?? []), ...more.items], [first.data, more.items]);
  const cursor = more.items.length ? more.cursor : (first.data?.nextCursor ?? null);
  const next = cursor ? async () => {
    try {
      const p = await load(cursor);
      setMore((m) => ({ items: [...m.items, ...p.items], cursor: p.nextCursor }));
    } catch (e) {
      setError(e);
    }
  } : null;
  return { items, loading: first.loading, error: first.error ?? error, reload: first.reload, next };
}

export function More({ next }: { next: (() => Promise<void>) | null }) {
  return next ? <button type="button" onClick={() => void next()}>More</button> : null;
}
