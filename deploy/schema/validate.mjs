// Validates Kubernetes objects, one JSON object per line on stdin, against the Kubernetes API schemas
// that the kubernetes-models package carries. Custom resources (Strimzi, CloudNativePG) are reported as
// skipped: their schemas come with the operators, not with this package.
// Prints one line per object and "N passed, N failed"; exits 1 if any object is invalid.
import fs from 'node:fs';

const docs = fs.readFileSync(0, 'utf8').split('\n').filter(l => l.trim()).map(l => JSON.parse(l));
let passed = 0, failed = 0;
for (const d of docs) {
  const name = `${d.kind} ${d.metadata?.namespace ?? ''}/${d.metadata?.name}`;
  const core = !d.apiVersion.includes('.') || d.apiVersion.endsWith('.k8s.io/' + d.apiVersion.split('/')[1]);
  if (!core) {
    console.log(`skip  ${name} (${d.apiVersion}: custom resource)`);
    continue;
  }
  const Model = (await import(`kubernetes-models/${d.apiVersion}`))[d.kind];
  try {
    new Model(d).validate();
    passed++;
    console.log(`ok    ${name} matches the ${d.apiVersion} schema`);
  } catch (e) {
    failed++;
    console.log(`FAIL  ${name}: ${e.message}`);
  }
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
