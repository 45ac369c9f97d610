// Parses and validates an AsyncAPI document (docs/asyncapi.yaml) with the AsyncAPI parser: the AsyncAPI 3.0 schema,
// every $ref resolved, every message payload a valid schema. Any diagnostic of severity error is a failure, and so is
// a document with no messages (one the parser read as something else).
// Prints "ok: N channels, N messages" or the diagnostics; exits 1 on failure.
import fs from 'node:fs';
import { Parser, DiagnosticSeverity } from '@asyncapi/parser';

const file = process.argv[2];
if (!file) {
  console.error('usage: node validate.mjs ASYNCAPI.yaml');
  process.exit(2);
}
const parser = new Parser();
const { document, diagnostics } = await parser.parse(fs.readFileSync(file, 'utf8'), { source: file });
const errors = diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error);
for (const d of diagnostics) {
  const where = d.path && d.path.length ? d.path.join('.') : '(document)';
  console.log(`${d.severity === DiagnosticSeverity.Error ? 'error' : 'note'}: ${where}: ${d.message} [${d.code}]`);
}
if (!document || errors.length > 0) {
  console.log(`FAIL: ${file} is not a valid AsyncAPI document (${errors.length} errors)`);
  process.exit(1);
}
const messages = document.allMessages().length;
if (document.version() !== '3.0.0' || messages === 0) {
  console.log(`FAIL: ${file}: AsyncAPI ${document.version()} with ${messages} messages`);
  process.exit(1);
}
console.log(`ok: ${file}: AsyncAPI ${document.version()}, ${document.allChannels().length} channels, ${messages} messages`);
