# shellcheck shell=bash
# What the services run on, sourced by ./confide: PostgreSQL (the one given, the one on 5432, or a private one) and
# a Kafka KRaft broker. Keycloak, when asked for, is tools/keycloak.sh.

PG_VERSION="17.11.0"      # private PostgreSQL from Maven Central (io.zonky.test.postgres binaries)
PRIVATE_PG_PORT=55432
KAFKA_CONTROLLER_PORT=$((KAFKA_PORT + 1))

# A PostgreSQL server answers the 8-byte SSLRequest with one byte, S or N; other servers do not.
pg_answers() {
  local host=$1 port=$2 reply
  reply=$(timeout 3 bash -c "exec 3<>/dev/tcp/$host/$port && printf '\x00\x00\x00\x08\x04\xd2\x16\x2f' >&3 && head -c1 <&3" 2>/dev/null) || return 1
  [ "$reply" = "S" ] || [ "$reply" = "N" ]
}

# ---- PostgreSQL: CONFIDE_DB_URL, else 127.0.0.1:5432 if it answers, else a private server in .confide/pg.
# shellcheck disable=SC2034 # DB_SERVER (the server's JDBC URL, no database) is read by tools/services.sh and checks.sh
ensure_postgres() {
  if [ -n "${CONFIDE_DB_URL:-}" ]; then DB_SERVER="${CONFIDE_DB_URL%/}"; return; fi
  if [ -z "${CONFIDE_PRIVATE_PG:-}" ] && pg_answers 127.0.0.1 5432; then DB_SERVER="jdbc:postgresql://127.0.0.1:5432"; return; fi
  start_private_postgres
  DB_SERVER="jdbc:postgresql://127.0.0.1:$PRIVATE_PG_PORT"
}

as_pg_user() { if [ "$(id -u)" = 0 ]; then unshare -U "$@"; else "$@"; fi; }  # PostgreSQL refuses to run as root

# The PostgreSQL binaries in .confide/pg-dist (fetched once): a private server's, and the fault tests' own servers
# (system-tests PrivatePostgres reads CONFIDE_PG_DIST).
pg_dist() {
  local dist="$STATE/pg-dist" arch
  if [ ! -x "$dist/bin/postgres" ]; then
    case "$(uname -m)" in x86_64) arch=linux-amd64 ;; aarch64|arm64) arch=linux-arm64v8 ;; *) die "no PostgreSQL binaries for $(uname -m)" ;; esac
    say "fetching PostgreSQL $PG_VERSION binaries from Maven Central..."
    rm -rf "$dist" && mkdir -p "$dist"
    mvnw -q dependency:copy -Dartifact="io.zonky.test.postgres:embedded-postgres-binaries-$arch:$PG_VERSION" -DoutputDirectory="$dist" >/dev/null
    (cd "$dist" && "$JAVA_HOME/bin/jar" xf ./*.jar && tar xJf postgres-*.txz && rm -f ./*.jar postgres-*.txz)
  fi
  export CONFIDE_PG_DIST="$dist"
}

start_private_postgres() {
  local dist="$STATE/pg-dist"
  if pg_answers 127.0.0.1 "$PRIVATE_PG_PORT"; then return; fi
  pg_dist
  if [ ! -f "$STATE/pg/PG_VERSION" ]; then
    rm -rf "$STATE/pg"; mkdir -p "$STATE/pg"
    as_pg_user "$dist/bin/initdb" -D "$STATE/pg" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$LOGS/pg-init.log" 2>&1 \
      || die "initdb failed (see $LOGS/pg-init.log)"
    cat >>"$STATE/pg/postgresql.conf" <<EOF
port = $PRIVATE_PG_PORT
listen_addresses = '127.0.0.1'
unix_socket_directories = ''
max_connections = 200
EOF
  fi
  say "starting private PostgreSQL on 127.0.0.1:$PRIVATE_PG_PORT"
  as_pg_user "$dist/bin/pg_ctl" -D "$STATE/pg" -l "$LOGS/postgres.log" -w -t 60 start >/dev/null || die "PostgreSQL did not start (see $LOGS/postgres.log)"
  touch "$RUN/postgres.started"
}

stop_private_postgres() {
  if [ -f "$RUN/postgres.started" ]; then
    as_pg_user "$STATE/pg-dist/bin/pg_ctl" -D "$STATE/pg" stop -m fast >/dev/null 2>&1 || true
    rm -f "$RUN/postgres.started"
    say "stopped PostgreSQL"
  fi
}

# The runtime jars of tools/<x>/pom.xml, fetched from Maven Central once into a folder of .confide (the broker, the
# mail catcher): $1 what they are, $2 the pom, $3 the folder.
fetch_jars() {
  [ -f "$3/.complete" ] && return
  say "fetching $1 from Maven Central..."
  rm -rf "$3"
  mvnw -q -f "$2" dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$3" >/dev/null
  touch "$3/.complete"
}

# ---- Kafka: a real single-node KRaft broker from Maven Central jars, in .confide/kafka
ensure_kafka() {
  local dir="$STATE/kafka"
  if alive kafka; then return; fi
  if port_open "$KAFKA_PORT"; then say "a broker already listens on 127.0.0.1:$KAFKA_PORT; using it"; return; fi
  fetch_jars "the Kafka broker" tools/kafka/pom.xml "$dir/libs"
  mkdir -p "$dir/data"
  cat >"$dir/server.properties" <<EOF
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$dir/data
num.partitions=3
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
EOF
  cat >"$dir/log4j2.yaml" <<EOF
Configuration:
  Appenders:
    Console: { name: STDOUT, PatternLayout: { pattern: "[%d] %p %m (%c)%n" } }
  Loggers:
    Root: { level: WARN, AppenderRef: [ { ref: STDOUT } ] }
    Logger: [ { name: kafka.server.KafkaRaftServer, level: INFO }, { name: kafka.server.BrokerServer, level: INFO } ]
EOF
  local cp="$dir/libs/*"
  if [ ! -f "$dir/data/meta.properties" ]; then
    local id; id=$("$JAVA" -cp "$cp" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -1)
    "$JAVA" -cp "$cp" kafka.tools.StorageTool format -t "$id" -c "$dir/server.properties" >"$LOGS/kafka-format.log" 2>&1 \
      || die "formatting Kafka storage failed (see $LOGS/kafka-format.log)"
  fi
  say "starting Kafka on 127.0.0.1:$KAFKA_PORT"
  nohup "$JAVA" -Xmx512m -XX:+UseSerialGC -Djava.net.preferIPv4Stack=true -Dlog4j2.configurationFile="$dir/log4j2.yaml" \
    -cp "$cp" kafka.Kafka "$dir/server.properties" >"$LOGS/kafka.log" 2>&1 &
  echo $! >"$RUN/kafka.pid"
  wait_port kafka "$KAFKA_PORT" 120
}
