#!/usr/bin/env bash
# Prints a new audit-service checkpoint signing key on stdout, in the form audit-service reads from
# CONFIDE_AUDIT_SIGNING_KEY (confide.audit.signing-key): a signed-note signer key
#   PRIVATE+KEY+confide-audit+<hex key id>+<base64(0x01 || Ed25519 seed)>
# with key id = the first 4 bytes of SHA-256("confide-audit" || 0x0A || 0x01 || public key), as
# audit-service makes one in dev mode and tests. ./confide up runs it (output kept with mode 0600); a production
# start of audit-service never makes a key. Needs openssl (1.1.1 or newer) and coreutils only.
set -euo pipefail
NAME=confide-audit
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
openssl genpkey -algorithm ed25519 -outform DER -out "$tmp/key.der"
openssl pkey -inform DER -in "$tmp/key.der" -pubout -outform DER -out "$tmp/pub.der"
tail -c 32 "$tmp/key.der" >"$tmp/seed"      # PKCS#8 of Ed25519 ends with the 32-byte seed
tail -c 32 "$tmp/pub.der" >"$tmp/pub"       # SubjectPublicKeyInfo ends with the 32-byte key
id=$( { printf '%s\n\001' "$NAME"; cat "$tmp/pub"; } | openssl dgst -sha256 -binary | head -c 4 | od -An -tx1 | tr -d ' \n')
key=$( { printf '\001'; cat "$tmp/seed"; } | openssl base64 -A)
printf 'PRIVATE+KEY+%s+%s+%s\n' "$NAME" "$id" "$key"
