import { useState } from 'preact/hooks';
import { audit, ok } from '../../api/http';
import { ActionForm, Page, SelectField, TextField } from '../../ui/components';

export function ExportLog() {
  const [format, setFormat] = useState<'jsonl' | 'csv'>('jsonl');
  const [fromSeq, setFromSeq] = useState('');
  const [toSeq, setToSeq] = useState('');
  const [done, setDone] = useState<string | null>(null);
  return (
    <Page title="Export">
      <p>A download of your organisation's entries. Check hashes against the JSONL export: the CSV neutralises
        cells a spreadsheet would run as formulas.</p>
      <ActionForm submit="Download" label="Export the log" onSubmit={async () => {
        // The token cannot ride on a plain link: fetch with it, then hand the browser the file.
        const blob = await ok<Blob>(audit.GET('/audit/export', {
          params: { query: { format, fromSeq: fromSeq ? Number(fromSeq) : undefined, toSeq: toSeq ? Number(toSeq) : undefined } },
          parseAs: 'blob',
        }));
        const name = `confide-audit.${format}`;
        const a = Object.assign(document.createElement('a'), { href: URL.createObjectURL(blob), download: name });
        a.click();
        setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
        setDone(`${name}: ${blob.size} bytes`);
      }}>
        <div class="row">
          <SelectField label="Format" name="format" value={format} options={['jsonl', 'csv'] as const} onChange={setFormat} />
          <TextField label="From seq" name="fromSeq" type="number" value={fromSeq} onInput={setFromSeq} />
          <TextField label="To seq" name="toSeq" type="number" value={toSeq} onInput={setToSeq} />
        </div>
      </ActionForm>
      {done && <p role="status" data-testid="export-done">Downloaded {done}.</p>}
    </Page>
  );
}
