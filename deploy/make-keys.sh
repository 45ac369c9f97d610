#!/usr/bin/env bash
# Makes the local keys that docker-compose.yml mounts as secrets, in .confide/keys (git-ignored), keeping
# any that exist. The JWT pair is the one `./confide token` signs with, so tokens it mints work against
# the containers too.
#   publicKey.pem, privateKey.pem    RS256 pair for local tokens (tools/Keys.java, as ./confide does)
#   audit-signing-ed25519.pem        audit-service's checkpoint signing key (Ed25519, PKCS#8 PEM)
#   records-master.key               records-service's master key (32 random bytes, base64)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
KEYS="$ROOT/.confide/keys"
mkdir -p "$KEYS"
umask 077

if [ ! -f "$KEYS/privateKey.pem" ]; then
  JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
  "$JAVA" "$ROOT/tools/Keys.java" gen "$KEYS"
  echo "made $KEYS/publicKey.pem and privateKey.pem"
fi
if [ ! -f "$KEYS/audit-signing-ed25519.pem" ]; then
  openssl genpkey -algorithm ed25519 -out "$KEYS/audit-signing-ed25519.pem"
  echo "made $KEYS/audit-signing-ed25519.pem"
fi
if [ ! -f "$KEYS/records-master.key" ]; then
  openssl rand -base64 32 >"$KEYS/records-master.key"
  echo "made $KEYS/records-master.key"
fi
# The containers run as uid 185: Compose mounts file secrets as they are, so they must be readable.
chmod 644 "$KEYS/publicKey.pem" "$KEYS/audit-signing-ed25519.pem" "$KEYS/records-master.key"
