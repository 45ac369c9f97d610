# shellcheck shell=bash
# Keycloak as Confide's identity provider (README "A real identity provider"): sourced by ./confide, which defines
# ROOT, STATE, RUN, LOGS, KEYS, JAVA_HOME, say, die, mvnw, alive and port_open.
#   ./confide up --idp keycloak     Keycloak in its dev mode (dev database under .confide/keycloak/home/data), realm
#                                   deploy/keycloak/realm.json; the services trust only its JWKS URL and audience
#   ./confide token --user NAME     a token from it (password grant); --client PARTNER: client credentials
#   ./confide test --with keycloak  system-tests' KeycloakSystemTest and the console's sign-in through it

KEYCLOAK_VERSION="${CONFIDE_KEYCLOAK_VERSION:-26.7.3}"   # org.keycloak:keycloak-quarkus-dist, a version Maven Central serves
KEYCLOAK_REALM=confide
KEYCLOAK_AUDIENCE=confide                                 # the realm's audience mapper puts it in every token's aud
KC_STATE="$STATE/keycloak"
KC_DIST="$KC_STATE/dist-$KEYCLOAK_VERSION"               # unpacked and built once; never run itself, copied per instance
KC_HOME="$KC_STATE/home"                                  # ./confide up's instance
KC_DEMO_PASSWORD=confide-demo                             # the demo users' password in realm.json (dev only)

# The distribution from Maven Central (cached in ~/.m2), unpacked, with its dev-mode build done once: Keycloak's first
# start-dev spends a minute or two re-building itself; each instance is a copy of this folder and skips that.
keycloak_dist() {
  [ -f "$KC_DIST/.ready" ] && return
  local tmp="$KC_STATE/unpack" port pid
  say "fetching Keycloak $KEYCLOAK_VERSION (org.keycloak:keycloak-quarkus-dist) from Maven Central..."
  rm -rf "$KC_DIST" "$tmp"; mkdir -p "$tmp" "$LOGS"
  mvnw -q dependency:copy -Dartifact="org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip" -DoutputDirectory="$tmp" >/dev/null \
    || die "could not fetch org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION from Maven Central"
  (cd "$tmp" && "$JAVA_HOME/bin/jar" xf "keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip" && rm -f ./*.zip) || die "could not unpack Keycloak"
  mv "$tmp/keycloak-$KEYCLOAK_VERSION" "$KC_DIST" && rm -rf "$tmp"
  say "building Keycloak's dev mode once (a minute or two)..."
  port=$(keycloak_free_port 18480)
  (cd "$KC_DIST" && JAVA_HOME="$JAVA_HOME" exec bash bin/kc.sh start-dev --http-host=127.0.0.1 --http-port="$port") \
    >"$LOGS/keycloak-build.log" 2>&1 &
  pid=$!
  # The build ends in "augmentation completed" and a relaunch; that server is stopped at once (this copy never serves).
  for _ in $(seq 1 600); do
    grep -q "Running the server in development mode" "$LOGS/keycloak-build.log" 2>/dev/null && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 1
  done
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  grep -q "augmentation completed" "$LOGS/keycloak-build.log" || { tail -n 30 "$LOGS/keycloak-build.log" >&2; die "Keycloak's build failed (see $LOGS/keycloak-build.log)"; }
  rm -rf "$KC_DIST/data"
  touch "$KC_DIST/.ready"
}

# The first port from $1 on that nothing listens on.
keycloak_free_port() {
  local p=$1
  while port_open "$p"; do p=$((p + 1)); done
  echo "$p"
}

keycloak_issuer() { echo "http://127.0.0.1:$(cat "$RUN/keycloak.port")/realms/$KEYCLOAK_REALM"; }

# Started once; its dev database (data/h2) is kept across `up`/`down`. When realm.json changes, the database is made
# anew so that the realm is imported again (users added by hand in the admin console are lost then).
keycloak_start() {
  local port sum
  if alive keycloak; then return; fi
  keycloak_dist
  if [ ! -f "$KC_HOME/.from" ] || [ "$(cat "$KC_HOME/.from")" != "$KC_DIST" ]; then
    rm -rf "$KC_HOME"; cp -a "$KC_DIST" "$KC_HOME"; echo "$KC_DIST" >"$KC_HOME/.from"
  fi
  sum=$(sha256sum "$ROOT/deploy/keycloak/realm.json" | cut -d' ' -f1)
  if [ "$(cat "$KC_HOME/.realm" 2>/dev/null)" != "$sum" ]; then
    [ -d "$KC_HOME/data/h2" ] && say "deploy/keycloak/realm.json changed: Keycloak's dev database is made anew"
    rm -rf "$KC_HOME/data/h2" "$KC_HOME/data/transaction-logs"
  fi
  mkdir -p "$KC_HOME/data/import"
  # The console's redirect URIs name its port (8080 in realm.json).
  sed "s#http://127.0.0.1:8080/#http://127.0.0.1:$CONSOLE_PORT/#; s#http://localhost:8080/#http://localhost:$CONSOLE_PORT/#" \
    "$ROOT/deploy/keycloak/realm.json" >"$KC_HOME/data/import/confide-realm.json"
  [ -f "$KEYS/keycloak-admin.password" ] || (umask 077; mkdir -p "$KEYS"; head -c 18 /dev/urandom | base64 | tr '+/' 'xy' >"$KEYS/keycloak-admin.password")
  port=$(keycloak_free_port "${CONFIDE_KEYCLOAK_PORT:-8180}")
  echo "$port" >"$RUN/keycloak.port"
  say "starting Keycloak $KEYCLOAK_VERSION (dev mode) on :$port"
  (
    cd "$KC_HOME" || exit
    export KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD; KC_BOOTSTRAP_ADMIN_PASSWORD=$(cat "$KEYS/keycloak-admin.password")
    # --hostname fixes the issuer (iss) whatever host name a caller uses; the services check iss against it.
    nohup bash bin/kc.sh start-dev --http-host=127.0.0.1 --http-port="$port" --hostname="http://127.0.0.1:$port" \
      --import-realm >"$LOGS/keycloak.log" 2>&1 &
    echo $! >"$RUN/keycloak.pid"
  )
  keycloak_wait_ready
  echo "$sum" >"$KC_HOME/.realm"
}

keycloak_wait_ready() {
  local issuer; issuer=$(keycloak_issuer)
  for _ in $(seq 1 600); do
    curl -fs "$issuer/.well-known/openid-configuration" >/dev/null 2>&1 && return 0
    alive keycloak || { tail -n 30 "$LOGS/keycloak.log" >&2; die "Keycloak exited during start-up (see $LOGS/keycloak.log)"; }
    sleep 1
  done
  die "Keycloak is not ready after 10 minutes (see $LOGS/keycloak.log)"
}

# What the services are given instead of ./confide's local key: the issuer's JWKS URL, its iss, and Confide's audience.
keycloak_service_env() {
  local issuer; issuer=$(keycloak_issuer)
  export CONFIDE_JWT_PUBLIC_KEY="$issuer/protocol/openid-connect/certs" CONFIDE_JWT_ISSUER="$issuer" CONFIDE_JWT_AUDIENCE="$KEYCLOAK_AUDIENCE"
}

# The console signs in through Keycloak (authorization code + PKCE, public client confide-console); no dev sign-in.
keycloak_console_env() {
  export CONFIDE_CONSOLE_DEV_LOGIN=false CONFIDE_OIDC_ISSUER; CONFIDE_OIDC_ISSUER=$(keycloak_issuer)
  export CONFIDE_OIDC_CLIENT_ID=confide-console CONFIDE_OIDC_SCOPE=openid
}

keycloak_summary() {
  local issuer; issuer=$(keycloak_issuer)
  cat <<EOF
  keycloak            ${issuer%/realms/*}  (admin console: user admin, password in .confide/keys/keycloak-admin.password)
Tokens come from Keycloak (realm $KEYCLOAK_REALM, $issuer); the services trust only its keys and audience '$KEYCLOAK_AUDIENCE'.
$(keycloak_users)
EOF
}

keycloak_users() {
  cat <<EOF
Demo users (password $KC_DEMO_PASSWORD): alice manager, pete practitioner, carol compliance, sam supervisor, adam admin
(org demo-org); olga manager of other-org. Partners: clients partner-x and partner-y (secret <client>-secret).
A client signs in as a Keycloak user with role client whose attribute clientId (set by an admin) is their client id.
  ./confide token --user alice                 # password grant (client confide-cli), the token alone on the last line
  ./confide token --client partner-x           # client credentials (role partner, org partner-x)
EOF
}

# ./confide token while Keycloak is the issuer. $@: --user NAME [--password PW] | --client ID [--secret S].
keycloak_token() {
  local user="" password="$KC_DEMO_PASSWORD" client="" secret="" body token issuer
  while [ $# -gt 0 ]; do
    case "$1" in
      --user) user=$2; shift 2 ;; --password) password=$2; shift 2 ;;
      --client) client=$2; shift 2 ;; --secret) secret=$2; shift 2 ;;
      *) say "Confide is up with Keycloak as its issuer: ./confide cannot mint tokens the services would trust."
         say "$(keycloak_users)"; exit 2 ;;
    esac
  done
  issuer=$(keycloak_issuer)
  if [ -n "$user" ]; then
    body=$(curl -sS -d grant_type=password -d client_id=confide-cli --data-urlencode "username=$user" \
      --data-urlencode "password=$password" -d scope=openid "$issuer/protocol/openid-connect/token")
  elif [ -n "$client" ]; then
    body=$(curl -sS -d grant_type=client_credentials --data-urlencode "client_id=$client" \
      --data-urlencode "client_secret=${secret:-$client-secret}" "$issuer/protocol/openid-connect/token")
  else
    say "usage: ./confide token --user NAME [--password PW] | --client PARTNER [--secret S]"; say "$(keycloak_users)"; exit 2
  fi
  token=$(printf '%s' "$body" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')
  [ -n "$token" ] || die "Keycloak refused: $body"
  echo "$token"
}
