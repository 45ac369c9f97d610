# shellcheck shell=bash
# `./confide test`: the offline checks (deployment files, console, AsyncAPI, shell scripts), then every test.

cmd_test() {
  mkdir -p "$LOGS" "$RUN"
  ensure_postgres
  # A private server started only for this run is stopped afterwards; one that was already there is left alone.
  [ -f "$RUN/postgres.started" ] && [ ! -f "$RUN/kafka.pid" ] && trap stop_private_postgres EXIT
  export CONFIDE_TEST_DB_URL="$DB_SERVER"
  # The fault tests (DatabaseOutageSystemTest, ChaosSystemTest) stop and start PostgreSQL servers of their own.
  pg_dist
  # --with keycloak: system-tests' KeycloakSystemTest too (Keycloak fetched and built here; it skips itself without it).
  local args=()
  while [ $# -gt 0 ]; do
    case "$1" in
      --with) [ "${2:-}" = keycloak ] || die "--with: only keycloak"; keycloak_dist; export CONFIDE_KEYCLOAK_DIST="$KC_DIST"; shift 2 ;;
      *) args+=("$1"); shift ;;
    esac
  done
  check_shell
  check_deploy
  check_console
  check_asyncapi
  say "running the tests against PostgreSQL at $DB_SERVER (JDK: $JAVA_HOME)"
  mvnw verify ${args[@]+"${args[@]}"}
}

# Every shell script checked by shellcheck (settings in .shellcheckrc): ./confide with -a, so the files it sources are
# read as part of it, and every other script (.ci/run, *.sh outside node_modules, target and .confide). Installs
# Debian's shellcheck when missing.
check_shell() {
  local scripts=("$ROOT/.ci/run") f
  if ! command -v shellcheck >/dev/null 2>&1; then
    say "installing shellcheck (Debian package) for the shell check"
    { DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends shellcheck >/dev/null 2>&1 \
      || { apt-get update -q >/dev/null 2>&1 \
           && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends shellcheck >/dev/null 2>&1; }; } \
      || die "the shell check needs shellcheck (Debian package shellcheck)"
  fi
  while IFS= read -r -d '' f; do scripts+=("$f"); done \
    < <(find "$ROOT" \( -name node_modules -o -name target -o -name .confide -o -name .git \) -prune -o -name '*.sh' -type f -print0)
  say "checking the shell scripts (shellcheck)"
  shellcheck -x -a "$ROOT/confide" "${scripts[@]}" >"$LOGS/shellcheck.log" 2>&1 \
    || { cat "$LOGS/shellcheck.log"; die "shellcheck found problems in the shell scripts"; }
  echo "shellcheck: ./confide (and what it sources) and ${#scripts[@]} other scripts are clean"
}

# The images start the services with the options ./confide up uses: each Dockerfile's JAVA_OPTS holds every
# option of deploy/jvm.options.
check_jvm_options() {
  local f o java_opts options
  read -ra options <<<"$(sed 's/#.*//' "$JVM_OPTIONS" | tr '\n' ' ')"
  for f in "$ROOT"/*/src/main/docker/Dockerfile.jvm; do
    java_opts=" $(sed -n 's/^ENV JAVA_OPTS="\(.*\)"$/\1/p' "$f") "
    for o in "${options[@]}"; do
      case "$java_opts" in *" $o "*) ;; *) die "${f#"$ROOT"/}: JAVA_OPTS lacks $o (deploy/jvm.options)" ;; esac
    done
  done
}

# The deployment files checked offline (deploy/check.py): overlays render, objects match the Kubernetes, Strimzi and
# CloudNativePG schemas, docker-compose.yml passes `compose config`, compose and manifests give each service exactly
# the settings it reads. Installs what the check needs (Debian packages without their recommends: docker-compose
# would otherwise bring a Docker engine, which the offline check does not use).
check_deploy() {
  check_jvm_options
  local need=()
  command -v kubectl >/dev/null 2>&1 || need+=(kubernetes-client)
  python3 -c 'import yaml' 2>/dev/null || need+=(python3-yaml)
  { command -v docker >/dev/null 2>&1 && docker compose version >/dev/null 2>&1; } \
    || command -v docker-compose >/dev/null 2>&1 || need+=(docker-compose)
  if [ ${#need[@]} -gt 0 ]; then
    say "installing ${need[*]} (Debian packages) for the deployment check"
    { DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${need[@]}" >/dev/null 2>&1 \
      || { apt-get update -q >/dev/null 2>&1 \
           && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${need[@]}" >/dev/null 2>&1; }; } \
      || die "the deployment check needs ${need[*]}: install kubectl (Debian package kubernetes-client), python3-yaml, and docker-compose or the docker compose plugin"
  fi
  { command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; } \
    || die "the deployment check needs Node.js and npm for its schema check (deploy/schema)"
  # npm ls fails when node_modules is missing or does not hold package.json's exact versions.
  if ! npm ls --prefix "$ROOT/deploy/schema" >/dev/null 2>&1; then
    say "installing the schema packages (npm ci --prefix deploy/schema)"
    npm ci --prefix "$ROOT/deploy/schema" --no-audit --no-fund >"$LOGS/deploy-npm.log" 2>&1 \
      || { cat "$LOGS/deploy-npm.log"; die "npm ci in deploy/schema failed"; }
  fi
  say "checking the deployment files (deploy/check.py)"
  python3 "$ROOT/deploy/check.py" >"$LOGS/deploy-check.log" 2>&1 || { cat "$LOGS/deploy-check.log"; die "the deployment check failed"; }
  tail -n 1 "$LOGS/deploy-check.log"
}

# docs/asyncapi.yaml read by the AsyncAPI parser (@asyncapi/parser, pinned in tools/asyncapi/package-lock.json):
# the AsyncAPI 3.0 schema, every $ref, every payload schema. That the file is the one the event records make is
# AsyncApiTest's part (events module), run by the Maven build below.
check_asyncapi() {
  if ! npm ls --prefix "$ROOT/tools/asyncapi" >/dev/null 2>&1; then
    say "installing the AsyncAPI parser (npm ci --prefix tools/asyncapi)"
    npm ci --prefix "$ROOT/tools/asyncapi" --no-audit --no-fund --ignore-scripts >"$LOGS/asyncapi-npm.log" 2>&1 \
      || { cat "$LOGS/asyncapi-npm.log"; die "npm ci in tools/asyncapi failed"; }
  fi
  say "checking docs/asyncapi.yaml (AsyncAPI parser)"
  node "$ROOT/tools/asyncapi/validate.mjs" "$ROOT/docs/asyncapi.yaml" >"$LOGS/asyncapi-check.log" 2>&1 \
    || { cat "$LOGS/asyncapi-check.log"; die "docs/asyncapi.yaml is not a valid AsyncAPI document"; }
  tail -n 1 "$LOGS/asyncapi-check.log"
}

# The console's browser tests (system-tests ConsoleBrowserSystemTest) need Debian's chromium and the npm packages.
check_console() { CONFIDE_CONSOLE_PREPARE_LOG="$LOGS/console-prepare.log" "$ROOT/console/prepare.sh" --browser || die "the console is not ready for its browser tests"; }
