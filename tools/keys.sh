# shellcheck shell=bash
# Keys under .confide/keys and local tokens (`./confide token`), sourced by ./confide.

# The jwt module's jar (plain JDK: the RS256 minter the tests and disclosure-service use too), built when missing or
# older than its sources; prints its path. Maven's output goes to stderr.
jwt_jar() {
  local jar="$ROOT/jwt/target/confide-jwt.jar"
  if [ ! -f "$jar" ] || [ -n "$(find "$ROOT/jwt/src/main" "$ROOT/jwt/pom.xml" -newer "$jar" -type f -print -quit)" ]; then
    say "building the token tool (./mvnw -pl jwt package)..."
    mvnw -q -pl jwt package -DskipTests >&2 || die "cannot build the token tool (jwt)"
  fi
  echo "$jar"
}

# Key files are made readable by their owner only (0600, in a 0700 folder) from the moment they exist.
ensure_keys() {
  [ -f "$KEYS/privateKey.pem" ] && return
  local jar; jar=$(jwt_jar)
  (umask 077; mkdir -p "$KEYS"; "$JAVA" -jar "$jar" gen "$KEYS")
}
# audit-service's checkpoint signing key: a production start never makes its own, so it is made here, before the start.
ensure_audit_key() {
  [ -f "$KEYS/audit-signing.key" ] && return
  command -v openssl >/dev/null 2>&1 || die "making the audit signing key needs openssl (deploy/audit-signing-key.sh)"
  (umask 077; mkdir -p "$KEYS"
   "$ROOT/deploy/audit-signing-key.sh" >"$KEYS/.audit-signing.key.tmp" && mv -n "$KEYS/.audit-signing.key.tmp" "$KEYS/audit-signing.key"
   rm -f "$KEYS/.audit-signing.key.tmp") || die "could not make $KEYS/audit-signing.key"
}
# A service's master key for its per-client data keys (crypto-shredding, R-REC-3); losing it loses that
# service's free text about clients. $1: records, consent or disclosure.
ensure_master_key() {
  [ -f "$KEYS/$1-master.key" ] && return
  (umask 077; mkdir -p "$KEYS"; head -c 32 /dev/urandom | base64 >"$KEYS/$1-master.key")
}
mint() { local jar; ensure_keys; jar=$(jwt_jar); "$JAVA" -jar "$jar" token "$KEYS" "$1" "$2" "$3" "$4" "$ISSUER"; }

# The key of a service's Idempotency-Key request hashes (one per service; a copy of the table then confirms no guess).
ensure_idempotency_secret() {
  local f="$KEYS/$1-idempotency.key"
  [ -f "$f" ] || { mkdir -p "$KEYS"; (umask 077; head -c 32 /dev/urandom | base64 >"$f"); }
  echo "$f"
}

cmd_token() {
  if [ "$(idp)" = keycloak ] && alive keycloak; then keycloak_token "$@"; return; fi
  [ $# -ge 1 ] || die "usage: ./confide token ROLE --org ORG --sub ID [--ttl SECONDS]"
  local role=$1 org="demo-org" sub="" ttl=3600; shift
  while [ $# -gt 0 ]; do
    case "$1" in
      --org) org=$2; shift 2 ;; --sub) sub=$2; shift 2 ;; --ttl) ttl=$2; shift 2 ;;
      *) die "unknown option $1" ;;
    esac
  done
  case "$role" in practitioner|manager|supervisor|client|partner|compliance|admin|service) ;;
    *) die "unknown role $role (practitioner, manager, supervisor, client, partner, compliance, admin, service)" ;; esac
  [ -n "$sub" ] || sub="$role-1"
  mint "$role" "$org" "$sub" "$ttl"
}
