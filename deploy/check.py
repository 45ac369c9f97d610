#!/usr/bin/env python3
"""Offline checks of the deployment files (no cluster, no Docker engine needed).

    python3 deploy/check.py            # from the repository root; needs kubectl (any version, for
                                       # `kubectl kustomize`), python3-yaml, node with
                                       # `npm ci --prefix deploy/schema`, and docker compose or docker-compose

1. `kubectl kustomize` renders every overlay under deploy/k8s/overlays.
2. The rendered objects hold what docs/deploy.md promises: probes on /q/health/ready and /q/health/live,
   requests and limits, non-root, a Service, HPA and PDB per service; the three KafkaTopics with
   replicas the brokers can hold; KRaft node pools with controllers and brokers; a database and owner
   role per service, audit-service's runtime role owning nothing; the services' key vault in a Cluster
   of its own that is not backed up (R-REC-3); default-deny NetworkPolicies; no Secret.
3. Environment names: every name docker-compose.yml or a Deployment gives a service is one that service
   reads (its application.properties, the platform defaults, its @ConfigMapping interfaces), and every
   ${NAME} a service reads without a default usable in production is given to it.
4. `docker compose config -q` (the Compose v2 plugin, else docker-compose 1.29, Debian's package) accepts
   docker-compose.yml; it needs no Docker engine. A copy with a misspelt option must be refused.
5. Every rendered object matches its schema (deploy/schema/validate.mjs, after `npm ci --prefix deploy/schema`):
   Kubernetes kinds (kubernetes-models), Strimzi Kafka, KafkaNodePool, KafkaTopic
   (@kubernetes-models/strimzi-kafka-operator, API kafka.strimzi.io/v1, the only one Strimzi 1.0 serves) and
   CloudNativePG Cluster, Database (@kubernetes-models/cloudnative-pg). An apiVersion or kind without a
   schema fails, as does a field no schema describes. Broken copies of the rendered Kafka, KafkaTopic,
   Cluster and Database, and an unknown kind, must each be rejected: the check proves it can fail.
6. deploy/k8s/keycloak (the realm for the Keycloak operator) renders, is deploy/keycloak/realm_import.py's output from
   deploy/keycloak/realm.json, matches the operator's KeycloakRealmImport CRD (deploy/schema/crds, its
   openAPIV3Schema, unknown fields refused; broken copies must be rejected), and holds no password, user or
   literal client secret; realm.json holds the roles of docs/domain.md and the mappers the services read.

The tools are required (`./confide test` installs them: see check_deploy there); a missing one fails.
Prints one line per check and closes with "N passed, N failed"; exits 1 if any failed.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SERVICES = {"consent-service": 8081, "disclosure-service": 8082, "records-service": 8083, "audit-service": 8084}
TOPICS = ["consent-events", "disclosure-events", "records-events"]
# Names a container may carry that no Confide property names: the JVM's options and the environment
# form of any Quarkus property (QUARKUS_DATASOURCE_JDBC_MAX_SIZE, ...), which Quarkus maps itself.
ALWAYS_ALLOWED = re.compile(r"^(JAVA_OPTS|QUARKUS_[A-Z0-9_]+)$")
# Keys of the Secret that deploy/make-secrets.sh creates and every Deployment takes with envFrom.
JWT_SECRET_KEYS = {"confide-jwt": ["CONFIDE_JWT_PUBLIC_KEY", "CONFIDE_JWT_ISSUER"]}
# The key vault (R-REC-3): a Cluster of its own, never backed up, with a database per service that seals free
# text about clients (its owner role, the service's own), each reached by its own URL.
KEY_VAULT = "confide-keys-pg"
KEY_VAULT_DBS = {f"CONFIDE_{s.upper()}_KEYS_DB_URL": (f"confide_{s}_keys", f"confide_{s}")
                 for s in ("records", "consent", "disclosure")}
MASTER_KEYS = tuple(f"CONFIDE_{s.upper()}_MASTER_KEY" for s in ("records", "consent", "disclosure"))

passed, failed = 0, 0


def check(ok, what, detail=""):
    global passed, failed
    if ok:
        passed += 1
        print(f"ok    {what}")
    else:
        failed += 1
        print(f"FAIL  {what}{': ' + detail if detail else ''}")
    return ok


# ---------------------------------------------------------------- what each service reads

def env_name(prop):
    return re.sub(r"[^A-Z0-9]", "_", prop.upper())


def kebab(name):
    return re.sub(r"(?<!^)(?=[A-Z])", "-", name).lower()


def strip_comments(src):
    src = re.sub(r"/\*.*?\*/", "", src, flags=re.S)
    return re.sub(r"//[^\n]*", "", src)


def body_at(src, open_brace):
    depth = 0
    for i in range(open_brace, len(src)):
        if src[i] == "{":
            depth += 1
        elif src[i] == "}":
            depth -= 1
            if depth == 0:
                return src[open_brace + 1:i]
    return src[open_brace + 1:]


def top_level(body):
    """The text of a class body without its nested bodies, and the nested interfaces by name."""
    flat, nested, i = [], {}, 0
    while i < len(body):
        m = re.compile(r"interface\s+(\w+)[^{;]*\{").match(body, i)
        if m:
            inner = body_at(body, m.end() - 1)
            nested[m.group(1)] = inner
            i = m.end() + len(inner) + 1
            continue
        if body[i] == "{":  # a default method's body
            i += len(body_at(body, i)) + 2
            continue
        flat.append(body[i])
        i += 1
    return "".join(flat), nested


def mapping_properties(prefix, body, siblings):
    flat, nested = top_level(body)
    known = {**siblings, **nested}
    props = []
    for m in re.finditer(r"((?:@\w+(?:\([^)]*\))?\s*)*)([\w.<>, ?\[\]]+?)\s+(\w+)\s*\(\s*\)\s*;", flat):
        annotations, rtype, method = m.group(1), m.group(2).strip(), m.group(3)
        named = re.search(r'@WithName\(\s*"([^"]+)"\s*\)', annotations)
        key = f"{prefix}.{named.group(1) if named else kebab(method)}"
        inner = re.sub(r"^(Optional|List|Set)<(.+)>$", r"\2", rtype)
        if inner in known:
            props += mapping_properties(key, known[inner], known)
        else:
            props.append(key)
    return props


def config_mapping_env(java_root):
    names = set()
    for dirpath, _, files in os.walk(java_root):
        for f in files:
            if not f.endswith(".java"):
                continue
            src = strip_comments(open(os.path.join(dirpath, f), encoding="utf-8").read())
            m = re.search(r'@ConfigMapping\(\s*prefix\s*=\s*"([^"]+)"\s*\)[^{]*?interface\s+\w+[^{]*\{', src)
            if m:
                body = body_at(src, m.end() - 1)
                names |= {env_name(p) for p in mapping_properties(m.group(1), body, {})}
    return names


def property_env(path):
    """${NAME} and ${NAME:default} in a properties file: name -> has a default usable in prod."""
    found = {}
    if not os.path.exists(path):
        return found
    for line in open(path, encoding="utf-8"):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        key = line.split("=", 1)[0]
        if key.startswith("%") and not key.startswith("%prod."):
            continue  # test and dev profiles do not run in a container
        for m in re.finditer(r"\$\{([A-Z][A-Z0-9_]*)(:([^}]*))?\}", line):
            found[m.group(1)] = found.get(m.group(1), False) or m.group(2) is not None
    return found


def reads(service):
    """(every env name the service reads, the names whose local default must not be relied on)."""
    props = {}
    for path in [os.path.join(ROOT, "platform/src/main/resources/META-INF/microprofile-config.properties"),
                 os.path.join(ROOT, service, "src/main/resources/application.properties")]:
        for k, v in property_env(path).items():
            props[k] = props.get(k, False) or v
    names = set(props)
    names |= config_mapping_env(os.path.join(ROOT, "platform/src/main/java"))
    names |= config_mapping_env(os.path.join(ROOT, service, "src/main/java"))
    # A shared module's own mapping counts for the services that depend on it (allocation-copy: consent, disclosure).
    if "<artifactId>confide-allocation-copy</artifactId>" in open(os.path.join(ROOT, service, "pom.xml"), encoding="utf-8").read():
        names |= config_mapping_env(os.path.join(ROOT, "allocation-copy/src/main/java"))
    names = {n for n in names if not n.startswith("CONFIDE_TEST_")}
    # The local defaults (127.0.0.1, a key under .confide/) are wrong in a container: every ${NAME}
    # must be given, empty passwords included.
    required = {n for n in props if not n.startswith("CONFIDE_TEST_")}
    return names, required


def migrate_step(service):
    """(the variable that turns the service's migrate step on, the variables only that step may be given: the schema
    owner's credentials of the migration datasource, the variable of the database URL) or None when the service
    migrates at start itself."""
    path = os.path.join(ROOT, service, "src/main/resources/application.properties")
    props = {}
    for line in open(path, encoding="utf-8"):
        line = line.strip()
        if line and not line.startswith(("#", "%")) and "=" in line:
            key, value = line.split("=", 1)
            props[key.strip()] = value.strip()
    refs = lambda value: set(re.findall(r"\$\{([A-Z][A-Z0-9_]*)", value))
    flag = refs(props.get("confide.platform.db.migrate-only", ""))
    ds = props.get("confide.platform.db.migration-datasource")
    if len(flag) != 1 or not ds or ds == "<default>":
        return None
    prefix = f'quarkus.datasource."{ds}".'
    owner = set().union(*(refs(v) for k, v in props.items() if k.startswith(prefix)))
    elsewhere = set().union(*(refs(v) for k, v in props.items() if not k.startswith(prefix)))
    return next(iter(flag)), owner - elsewhere, refs(props.get("quarkus.datasource.jdbc.url", ""))


def env_values(env):
    """{name: value} of a container's env list or a compose environment (a value from a Secret counts as given)."""
    if isinstance(env, dict):
        return {k: str(v) for k, v in env.items()}
    if env and isinstance(env[0], dict):
        return {e["name"]: e.get("value", "<from " + next(iter(e.get("valueFrom", {"?": 0}))) + ">") for e in env}
    return {e.split("=", 1)[0]: e.split("=", 1)[1] if "=" in e else "" for e in env or []}


def check_migrate_step(where, service, runtime_env, steps):
    """A service with a migrate step: the running container is never given the owner's credentials and does not
    migrate; one step (same image, flag "true") is, and is given nothing the service does not read."""
    step = migrate_step(service)
    if step is None:
        return
    flag, owner, url = step
    given_owner = sorted(owner & set(runtime_env))
    check(not given_owner, f"{where}: {service} runs without the schema owner's credentials", ", ".join(given_owner))
    check(runtime_env.get(flag) == "false", f"{where}: {service} itself does not migrate ({flag}=false)",
          str(runtime_env.get(flag)))
    ran = [name for name, env in steps.items() if env.get(flag) == "true"]
    if not check(len(ran) == 1, f"{where}: {service} has one migrate step ({flag}=true)", str(ran)):
        return
    env = steps[ran[0]]
    names, _ = reads(service)
    unknown = sorted(n for n in env if n not in names and not ALWAYS_ALLOWED.match(n))
    missing = sorted((owner | url | {flag}) - set(env))
    check(not unknown, f"{where}: {service}'s migrate step {ran[0]} is given only names it reads", ", ".join(unknown))
    check(not missing, f"{where}: {service}'s migrate step {ran[0]} is given the owner's credentials and the database",
          "missing: " + ", ".join(missing))


def check_env(where, service, given):
    names, required = reads(service)
    unknown = sorted(n for n in given if n not in names and not ALWAYS_ALLOWED.match(n))
    step = migrate_step(service)
    # The owner's credentials belong to the migrate step alone (check_migrate_step).
    missing = sorted(required - set(given) - (step[1] if step else set()))
    check(not unknown, f"{where}: {service} is given only names it reads",
          "not read by the service: " + ", ".join(unknown))
    check(not missing, f"{where}: {service} is given every name it reads", "missing: " + ", ".join(missing))


# ---------------------------------------------------------------- Kubernetes

def kubectl():
    exe = os.environ.get("KUBECTL") or shutil.which("kubectl")
    if not exe:
        print("FAIL  kubectl not found (apt-get install kubernetes-client, or set KUBECTL)")
        sys.exit(1)
    return exe


def render(overlay):
    out = subprocess.run([kubectl(), "kustomize", overlay], capture_output=True, text=True)
    ok = check(out.returncode == 0, f"kubectl kustomize {os.path.relpath(overlay, ROOT)} renders",
               out.stderr.strip()[-400:])
    return [d for d in yaml.safe_load_all(out.stdout) if d] if ok else []


SCHEMA_DIR = os.path.join(ROOT, "deploy/schema")


def validate(objs):
    """Runs deploy/schema/validate.mjs on objs: one (ok, message) per object, in order; None without it."""
    if not shutil.which("node") or subprocess.run(["npm", "ls", "--prefix", SCHEMA_DIR], capture_output=True).returncode:
        check(False, "schema check", "needs node and `npm ci --prefix deploy/schema` (package.json's exact versions)")
        return None
    lines = "\n".join(json.dumps(o) for o in objs) + "\n"
    out = subprocess.run(["node", os.path.join(SCHEMA_DIR, "validate.mjs")], input=lines, capture_output=True, text=True)
    results = [(l.startswith("ok"), l[6:]) for l in out.stdout.splitlines() if l.startswith(("ok", "FAIL"))]
    if len(results) != len(objs):
        check(False, "schema check ran", out.stderr.strip()[-400:])
        return None
    return results


def check_schemas(name, objs):
    """Every rendered object against the Kubernetes, Strimzi and CloudNativePG schemas."""
    results = validate(objs)
    if results is None:
        return
    invalid = [msg for ok, msg in results if not ok]
    kinds = sorted({o["kind"] for o in objs})
    check(not invalid, f"[{name}] {len(objs)} objects match their schemas ({', '.join(kinds)})", "; ".join(invalid))
    for group, kinds in (("kafka.strimzi.io", {"Kafka", "KafkaNodePool", "KafkaTopic"}),
                         ("postgresql.cnpg.io", {"Cluster", "Database"})):
        found = {o["kind"] for o in objs if o["apiVersion"].startswith(group + "/")}
        check(kinds <= found, f"[{name}] {', '.join(sorted(kinds))} are among the schema-checked objects", str(found))
    old = sorted({f"{o['kind']} {o['apiVersion']}" for o in objs
                  if o["apiVersion"].startswith("kafka.strimzi.io/") and o["apiVersion"] != "kafka.strimzi.io/v1"})
    check(not old, f"[{name}] Strimzi resources use kafka.strimzi.io/v1 (Strimzi 1.0 serves no other)", ", ".join(old))


def broken_copies(objs):
    """(what is wrong, object) pairs made from the rendered objects: each must fail the schema check."""
    def first(kind):
        return json.loads(json.dumps(next(o for o in objs if o["kind"] == kind)))
    cases = []
    k = first("Kafka")
    k["spec"]["kafka"]["listeners"][0]["port"] = "9092"
    cases.append(("a Kafka whose listener port is a string", k))
    k = first("Kafka")
    k["spec"]["entityOperator"]["topicOperater"] = k["spec"]["entityOperator"].pop("topicOperator")
    cases.append(("a Kafka with a misspelt field (entityOperator.topicOperater)", k))
    k = first("Kafka")
    del k["spec"]["kafka"]["listeners"]
    cases.append(("a Kafka without listeners", k))
    t = first("KafkaTopic")
    t["spec"]["partitions"] = 0
    cases.append(("a KafkaTopic with 0 partitions", t))
    n = first("KafkaNodePool")
    n["spec"]["roles"] = ["zookeeper"]
    cases.append(("a KafkaNodePool with an unknown role", n))
    c = first("Cluster")
    c["spec"]["instances"] = 0
    cases.append(("a Cluster with 0 instances", c))
    c = first("Cluster")
    c["spec"]["storage"]["sise"] = c["spec"]["storage"].pop("size")
    cases.append(("a Cluster with a misspelt field (storage.sise)", c))
    d = first("Database")
    del d["spec"]["owner"]
    cases.append(("a Database without an owner", d))
    k = first("Kafka")
    k["apiVersion"] = "kafka.strimzi.io/v3"
    cases.append(("a Kafka of an API version no schema has", k))
    w = first("Cluster")
    w["kind"] = "Clustre"
    cases.append(("an unknown kind (postgresql.cnpg.io/v1 Clustre)", w))
    return cases


def check_schema_can_fail(objs):
    """The schema check rejects broken Strimzi and CloudNativePG objects (and accepts the originals)."""
    cases = broken_copies(objs)
    results = validate([o for _, o in cases])
    if results is None:
        return
    for (what, _), (ok, msg) in zip(cases, results):
        check(not ok, f"schema check rejects {what}", "accepted")
        if not ok:
            print(f"        ({msg})")


def by_kind(objs, kind):
    return {o["metadata"]["name"]: o for o in objs if o.get("kind") == kind}


def probe_path(probe):
    return (probe or {}).get("httpGet", {}).get("path")


def check_overlay(name, objs):
    p = f"[{name}]"
    deployments, services = by_kind(objs, "Deployment"), by_kind(objs, "Service")
    hpas, pdbs = by_kind(objs, "HorizontalPodAutoscaler"), by_kind(objs, "PodDisruptionBudget")
    configmaps = by_kind(objs, "ConfigMap")
    check(not by_kind(objs, "Secret"), f"{p} no Secret is rendered (they are made by deploy/make-secrets.sh)")
    namespaces = {o["metadata"].get("namespace") for o in objs if o["kind"] != "Namespace"}
    check(len(namespaces) == 1 and None not in namespaces, f"{p} every object is in one namespace", str(namespaces))

    for svc, port in SERVICES.items():
        d = deployments.get(svc)
        if not check(d is not None, f"{p} {svc}: Deployment"):
            continue
        spec = d["spec"]["template"]["spec"]
        c = spec["containers"][0]
        res = c.get("resources", {})
        check(probe_path(c.get("readinessProbe")) == "/q/health/ready", f"{p} {svc}: readiness on /q/health/ready")
        check(probe_path(c.get("livenessProbe")) == "/q/health/live", f"{p} {svc}: liveness on /q/health/live")
        check(all(k in res.get(t, {}) for t in ("requests", "limits") for k in ("cpu", "memory")),
              f"{p} {svc}: cpu and memory requests and limits", json.dumps(res))
        sc, csc = spec.get("securityContext", {}), c.get("securityContext", {})
        check(sc.get("runAsNonRoot") is True and sc.get("runAsUser", 0) != 0
              and csc.get("allowPrivilegeEscalation") is False and csc.get("readOnlyRootFilesystem") is True,
              f"{p} {svc}: non-root, no privilege escalation, read-only root")
        check(any(pt.get("containerPort") == port for pt in c.get("ports", [])), f"{p} {svc}: listens on {port}")
        labels = d["spec"]["selector"]["matchLabels"]
        s = services.get(svc)
        check(s is not None and s["spec"]["selector"] == labels and s["spec"]["ports"][0]["port"] == port,
              f"{p} {svc}: Service on {port} selects its pods")
        h = hpas.get(svc)
        check(h is not None and h["spec"]["scaleTargetRef"]["name"] == svc
              and 1 <= h["spec"]["minReplicas"] <= h["spec"]["maxReplicas"], f"{p} {svc}: HorizontalPodAutoscaler")
        check("replicas" not in d["spec"], f"{p} {svc}: the HPA alone sets the replica count")
        b = pdbs.get(svc)
        check(b is not None and b["spec"]["selector"]["matchLabels"] == labels, f"{p} {svc}: PodDisruptionBudget")

        given = [e["name"] for e in c.get("env", [])]
        for ef in c.get("envFrom", []):
            if "configMapRef" in ef:
                given += list(configmaps.get(ef["configMapRef"]["name"], {}).get("data", {}))
            if "secretRef" in ef:
                given += JWT_SECRET_KEYS.get(ef["secretRef"]["name"], [])
        check_env(f"{p} k8s", svc, given)
        inits = {i["name"]: i for i in spec.get("initContainers", [])}
        check(all(i["image"] == c["image"] for i in inits.values()), f"{p} {svc}: init containers run the service's image")
        check_migrate_step(f"{p} k8s", svc, env_values(c.get("env", [])),
                           {n: env_values(i.get("env", [])) for n, i in inits.items()})
        env = {e["name"]: e for e in c.get("env", [])}
        for mounted in ("CONFIDE_AUDIT_SIGNING_KEY",) + MASTER_KEYS:
            if mounted in env:
                path = env[mounted].get("value", "")
                check(any(path.startswith(m["mountPath"] + "/") for m in c.get("volumeMounts", [])),
                      f"{p} {svc}: {mounted} names a file in a mounted Secret", path)
        if svc == "audit-service":
            group = env.get("CONFIDE_AUDIT_CONSUMER_GROUP", {}).get("value", "audit-service")
            check(group == "audit-service", f"{p} audit-service: all replicas in consumer group audit-service")

    # Kafka: KRaft node pools, the three topics, replication the brokers can hold.
    kafkas = by_kind(objs, "Kafka")
    check(len(kafkas) == 1, f"{p} one Strimzi Kafka")
    for kname, k in kafkas.items():
        ann = k["metadata"].get("annotations", {})
        check(ann.get("strimzi.io/node-pools") == "enabled" and ann.get("strimzi.io/kraft") == "enabled",
              f"{p} Kafka {kname}: KRaft with node pools")
        pools = [np for np in by_kind(objs, "KafkaNodePool").values()
                 if np["metadata"]["labels"].get("strimzi.io/cluster") == kname]
        brokers = sum(np["spec"]["replicas"] for np in pools if "broker" in np["spec"]["roles"])
        controllers = sum(np["spec"]["replicas"] for np in pools if "controller" in np["spec"]["roles"])
        check(brokers >= 1 and controllers % 2 == 1, f"{p} Kafka {kname}: brokers and an odd number of controllers",
              f"{brokers} brokers, {controllers} controllers")
        cfg = k["spec"]["kafka"].get("config", {})
        for key in ("default.replication.factor", "offsets.topic.replication.factor",
                    "transaction.state.log.replication.factor"):
            check(int(cfg.get(key, 1)) <= brokers, f"{p} Kafka {kname}: {key} <= {brokers} brokers")
        topics = {t.get("spec", {}).get("topicName", n): t for n, t in by_kind(objs, "KafkaTopic").items()}
        for topic in TOPICS:
            t = topics.get(topic)
            if not check(t is not None and t["metadata"]["labels"].get("strimzi.io/cluster") == kname,
                         f"{p} KafkaTopic {topic} of {kname}"):
                continue
            reps, isr = t["spec"]["replicas"], int(t["spec"].get("config", {}).get("min.insync.replicas", 1))
            check(t["spec"]["partitions"] >= 1 and isr <= reps <= brokers,
                  f"{p} KafkaTopic {topic}: {t['spec']['partitions']} partitions, replicas {reps} <= brokers {brokers}, "
                  f"min.insync.replicas {isr}")
        audit_max = hpas.get("audit-service", {}).get("spec", {}).get("maxReplicas", 0)
        partitions = sum(topics[t]["spec"]["partitions"] for t in TOPICS if t in topics)
        check(audit_max <= partitions, f"{p} audit-service at most one consumer per partition",
              f"{audit_max} replicas > {partitions} partitions")

    # PostgreSQL: one Cluster, a database and an owner per service, the audit runtime role owns nothing.
    clusters = by_kind(objs, "Cluster")
    vault = clusters.pop(KEY_VAULT, None)
    check(len(clusters) == 1, f"{p} one CloudNativePG Cluster for the services' databases")
    for cname, cl in clusters.items():
        owners = {}
        initdb = cl["spec"].get("bootstrap", {}).get("initdb", {})
        if initdb:
            owners[initdb["database"]] = initdb["owner"]
        for db in by_kind(objs, "Database").values():
            if db["spec"]["cluster"]["name"] == cname:
                owners[db["spec"]["name"]] = db["spec"]["owner"]
        roles = {r["name"] for r in cl["spec"].get("managed", {}).get("roles", []) if r.get("ensure", "present") == "present"}
        roles |= {initdb.get("owner")}
        for svc in SERVICES:
            short = svc.removesuffix("-service")
            db, role = f"confide_{short}", f"confide_{short}"
            check(owners.get(db) == role and role in roles, f"{p} database {db} owned by role {role}")
        check("confide_audit_app" in roles and "confide_audit_app" not in owners.values(),
              f"{p} confide_audit_app can log in and owns no database")
        hba = cl["spec"].get("postgresql", {}).get("pg_hba", [])
        check(any(l.split()[:2] == ["host", "all"] and l.split()[-1] == "reject" for l in hba),
              f"{p} pg_hba keeps each service's role to its own database")
        rw = f"{cname}-rw:5432/"
        urls = [e["value"] for d in deployments.values() for e in d["spec"]["template"]["spec"]["containers"][0].get("env", [])
                if e["name"].endswith("_DB_URL") and e["name"] not in KEY_VAULT_DBS]
        check(urls and all(rw in u for u in urls), f"{p} services connect to {cname}-rw")
    # The key vault: the services' keys in their own Cluster, with no backup of it (R-REC-3).
    if check(vault is not None, f"{p} key vault Cluster {KEY_VAULT}"):
        initdb = vault["spec"].get("bootstrap", {}).get("initdb", {})
        owners = {initdb.get("database"): initdb.get("owner")}
        for db in by_kind(objs, "Database").values():
            if db["spec"]["cluster"]["name"] == KEY_VAULT:
                owners[db["spec"]["name"]] = db["spec"]["owner"]
        roles = {r["name"] for r in vault["spec"].get("managed", {}).get("roles", []) if r.get("ensure", "present") == "present"}
        roles |= {initdb.get("owner")}
        for vault_db, role in KEY_VAULT_DBS.values():
            check(owners.get(vault_db) == role and role in roles, f"{p} key vault database {vault_db} owned by role {role}")
        backups = [n for n, b in by_kind(objs, "ScheduledBackup").items() if b["spec"]["cluster"]["name"] == KEY_VAULT]
        check("backup" not in vault["spec"] and not backups, f"{p} key vault is not backed up", str(backups))
        hba = vault["spec"].get("postgresql", {}).get("pg_hba", [])
        check(any(l.split()[:2] == ["host", "all"] and l.split()[-1] == "reject" for l in hba),
              f"{p} key vault pg_hba keeps each role to its vault database")
        for env_var, (vault_db, role) in KEY_VAULT_DBS.items():
            given = [e.get("value", "") for d, dep in deployments.items()
                     for e in dep["spec"]["template"]["spec"]["containers"][0].get("env", []) if e["name"] == env_var]
            check(len(given) == 1 and f"{KEY_VAULT}-rw:5432/{vault_db}" in given[0],
                  f"{p} {role.removeprefix('confide_')}-service connects to {KEY_VAULT}-rw for its keys", str(given))

    # NetworkPolicies: default deny, and disclosure-service alone may call consent-service.
    pols = by_kind(objs, "NetworkPolicy")
    deny = [n for n, np in pols.items() if set(np["spec"].get("policyTypes", [])) == {"Ingress", "Egress"}
            and not np["spec"].get("ingress") and not np["spec"].get("egress")]
    check(bool(deny), f"{p} default-deny NetworkPolicy for the services")
    to_consent = [n for n, np in pols.items() for rule in np["spec"].get("egress", [])
                  for peer in rule.get("to", []) if peer.get("podSelector", {}).get("matchLabels", {}).get(
                      "app.kubernetes.io/name") == "consent-service"]
    check(to_consent == ["disclosure-service-to-consent-service"], f"{p} only disclosure-service may call consent-service",
          str(to_consent))


# ---------------------------------------------------------------- the console (console/server)

CONSOLE_PROD_REQUIRED = {f"CONFIDE_{s.removesuffix('-service').upper()}_URL" for s in SERVICES} | {
    "CONFIDE_OIDC_ISSUER", "CONFIDE_OIDC_CLIENT_ID", "CONFIDE_AUDIT_PUBLIC_KEY"}


def console_reads():
    """Every CONFIDE_* name the console server reads (its settings name the four service URLs by pattern)."""
    names = set(CONSOLE_PROD_REQUIRED)
    for f in ("settings.mjs", "server.mjs"):
        names |= set(re.findall(r"\b(CONFIDE_[A-Z0-9_]+)\b", open(os.path.join(ROOT, "console/server", f), encoding="utf-8").read()))
    return names


def check_console_env(where, given, production):
    unknown = sorted(set(given) - console_reads())
    check(not unknown, f"{where}: console is given only names it reads", "not read: " + ", ".join(unknown))
    if production:
        missing = sorted(CONSOLE_PROD_REQUIRED - set(given))
        check(not missing, f"{where}: console (a production start) is given every name it requires", "missing: " + ", ".join(missing))
        check("CONFIDE_CONSOLE_DEV_LOGIN" not in given, f"{where}: console has no dev sign-in")


def check_console_k8s(name, objs):
    d = by_kind(objs, "Deployment").get("console")
    if not check(d is not None, f"[{name}] console: Deployment"):
        return
    c = d["spec"]["template"]["spec"]["containers"][0]
    given = [e["name"] for e in c.get("env", [])]
    for ef in c.get("envFrom", []):
        if "configMapRef" in ef:
            given += list(by_kind(objs, "ConfigMap").get(ef["configMapRef"]["name"], {}).get("data", {}))
    check_console_env(f"[{name}] k8s", given, production=True)
    check(probe_path(c.get("readinessProbe")) == "/healthz", f"[{name}] console: readiness on /healthz")
    s = by_kind(objs, "Service").get("console")
    check(s is not None and s["spec"]["selector"] == d["spec"]["selector"]["matchLabels"], f"[{name}] console: Service selects its pods")


# ---------------------------------------------------------------- docker compose

def check_compose():
    path = os.path.join(ROOT, "docker-compose.yml")
    doc = yaml.safe_load(open(path))
    for svc, port in SERVICES.items():
        s = doc["services"].get(svc)
        if not check(s is not None, f"compose: {svc}"):
            continue
        env = s.get("environment", {})
        check_env("compose", svc, list(env) if isinstance(env, dict) else [e.split("=", 1)[0] for e in env])
        steps = {n: env_values(o.get("environment", {})) for n, o in doc["services"].items()
                 if n != svc and o.get("image") == s.get("image")}
        check_migrate_step("compose", svc, env_values(env), steps)
        for n in steps:
            dep = doc["services"][svc].get("depends_on", {})
            if steps[n].get((migrate_step(svc) or ("",))[0]) == "true":
                check(isinstance(dep, dict) and dep.get(n, {}).get("condition") == "service_completed_successfully",
                      f"compose: {svc} starts after its migrate step {n} completed successfully", str(dep))
        check(f"{port}:{port}" in [str(x) for x in s.get("ports", [])], f"compose: {svc} on port {port}")
        for name in ("CONFIDE_JWT_PUBLIC_KEY", "CONFIDE_AUDIT_SIGNING_KEY") + MASTER_KEYS:
            value = str(env.get(name, "")) if isinstance(env, dict) else ""
            if value:
                secret = value.removeprefix("/run/secrets/")
                check(value.startswith("/run/secrets/") and secret in s.get("secrets", []),
                      f"compose: {svc} {name} is a mounted secret", value)
    con = doc["services"].get("console")
    if check(con is not None, "compose: console"):
        env = con.get("environment", {})
        check_console_env("compose", list(env), production="--dev" not in con.get("command", []))
        check("8080:8080" in [str(x) for x in con.get("ports", [])], "compose: console on port 8080")
    client = compose_client()
    if not check(client is not None, "a Compose client (docker compose, or docker-compose: Debian package docker-compose)"):
        return
    # Secret files must exist for `config`: validate a copy beside throwaway keys, never touching .confide/.
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copy(path, tmp)
        for svc in list(SERVICES) + ["console"]:
            os.makedirs(os.path.join(tmp, svc))
        for spec in doc.get("secrets", {}).values():
            f = os.path.join(tmp, spec["file"])
            os.makedirs(os.path.dirname(f), exist_ok=True)
            open(f, "w").write("placeholder, not a key\n")
        out = compose_config(client, tmp)
        check(out.returncode == 0, f"{' '.join(client)} config accepts docker-compose.yml", out.stderr.strip()[-400:])
        # The same file with one option misspelt must be refused, or the check above proves nothing.
        text = open(path).read()
        open(os.path.join(tmp, "docker-compose.yml"), "w").write(text.replace("restart: unless-stopped", "restrat: unless-stopped", 1))
        out = compose_config(client, tmp)
        check(out.returncode != 0 and "restrat" in out.stdout + out.stderr,
              f"{' '.join(client)} config refuses docker-compose.yml with a misspelt option (restrat)", "accepted")


def compose_client():
    # The offline `config` needs no engine; DOCKER_HOST is dropped so a stray one is never dialled.
    if shutil.which("docker") and subprocess.run(["docker", "compose", "version"], capture_output=True).returncode == 0:
        return ["docker", "compose"]
    if shutil.which("docker-compose"):
        return ["docker-compose"]
    return None


def compose_config(client, tmp):
    env = {k: v for k, v in os.environ.items() if k != "DOCKER_HOST"}
    return subprocess.run(client + ["-f", os.path.join(tmp, "docker-compose.yml"), "config", "-q"],
                          capture_output=True, text=True, cwd=tmp, env=env)


def check_no_keys():
    hits = []
    for base in ("deploy", "docs"):
        for dirpath, _, files in os.walk(os.path.join(ROOT, base)):
            for f in files:
                text = open(os.path.join(dirpath, f), encoding="utf-8", errors="replace").read()
                if re.search(r"-----BEGIN [A-Z ]*PRIVATE KEY-----", text):
                    hits.append(os.path.join(dirpath, f))
    check(not hits, "no private key is stored under deploy/ or docs/", ", ".join(hits))


# ---------------------------------------------------------------- the Keycloak realm (issue 23)

KEYCLOAK_K8S = os.path.join(ROOT, "deploy/k8s/keycloak")
REALM_IMPORT_CRD = os.path.join(ROOT, "deploy/schema/crds/keycloakrealmimports.k8s.keycloak.org-v1.yml")


def crd_errors(node, schema, path="$"):
    """Where node breaks a CRD's structural schema (type, properties, additionalProperties, items, enum, required);
    a field the schema does not describe is an error, as `kubectl apply` (strict field validation) makes it."""
    if schema.get("x-kubernetes-preserve-unknown-fields") and "type" not in schema:
        return []
    if schema.get("x-kubernetes-int-or-string"):
        return [] if isinstance(node, (int, str)) and not isinstance(node, bool) else [f"{path}: not an int or string"]
    if "anyOf" in schema and not any(not crd_errors(node, s, path) for s in schema["anyOf"]):
        return [f"{path}: matches none of anyOf"]
    t = schema.get("type")
    types = {"object": dict, "array": list, "string": str, "boolean": bool, "integer": int, "number": (int, float)}
    if t in types and (not isinstance(node, types[t]) or (t in ("integer", "number") and isinstance(node, bool))):
        return [f"{path}: not {'an' if t[0] in 'aeiou' else 'a'} {t}"]
    if "enum" in schema and node not in schema["enum"]:
        return [f"{path}: {node!r} not one of {schema['enum']}"]
    errors = []
    if isinstance(node, dict):
        props, extra = schema.get("properties", {}), schema.get("additionalProperties")
        for k, v in node.items():
            if k in props:
                errors += crd_errors(v, props[k], f"{path}.{k}")
            elif isinstance(extra, dict):
                errors += crd_errors(v, extra, f"{path}.{k}")
            elif extra is not True and not schema.get("x-kubernetes-preserve-unknown-fields"):
                errors.append(f"{path}.{k}: a field the schema does not describe")
        errors += [f"{path}.{r}: required" for r in schema.get("required", []) if r not in node]
    elif isinstance(node, list) and "items" in schema:
        for i, v in enumerate(node):
            errors += crd_errors(v, schema["items"], f"{path}[{i}]")
    return errors


def realm_import_errors(obj, crd):
    versions = {v["name"]: v for v in crd["spec"]["versions"] if v.get("served")}
    group, kind = crd["spec"]["group"], crd["spec"]["names"]["kind"]
    api = obj.get("apiVersion", "")
    if obj.get("kind") != kind or api.split("/")[0] != group or api.split("/")[-1] not in versions:
        return [f"{obj.get('kind')} {api}: not a {kind} of a served version of {group}"]
    # The API server describes apiVersion, kind and metadata itself; the CRD's schema the rest.
    schema = versions[api.split("/")[-1]]["schema"]["openAPIV3Schema"]
    body = {k: v for k, v in obj.items() if k not in ("apiVersion", "kind", "metadata")}
    return crd_errors(body, schema)


def domain_roles():
    src = open(os.path.join(ROOT, "platform/src/main/java/org/confide/platform/auth/Roles.java"), encoding="utf-8").read()
    return set(re.findall(r'public static final String [A-Z_]+ = "([a-z]+)";', src))


def check_keycloak():
    sys.path.insert(0, os.path.join(ROOT, "deploy/keycloak"))
    import realm_import
    realm = json.load(open(realm_import.REALM_JSON, encoding="utf-8"))
    # realm.json (./confide up --idp keycloak): every role but a service's, and on every client the claims the services read.
    roles = {r["name"] for r in realm["roles"]["realm"]}
    check(roles == domain_roles() - {"service"}, "deploy/keycloak/realm.json has the roles of docs/domain.md (a service's aside)",
          f"{sorted(roles)} vs {sorted(domain_roles())}")
    for c in realm["clients"]:
        mappers = {m["protocolMapper"]: m["config"] for m in c.get("protocolMappers", [])}
        org = [m for m in c.get("protocolMappers", []) if m["config"].get("claim.name") == "org"]
        aud = mappers.get("oidc-audience-mapper", {}).get("included.custom.audience")
        check(len(org) == 1 and aud == "confide", f"realm.json client {c['clientId']}: an org claim and the audience confide",
              f"org mappers {len(org)}, audience {aud}")
    console = next(c for c in realm["clients"] if c["clientId"] == "confide-console")
    check(console.get("publicClient") and console.get("standardFlowEnabled") and not console.get("implicitFlowEnabled")
          and not console.get("directAccessGrantsEnabled") and console["attributes"].get("pkce.code.challenge.method") == "S256",
          "realm.json: the console is a public client, authorization code with PKCE S256 only")

    out = subprocess.run([kubectl(), "kustomize", KEYCLOAK_K8S], capture_output=True, text=True)
    if not check(out.returncode == 0, "kubectl kustomize deploy/k8s/keycloak renders", out.stderr.strip()[-400:]):
        return
    objs = [d for d in yaml.safe_load_all(out.stdout) if d]
    if not check(len(objs) == 1 and objs[0].get("kind") == "KeycloakRealmImport", "deploy/k8s/keycloak is one KeycloakRealmImport",
                 str([o.get("kind") for o in objs])):
        return
    obj = objs[0]
    want = realm_import.realm_import(realm)
    check(obj["spec"] == want["spec"] and obj["apiVersion"] == want["apiVersion"],
          "the KeycloakRealmImport is deploy/keycloak/realm_import.py's output from realm.json",
          "run: python3 deploy/keycloak/realm_import.py > deploy/k8s/keycloak/realm-import.yaml")
    crd = yaml.safe_load(open(REALM_IMPORT_CRD, encoding="utf-8"))
    served = [v for v in crd["spec"]["versions"] if v.get("served")]
    representation = served[0]["schema"]["openAPIV3Schema"]["properties"]["spec"]["properties"]["realm"]
    errors = crd_errors(realm, representation, "realm.json")
    check(not errors, "deploy/keycloak/realm.json uses only fields of Keycloak's RealmRepresentation (the CRD's)", "; ".join(errors[:5]))
    errors = realm_import_errors(obj, crd)
    check(not errors, "the KeycloakRealmImport matches the operator's CRD (k8s.keycloak.org/v2alpha1)", "; ".join(errors[:5]))
    r = obj["spec"]["realm"]
    people = [u["username"] for u in r.get("users", []) if "serviceAccountClientId" not in u or u.get("credentials")]
    check(not people, "the KeycloakRealmImport imports no people and no password (service accounts only)", ", ".join(people))
    places = obj["spec"].get("placeholders", {})
    literal = [c["clientId"] for c in r["clients"] if not c.get("publicClient")
               and not (c.get("secret", "").startswith("${") and c["secret"][2:-1] in places)]
    check(not literal, "every confidential client's secret is a placeholder read from a Secret", ", ".join(literal))
    grants = [c["clientId"] for c in r["clients"] if c.get("directAccessGrantsEnabled")]
    check(not grants, "no client of the cluster realm allows the password grant", ", ".join(grants))

    # The check can fail: broken copies of the import must each be rejected by the CRD schema.
    def broken(change):
        o = json.loads(json.dumps(obj))
        change(o)
        return o
    cases = [
        ("a misspelt client field", broken(lambda o: o["spec"]["realm"]["clients"][0].update({"publicClent": True}))),
        ("a token lifespan given as a string", broken(lambda o: o["spec"]["realm"].update({"accessTokenLifespan": "900"}))),
        ("a placeholder without its secret's name", broken(lambda o: o["spec"]["placeholders"].update({"X": {"secret": {"nme": "x"}}}))),
        ("no keycloakCRName", broken(lambda o: o["spec"].pop("keycloakCRName"))),
        ("an apiVersion the CRD does not serve", broken(lambda o: o.update({"apiVersion": "k8s.keycloak.org/v1"}))),
    ]
    for what, o in cases:
        check(bool(realm_import_errors(o, crd)), f"a KeycloakRealmImport with {what} is rejected")


def main():
    overlays = os.path.join(ROOT, "deploy/k8s/overlays")
    rendered = []
    for name in sorted(os.listdir(overlays)):
        objs = render(os.path.join(overlays, name))
        if objs:
            check_overlay(name, objs)
            check_console_k8s(name, objs)
            check_schemas(name, objs)
            rendered = objs
    if rendered:
        check_schema_can_fail(rendered)
    check_compose()
    check_keycloak()
    check_no_keys()
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
