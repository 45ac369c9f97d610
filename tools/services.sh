# shellcheck shell=bash
# The four services and the console, sourced by ./confide: build, environment, start, stop
# (`./confide up`, `down`, `status`, `logs`). Their start-up archives are tools/aot.sh.

# ---- build when a runnable jar is missing or older than the sources
needs_build() {
  local s jar
  for s in "${SERVICES[@]}"; do
    jar="$ROOT/$s/target/quarkus-app/quarkus-run.jar"
    [ -f "$jar" ] || return 0
    [ -n "$(find "$ROOT/$s/src/main" "$ROOT/platform/src/main" "$ROOT/allocation-copy/src/main" "$ROOT/audit-log/src/main" "$ROOT/events/src/main" "$ROOT/jwt/src/main" "$ROOT/$s/pom.xml" "$ROOT/platform/pom.xml" "$ROOT/allocation-copy/pom.xml" "$ROOT/audit-log/pom.xml" "$ROOT/pom.xml" -newer "$jar" -type f -print -quit 2>/dev/null)" ] && return 0
  done
  return 1
}
build() {
  if needs_build; then
    say "building (./mvnw install -DskipTests)..."
    mvnw -q install -DskipTests
  fi
}

db_env_name() { local s=${1%-service}; echo "CONFIDE_$(echo "$s" | tr '[:lower:]' '[:upper:]')_DB_URL"; }

# The environment a service reads (README "Settings"), for its own start and its training start.
service_env() {
  local s=$1
  case "$s" in
    records-service|consent-service|disclosure-service)
      CONFIDE_IDEMPOTENCY_SECRET="$(ensure_idempotency_secret "$s")"; export CONFIDE_IDEMPOTENCY_SECRET ;;
  esac
  export "$(db_env_name "$s")=$DB_SERVER/confide_${s%-service}"
  export CONFIDE_KAFKA="127.0.0.1:$KAFKA_PORT"
  export CONFIDE_JWT_PUBLIC_KEY="$KEYS/publicKey.pem"
  export CONFIDE_JWT_ISSUER="$ISSUER"
  [ "$(idp)" = keycloak ] && keycloak_service_env
  case "$s" in
    records-service|consent-service|disclosure-service)
      local n=${s%-service} N; N=$(echo "$n" | tr '[:lower:]' '[:upper:]')
      ensure_master_key "$n"; export "CONFIDE_${N}_MASTER_KEY=$KEYS/$n-master.key"
      # R-REC-3: the per-client keys live in a key vault database of their own (not in the service's backups).
      export "CONFIDE_${N}_KEYS_DB_URL=$DB_SERVER/confide_${n}_keys"
      ;;
  esac
  # Written notices by e-mail go to the local mail catcher (tools/mail.sh) unless CONFIDE_SMTP_* name another server.
  if [ "$s" = records-service ]; then
    export CONFIDE_SMTP_HOST="${CONFIDE_SMTP_HOST:-127.0.0.1}" CONFIDE_SMTP_PORT="$MAIL_SMTP_PORT"
  fi
  if [ "$s" = audit-service ]; then
    ensure_audit_key; export CONFIDE_AUDIT_SIGNING_KEY="$KEYS/audit-signing.key"
  fi
}

# audit-service's migrate step: the same jar as the schema owner (CONFIDE_DB_USER, default postgres) migrates and exits;
# the service itself then connects only as the runtime role confide_audit_app, which cannot change the log.
migrate_audit() {
  say "migrating confide_audit (audit-service's migrate step, as the schema owner)"
  (
    service_env audit-service; cd "$ROOT" || exit
    # shellcheck disable=SC2046 # the start-up archive option, if any
    CONFIDE_AUDIT_MIGRATE_ONLY=true exec "$JAVA" "@$JVM_OPTIONS" $(aot_use audit-service) -Dquarkus.http.host-enabled=false \
      -jar "$ROOT/audit-service/target/quarkus-app/quarkus-run.jar"
  ) >"$LOGS/audit-service-migrate.log" 2>&1 || { tail -n 20 "$LOGS/audit-service-migrate.log" >&2; die "audit-service's migrate step failed (see $LOGS/audit-service-migrate.log)"; }
}

start_service() {
  local s=$1 port; port=$(port_of "$s")
  if alive "$s"; then return; fi
  port_open "$port" && die "port $port (for $s) is taken by another process"
  say "starting $s on :$port"
  (
    service_env "$s"
    # The running audit-service gets the runtime role only: the owner's credentials are its migrate step's.
    [ "$s" = audit-service ] && unset CONFIDE_DB_USER CONFIDE_DB_PASSWORD
    cd "$ROOT" || exit
    # shellcheck disable=SC2046,SC2086 # CONFIDE_JAVA_EXTRA: more options for a diagnosis, e.g. -XX:NativeMemoryTracking=summary
    nohup "$JAVA" "@$JVM_OPTIONS" $(aot_use "$s") ${CONFIDE_JAVA_EXTRA:-} \
      -jar "$ROOT/$s/target/quarkus-app/quarkus-run.jar" >"$LOGS/$s.log" 2>&1 &
    echo $! >"$RUN/$s.pid"
  )
}

wait_ready() {
  local s=$1 port; port=$(port_of "$s")
  for _ in $(seq 1 240); do
    if curl -fs "http://127.0.0.1:$port/q/health/ready" >/dev/null 2>&1; then return 0; fi
    alive "$s" || die "$s exited during start-up (see $LOGS/$s.log)"
    sleep 0.5
  done
  die "$s is not ready after 120 s (see $LOGS/$s.log)"
}

# ---- the console (console/, README "Console"): a Node server on :8080 serving the built app and forwarding /api/<service>/
# to the four services; ./confide up starts it in dev mode with the local sign-in, which a production start refuses.
start_console() {
  if alive console; then return; fi
  port_open "$CONSOLE_PORT" && die "port $CONSOLE_PORT (for the console) is taken by another process"
  CONFIDE_CONSOLE_PREPARE_LOG="$LOGS/console-prepare.log" "$ROOT/console/prepare.sh" || die "the console could not be built (see $LOGS/console-prepare.log)"
  ensure_audit_key
  say "starting the console on :$CONSOLE_PORT"
  (
    export CONFIDE_CONSOLE_PORT="$CONSOLE_PORT" CONFIDE_CONSOLE_DEV_LOGIN=true CONFIDE_CONSOLE_DEV_SIGNING_KEY="$KEYS/privateKey.pem"
    export CONFIDE_JWT_ISSUER="$ISSUER" CONFIDE_AUDIT_PUBLIC_KEY; CONFIDE_AUDIT_PUBLIC_KEY=$(node "$ROOT/console/server/audit-key.mjs" "$KEYS/audit-signing.key")
    [ "$(idp)" = keycloak ] && keycloak_console_env
    local s; for s in "${SERVICES[@]}"; do n=${s%-service}; export "CONFIDE_$(echo "$n" | tr '[:lower:]' '[:upper:]')_URL=http://127.0.0.1:$(port_of "$s")"; done
    nohup node "$ROOT/console/server/server.mjs" --dev >"$LOGS/console.log" 2>&1 &
    echo $! >"$RUN/console.pid"
  )
  wait_port console "$CONSOLE_PORT" 60
}

cmd_up() {
  local want=local
  case "${1:-}" in "") ;; --idp) [ "${2:-}" = keycloak ] || [ "${2:-}" = local ] || die "--idp: keycloak or local"; want=$2 ;;
    *) die "usage: ./confide up [--idp keycloak]" ;; esac
  mkdir -p "$LOGS" "$RUN"
  if alive consent-service && [ "$(idp)" != "$want" ]; then die "Confide is up with issuer '$(idp)': ./confide down first"; fi
  echo "$want" >"$RUN/idp"
  build
  ensure_keys
  ensure_postgres
  ensure_kafka
  ensure_mail
  [ "$want" = keycloak ] && keycloak_start
  echo "$DB_SERVER" >"$RUN/db-server"
  alive audit-service || migrate_audit
  local s trainers=()
  for s in "${SERVICES[@]}"; do alive "$s" || { aot_train "$s" & trainers+=($!); }; done
  # Only the recordings: a bare `wait` would also wait for the Kafka broker this run started.
  [ ${#trainers[@]} -eq 0 ] || wait "${trainers[@]}"
  for s in "${SERVICES[@]}"; do start_service "$s"; done
  for s in "${SERVICES[@]}"; do wait_ready "$s"; done
  start_console
  echo "Confide is up (PostgreSQL $DB_SERVER, Kafka 127.0.0.1:$KAFKA_PORT, logs in .confide/logs):"
  echo "  mail catcher        smtp://127.0.0.1:$MAIL_SMTP_PORT  (mails: http://127.0.0.1:$MAIL_API_PORT/api/user, IMAP :$MAIL_IMAP_PORT)"
  for s in "${SERVICES[@]}"; do printf '  %-19s http://127.0.0.1:%s  (OpenAPI: /q/swagger-ui)\n' "$s" "$(port_of "$s")"; done
  if [ "$want" = keycloak ]; then
    echo "  console             http://127.0.0.1:$CONSOLE_PORT  (sign-in through Keycloak)"
    keycloak_summary
    return
  fi
  echo "  console             http://127.0.0.1:$CONSOLE_PORT  (local sign-in: pick a role, org and user)"
  echo "A manager token for org demo-org (./confide token ROLE --org ORG --sub ID mints others):"
  mint manager demo-org demo-manager 3600
}

cmd_down() {
  local s pid
  for s in console audit-service records-service disclosure-service consent-service keycloak kafka mail; do
    if alive "$s"; then
      pid=$(cat "$RUN/$s.pid"); kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
      kill -9 "$pid" 2>/dev/null || true
      say "stopped $s"
    fi
    rm -f "$RUN/$s.pid"
  done
  stop_private_postgres
  rm -f "$RUN/idp" "$RUN/keycloak.port"
}

cmd_status() {
  local s port state
  for s in "${SERVICES[@]}"; do
    port=$(port_of "$s")
    if curl -fs "http://127.0.0.1:$port/q/health/ready" >/dev/null 2>&1; then state=ready
    elif alive "$s"; then state=starting; else state=stopped; fi
    printf '%-19s :%s  %s\n' "$s" "$port" "$state"
  done
  if alive console; then echo "console             :$CONSOLE_PORT  running"; else echo "console             :$CONSOLE_PORT  stopped"; fi
  if alive kafka; then echo "kafka               :$KAFKA_PORT  running"; else echo "kafka               :$KAFKA_PORT  not started by confide"; fi
  if alive keycloak; then echo "keycloak            :$(cat "$RUN/keycloak.port")  running (the services' issuer)"; fi
  if alive mail; then echo "mail catcher        :$MAIL_SMTP_PORT  running (IMAP :$MAIL_IMAP_PORT, API http://127.0.0.1:$MAIL_API_PORT/api/user)"; fi
}

cmd_logs() {
  if [ $# -gt 0 ]; then tail -n 200 -f "$LOGS/$1.log"; else tail -n 50 "$LOGS"/*.log; fi
}
