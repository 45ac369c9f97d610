# shellcheck shell=bash
# Sourced by ./confide (after tools/lib/jdk.sh: JAVA_MAJOR decides the archive's kind).

# ---- start-up archive per service: the classes a start loads (and, on JDK 25, their linking and profiles),
# recorded by one training start and mapped by every later start. JDK 25+: AOT cache (JEP 483/514); JDK 21-24:
# dynamic AppCDS. Made again when the build, the JVM options or the JDK change; CONFIDE_AOT=0 turns it off.
if [ "$JAVA_MAJOR" -ge 25 ]; then AOT_EXT=aot AOT_RECORD=-XX:AOTCacheOutput AOT_MAP=-XX:AOTCache
else AOT_EXT=jsa AOT_RECORD=-XX:ArchiveClassesAtExit AOT_MAP=-XX:SharedArchiveFile; fi
aot_file() { echo "$STATE/aot/$1.$AOT_EXT"; }
aot_current() {
  local f; f=$(aot_file "$1")
  [ -f "$f" ] && [ "$(cat "$f.jdk" 2>/dev/null)" = "$JAVA_HOME" ] \
    && [ -z "$(find "$ROOT/$1/target/quarkus-app" "$JVM_OPTIONS" -newer "$f" -type f -print -quit 2>/dev/null)" ]
}
# The JVM option that maps the archive, if there is a current one.
aot_use() {
  [ "${CONFIDE_AOT:-1}" = 0 ] && return 0
  aot_current "$1" || return 0
  echo "$AOT_MAP=$(aot_file "$1")"
}
# A training start: the service on a spare port, without taking work from the real one (no outbox relay, no
# consumers), stopped once ready; the JVM writes the archive as it exits.
aot_train() {
  local s=$1 f port pid; f=$(aot_file "$s"); port=$(( $(port_of "$s") + 20000 ))
  [ "${CONFIDE_AOT:-1}" = 0 ] && return 0
  aot_current "$s" && return 0
  port_open "$port" && { say "port $port is taken: $s starts without a start-up archive"; return 0; }
  mkdir -p "$STATE/aot"
  # One recording per service at a time (two `up`s at once would overwrite each other's recording).
  exec 9>"$f.lock"; flock -n 9 || { say "$s: another start is recording its archive; this one starts without"; return 0; }
  rm -f "$f" "$f.jdk"
  say "recording a start-up archive for $s (once per build)"
  (
    service_env "$s"; cd "$ROOT" || exit
    exec "$JAVA" "@$JVM_OPTIONS" "$AOT_RECORD=$f" -Dquarkus.http.port="$port" -Dconfide.platform.outbox.enabled=false \
      -Dconfide.allocation-copy.enabled=false -Dconfide.audit.ingest-enabled=false \
      -jar "$ROOT/$s/target/quarkus-app/quarkus-run.jar"
  ) >"$LOGS/$s-aot.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 240); do
    curl -fs "http://127.0.0.1:$port/q/health/ready" >/dev/null 2>&1 && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  kill "$pid" 2>/dev/null || true
  # The JVM writes the archive as it exits; one that hangs is stopped and the service starts without an archive.
  for _ in $(seq 1 240); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  if [ -s "$f" ]; then echo "$JAVA_HOME" >"$f.jdk"; else rm -f "$f"; say "no start-up archive for $s (see $LOGS/$s-aot.log)"; fi
}
