#!/usr/bin/env node
// Fetches the four services' OpenAPI documents into openapi/*.json and generates the typed clients' types from them
// (src/api/generated/*.ts, openapi-typescript). Against ./confide up's services by default:
//   npm run api:generate                        (consent 8081, disclosure 8082, records 8083, audit 8084)
//   npm run api:generate -- --offline           (from the committed openapi/*.json only)
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const ROOT = join(fileURLToPath(import.meta.url), '..', '..');
const SERVICES = { consent: 8081, disclosure: 8082, records: 8083, audit: 8084 };
const offline = process.argv.includes('--offline');
for (const [name, port] of Object.entries(SERVICES)) {
  const json = join(ROOT, 'openapi', `${name}.json`);
  if (!offline) {
    const base = process.env[`CONFIDE_${name.toUpperCase()}_URL`] ?? `http://127.0.0.1:${port}`;
    const r = await fetch(`${base}/q/openapi?format=json`);
    if (!r.ok) throw new Error(`${base}/q/openapi answered ${r.status}`);
    writeFileSync(json, JSON.stringify(await r.json(), null, 4) + '\n');
  }
  execFileSync(join(ROOT, 'node_modules/.bin/openapi-typescript'), [json, '-o', join(ROOT, 'src/api/generated', `${name}.ts`)], { stdio: 'inherit' });
}
