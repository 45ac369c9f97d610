# shellcheck shell=bash
# `./confide bench`: the benchmarks (bench/) against a running `./confide up`.

cmd_bench() {
  { [ -f "$RUN/db-server" ] && curl -fs http://127.0.0.1:8084/q/health/ready >/dev/null; } || die "Confide is not up: run ./confide up first"
  [ "$(idp)" = local ] || die "the benchmarks mint their tokens with ./confide's local key: run them on ./confide up without --idp"
  local args=() s archive log_org="${CONFIDE_BENCH_LOG_ORG:-bench-log-$(date +%s)}"
  { [ -f "$ROOT/bench/target/lib/.complete" ] && [ -z "$(find "$ROOT/bench/src" "$ROOT/bench/pom.xml" "$ROOT/audit-log/src/main" -newer "$ROOT/bench/target/lib/.complete" -type f -print -quit)" ]; } \
    || { mvnw -q -pl bench -am package -DskipTests && touch "$ROOT/bench/target/lib/.complete"; }
  for s in "${SERVICES[@]}"; do
    args+=(--service "$s=$ROOT/$s/target/quarkus-app/quarkus-run.jar@$(cat "$RUN/$s.pid")")
    # The measured start is started as `up` starts the service: the same options and start-up archive.
    archive=$(aot_use "$s")
    [ -n "$archive" ] && args+=(--service-jvm-arg "$s=$archive")
  done
  args+=(--jvm-options "$JVM_OPTIONS")
  # The stack's broker and private PostgreSQL, when this ./confide started them: the CPU rows count only these.
  alive kafka && args+=(--kafka-pid "$(cat "$RUN/kafka.pid")")
  [ -f "$STATE/pg/postmaster.pid" ] && [ -f "$RUN/postgres.started" ] && args+=(--postgres-pid "$(head -1 "$STATE/pg/postmaster.pid")")
  "$JAVA" -Xmx1g -cp "$ROOT/bench/target/classes:$ROOT/bench/target/lib/*" org.confide.bench.Bench \
    --db-server "$(cat "$RUN/db-server")" --kafka "127.0.0.1:$KAFKA_PORT" --jwt-public-key "$KEYS/publicKey.pem" \
    --audit-signing-key "$KEYS/audit-signing.key" --results "$ROOT/bench/results" --org bench-org \
    --manager-token "$(mint manager bench-org bench-manager 7200)" --service-token "$(mint service bench-org bench-service 7200)" \
    --practitioner-token "$(mint practitioner bench-org bench-practitioner 7200)" \
    --org-compliance-token "$(mint compliance bench-org bench-auditor 7200)" \
    --log-org "$log_org" --compliance-token "$(mint compliance "$log_org" bench-auditor 7200)" \
    "${args[@]}" "$@"
}
