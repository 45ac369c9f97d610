#!/usr/bin/env bash
# Prints the Kubernetes Secrets that deploy/k8s references, with fresh random passwords and keys. Nothing
# is written to disk. Create them once, before the first `kubectl apply -k`:
#
#   deploy/make-secrets.sh --namespace confide \
#       --jwks-url https://id.example.org/realms/confide/protocol/openid-connect/certs \
#       --issuer https://id.example.org/realms/confide | kubectl create -f -
#
# Use `kubectl create`, never `apply`: create refuses to replace a Secret that exists. Replacing
# confide-records-master-key makes every client's identity and notes unreadable (confide-consent-master-key
# and confide-disclosure-master-key: their reasons, summaries and notes), and replacing
# confide-audit-signing-key starts checkpoints under a new public key. Back both up outside the cluster.
set -euo pipefail
NS=confide JWKS="" ISSUER=""
while [ $# -gt 0 ]; do
  case "$1" in
    --namespace) NS=$2; shift 2 ;;
    --jwks-url) JWKS=$2; shift 2 ;;
    --issuer) ISSUER=$2; shift 2 ;;
    *) echo "usage: $0 [--namespace NS] --jwks-url URL --issuer ISSUER" >&2; exit 2 ;;
  esac
done
{ [ -n "$JWKS" ] && [ -n "$ISSUER" ]; } || { echo "$0: --jwks-url and --issuer are required (your OIDC issuer)" >&2; exit 2; }
{ command -v kubectl >/dev/null && command -v openssl >/dev/null; } || { echo "$0: needs kubectl and openssl" >&2; exit 1; }

tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
secret() { kubectl create secret generic "$@" --namespace "$NS" --dry-run=client -o yaml; echo ---; }
password() { openssl rand -base64 33 | tr -d '/+=\n'; }

# Token verification: the issuer's JWKS URL (mp.jwt.verify.publickey.location accepts a URL) and issuer.
secret confide-jwt --from-literal=CONFIDE_JWT_PUBLIC_KEY="$JWKS" --from-literal=CONFIDE_JWT_ISSUER="$ISSUER"
# One login role per database (CloudNativePG reads username and password from basic-auth Secrets).
for role in consent disclosure records audit; do
  secret "confide-db-$role" --type=kubernetes.io/basic-auth \
    --from-literal=username="confide_$role" --from-literal=password="$(password)"
done
secret confide-db-audit-app --type=kubernetes.io/basic-auth \
  --from-literal=username=confide_audit_app --from-literal=password="$(password)"
# Each service's key of its Idempotency-Key request hashes; replacing one only turns retries of the last 24 h into 409s.
secret confide-idempotency --from-literal=records="$(openssl rand -base64 32)" \
  --from-literal=consent="$(openssl rand -base64 32)" --from-literal=disclosure="$(openssl rand -base64 32)"
"$(dirname "${BASH_SOURCE[0]}")/audit-signing-key.sh" >"$tmp/signing.key"
secret confide-audit-signing-key --from-file=signing.key="$tmp/signing.key"
# One master key per service that seals free text about clients with per-client keys (R-REC-3).
for svc in records consent disclosure; do
  openssl rand -base64 32 >"$tmp/$svc-master.key"
  secret "confide-$svc-master-key" --from-file=master.key="$tmp/$svc-master.key"
done
