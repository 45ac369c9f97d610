# shellcheck shell=bash
# The audit log's own tools, from the audit-log module's jar: `./confide verify-checkpoint`, `witness`, `monitor`.

# Offline: a saved checkpoint and inclusion proofs, with only the public key. The verifier is the audit-log module's
# jar (plain JDK, no dependency), built here when missing or older than its sources; Maven's output goes to stderr.
cmd_verify_checkpoint() {
  local jar="$ROOT/audit-log/target/confide-audit-log.jar"
  if [ ! -f "$jar" ] || [ -n "$(find "$ROOT/audit-log/src/main" "$ROOT/audit-log/pom.xml" -newer "$jar" -type f -print -quit)" ]; then
    say "building the offline verifier (./mvnw -pl audit-log package)..."
    mvnw -q -pl audit-log package -DskipTests >&2 || die "cannot build the offline verifier (audit-log)"
  fi
  exec "$JAVA" -jar "$jar" "$@"
}

# The audit-log module's jar (plain JDK: the offline verifier, the witness, the monitor), built when missing or older
# than its sources; prints its path. Maven's output goes to stderr.
audit_log_jar() {
  local jar="$ROOT/audit-log/target/confide-audit-log.jar"
  if [ ! -f "$jar" ] || [ -n "$(find "$ROOT/audit-log/src/main" "$ROOT/audit-log/pom.xml" -newer "$jar" -type f -print -quit)" ]; then
    say "building the audit log tools (./mvnw -pl audit-log package)..."
    mvnw -q -pl audit-log package -DskipTests >&2 || die "cannot build audit-log"
  fi
  echo "$jar"
}

# A witness of audit logs (C2SP tlog-witness add-checkpoint, cosignatures per C2SP tlog-cosignature): its key and
# state live under .confide/witness unless given; `./confide witness --print-key` prints the key to give
# audit-service in CONFIDE_AUDIT_WITNESSES ("<URL> <key>"). Runs in the foreground.
cmd_witness() {
  local jar args=("$@"); jar=$(audit_log_jar)
  if [[ " $* " != *" --key "* ]]; then
    mkdir -p "$STATE/witness"; args+=(--key "$STATE/witness/witness.key")
    # The first start makes the key, under a name of this host unless --name is given.
    [ -f "$STATE/witness/witness.key" ] || [[ " $* " == *" --name "* ]] || args+=(--name "witness.confide.local/$(hostname)")
  fi
  [[ " $* " == *" --state "* || " $* " == *" --print-key "* ]] || args+=(--state "$STATE/witness/state.json")
  exec "$JAVA" -cp "$jar" org.confide.auditlog.witness.Witness "${args[@]}"
}

# A monitor of an organisation's audit log: checks the newest checkpoint's signature and that it extends the one it
# kept (state under .confide/monitor.json unless --state is given); exits 1 with the evidence on a fork or a rewrite.
cmd_monitor() {
  local jar args=("$@"); jar=$(audit_log_jar)
  case " $* " in *" --url "*) ;; *) args+=(--url http://127.0.0.1:8084) ;; esac
  case " $* " in *" --state "*) ;; *) mkdir -p "$STATE"; args+=(--state "$STATE/monitor.json") ;; esac
  exec "$JAVA" -cp "$jar" org.confide.auditlog.monitor.Monitor "${args[@]}"
}
