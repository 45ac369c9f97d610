#!/usr/bin/env bash
# Makes the local keys that docker-compose.yml mounts as secrets, in .confide/keys (git-ignored), keeping
# any that exist. The JWT pair is the one `./confide token` signs with, so tokens it mints work against
# the containers too.
#   publicKey.pem, privateKey.pem    RS256 pair for local tokens (the jwt module's jar, as ./confide does)
#   <service>-idempotency.key        the key of each service's Idempotency-Key request hashes (32 random bytes, base64;
#                                    the files ./confide up makes at these paths)
#   audit-signing.key                audit-service's checkpoint signing key (Ed25519 signed-note signer key,
#                                    the file ./confide up makes at this path; a production start never makes one)
#   audit-public.key                 its public key (base64 of the raw 32 bytes), which the console checks checkpoints with
#   records-master.key               records-service's master key (32 random bytes, base64)
#   consent-master.key, disclosure-master.key   the same for consent- and disclosure-service (R-REC-3)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
KEYS="$ROOT/.confide/keys"
mkdir -p "$KEYS"
umask 077

if [ ! -f "$KEYS/privateKey.pem" ]; then
  JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
  (cd "$ROOT" && ./mvnw -B -q -pl jwt package -DskipTests) >&2
  "$JAVA" -jar "$ROOT/jwt/target/confide-jwt.jar" gen "$KEYS"
  echo "made $KEYS/publicKey.pem and privateKey.pem"
fi
for s in records-service consent-service disclosure-service; do
  if [ ! -f "$KEYS/$s-idempotency.key" ]; then
    openssl rand -base64 32 >"$KEYS/$s-idempotency.key"
    echo "made $KEYS/$s-idempotency.key"
  fi
  chmod 644 "$KEYS/$s-idempotency.key"
done
if [ ! -f "$KEYS/audit-signing.key" ]; then
  "$ROOT/deploy/audit-signing-key.sh" >"$KEYS/audit-signing.key"
  echo "made $KEYS/audit-signing.key"
fi
if [ ! -f "$KEYS/audit-public.key" ]; then
  # The signer key ends in base64(0x01 || seed) after its fourth '+'; PKCS#8 of Ed25519 is a fixed prefix and the seed.
  { printf '\x30\x2e\x02\x01\x00\x30\x05\x06\x03\x2b\x65\x70\x04\x22\x04\x20'
    cut -d+ -f5- "$KEYS/audit-signing.key" | openssl base64 -d -A | tail -c 32; } \
    | openssl pkey -inform DER -pubout -outform DER | tail -c 32 | openssl base64 -A >"$KEYS/audit-public.key"
  echo "made $KEYS/audit-public.key"
fi
for svc in records consent disclosure; do
  if [ ! -f "$KEYS/$svc-master.key" ]; then
    openssl rand -base64 32 >"$KEYS/$svc-master.key"
    echo "made $KEYS/$svc-master.key"
  fi
done
# The containers run as uid 185: Compose mounts file secrets as they are, so they must be readable.
# Local use only: on a shared host, run the containers with your uid instead. (privateKey.pem signs local tokens
# only; the console container reads it for its local sign-in.)
chmod 644 "$KEYS/publicKey.pem" "$KEYS/privateKey.pem" "$KEYS/audit-public.key" "$KEYS/audit-signing.key" "$KEYS/records-master.key" "$KEYS/consent-master.key" \
  "$KEYS/disclosure-master.key"
