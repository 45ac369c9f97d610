// Validates Kubernetes objects, one JSON object per line on stdin, against the schemas of kubernetes-models:
// the Kubernetes API (kubernetes-models), Strimzi (@kubernetes-models/strimzi-kafka-operator) and
// CloudNativePG (@kubernetes-models/cloudnative-pg). An apiVersion or kind none of them knows is a failure,
// never a skip: an object the check cannot read is one it cannot vouch for.
//
// The generated schemas accept any extra field (as the API server's pruning would), while `kubectl apply`
// rejects unknown fields. So the validation also runs on a recording proxy of the object: a schema that
// describes an object's properties reads each of them, so a key it never read is one no schema describes.
// Objects of which the schema reads nothing are free-form maps (Strimzi's `config`) and are not reported.
//
// Prints one line per object ("ok" or "FAIL") and "N passed, N failed"; exits 1 if any object is invalid.
import fs from 'node:fs';

// API group -> the package whose exports are "<package>/<group>/<version>".
const PACKAGES = {
  'kafka.strimzi.io': '@kubernetes-models/strimzi-kafka-operator/',
  'postgresql.cnpg.io': '@kubernetes-models/cloudnative-pg/',
};

function packageFor(apiVersion) {
  const group = apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
  if (!group.includes('.') || group.endsWith('.k8s.io')) return 'kubernetes-models/';
  return PACKAGES[group];
}

async function modelFor(d) {
  const pkg = typeof d.apiVersion === 'string' && packageFor(d.apiVersion);
  if (!pkg) throw new Error(`no schema package for apiVersion ${d.apiVersion}`);
  let mod;
  try {
    mod = await import(pkg + d.apiVersion);
  } catch {
    throw new Error(`${pkg.replace(/\/$/, '')} has no apiVersion ${d.apiVersion}`);
  }
  const Model = mod[d.kind];
  if (typeof Model !== 'function' || Model.kind !== d.kind) {
    throw new Error(`${pkg.replace(/\/$/, '')} has no kind ${d.kind} in ${d.apiVersion}`);
  }
  return Model;
}

// A deep proxy of node that records, per object, which keys the validator reads.
function recording(node, reads) {
  if (node === null || typeof node !== 'object') return node;
  const seen = new Set();
  reads.set(node, seen);
  const children = new Map();
  return new Proxy(node, {
    get(target, key, receiver) {
      if (typeof key === 'string' && Object.hasOwn(target, key)) {
        seen.add(key);
        if (!children.has(key)) children.set(key, recording(target[key], reads));
        return children.get(key);
      }
      if (typeof key === 'string') seen.add(key);
      return Reflect.get(target, key, receiver);
    },
  });
}

function unknownKeys(node, reads, path = []) {
  if (node === null || typeof node !== 'object') return [];
  if (Array.isArray(node)) return node.flatMap((el, i) => unknownKeys(el, reads, [...path, i]));
  const seen = reads.get(node);
  if (!seen || seen.size === 0) return []; // free-form, or not reached by the schema at all
  return Object.keys(node).flatMap(k =>
    seen.has(k) ? unknownKeys(node[k], reads, [...path, k]) : [[...path, k].join('.')]);
}

async function validateObject(d) {
  const Model = await modelFor(d);
  const model = new Model(d); // a plain deep copy of d
  model.validate(); // throws with the schema's message
  const plain = JSON.parse(JSON.stringify(model));
  const reads = new Map();
  Model.prototype.validate.call(recording(plain, reads));
  const unknown = unknownKeys(plain, reads);
  if (unknown.length) throw new Error(`fields no schema describes: ${unknown.join(', ')}`);
}

const docs = fs.readFileSync(0, 'utf8').split('\n').filter(l => l.trim()).map(l => JSON.parse(l));
let passed = 0, failed = 0;
for (const d of docs) {
  const name = `${d.kind} ${d.metadata?.namespace ?? ''}/${d.metadata?.name}`;
  try {
    await validateObject(d);
    passed++;
    console.log(`ok    ${name} matches the ${d.apiVersion} schema`);
  } catch (e) {
    failed++;
    console.log(`FAIL  ${name} (${d.apiVersion}): ${e.message.replace(/\s+/g, ' ')}`);
  }
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
