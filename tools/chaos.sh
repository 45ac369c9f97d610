# shellcheck shell=bash
# `./confide chaos [--minutes N] [--seed S] [--rate R]`: system-tests ChaosSystemTest against a stack of its own (a
# private PostgreSQL, its own Kafka broker, the four services and a second audit-service, all on free ports, so it
# runs beside `./confide up` and the tests), under a bounded load while a seeded fault schedule kills and restarts
# every part. Prints the table (kept in system-tests/target/chaos-report.md); exits non-zero on any loss, duplicate
# or unexpected answer.

cmd_chaos() {
  local minutes=10 seed rate=25
  seed=$(( (RANDOM << 15) | RANDOM ))
  while [ $# -gt 0 ]; do
    case "$1" in
      --minutes) minutes=${2:?--minutes N}; shift 2 ;;
      --seed) seed=${2:?--seed S}; shift 2 ;;
      --rate) rate=${2:?--rate R}; shift 2 ;;
      *) die "chaos: unknown option $1 (--minutes N, --seed S, --rate R)" ;;
    esac
  done
  case "$minutes$seed$rate" in *[!0-9.]*) die "chaos: --minutes, --seed and --rate take numbers" ;; esac
  mkdir -p "$LOGS" "$RUN"
  pg_dist
  say "chaos: $minutes min, seed $seed, $rate req/s (repeat a run with --seed $seed)"
  # Builds the service jars and runs only ChaosSystemTest (the modules' own tests are not selected); its progress lines
  # are shown as they come, the whole log kept.
  rm -f "$ROOT/system-tests/target/chaos-report.md"
  local rc=0
  mvnw -B verify -pl system-tests -am -Dtest=ChaosSystemTest -Dsurefire.failIfNoSpecifiedTests=false \
    -Dspotless.check.skip=true -Dconfide.chaos.minutes="$minutes" -Dconfide.chaos.seed="$seed" -Dconfide.chaos.rate="$rate" \
    -Dconfide.chaos.every-fault=true \
    2>&1 | tee "$LOGS/chaos.log" | { grep --line-buffered -E '^\[chaos ' >&2 || true; } || rc=$?
  if [ -f "$ROOT/system-tests/target/chaos-report.md" ]; then cat "$ROOT/system-tests/target/chaos-report.md"; fi
  [ "$rc" = 0 ] || die "chaos run failed (full log: $LOGS/chaos.log)"
}
