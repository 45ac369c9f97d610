# shellcheck shell=bash
# `./confide demo`: the README's walkthrough in one go, against a running `./confide up`.

cmd_demo() {
  local manager compliance client_json client_id entries
  curl -fs http://127.0.0.1:8083/q/health/ready >/dev/null || die "Confide is not up: run ./confide up first"
  if [ "$(idp)" = keycloak ]; then  # the realm's demo users (tools/keycloak.sh)
    manager=$(keycloak_token --user alice); compliance=$(keycloak_token --user carol)
  else
    manager=$(mint manager demo-org demo-manager 600); compliance=$(mint compliance demo-org demo-auditor 600)
  fi
  echo "POST /clients (records-service) as a manager of demo-org:"
  client_json=$(curl -fsS -X POST http://127.0.0.1:8083/clients -H "Authorization: Bearer $manager" \
    -H 'Content-Type: application/json' \
    -d '{"identity":{"fullName":"Alex Example","dateOfBirth":"1990-04-01"},"programme":"COUNSELLING","limitsExplained":true}')
  echo "$client_json"
  client_id=$(printf '%s' "$client_json" | sed -n 's/.*"id":"\([0-9a-f-]*\)".*/\1/p' | head -1)
  echo
  echo "GET /audit/entries?clientId=$client_id (audit-service) as compliance:"
  for _ in $(seq 1 40); do
    entries=$(curl -fsS "http://127.0.0.1:8084/audit/entries?clientId=$client_id" -H "Authorization: Bearer $compliance")
    case "$entries" in *client.registered*) break ;; esac
    sleep 0.5
  done
  echo "$entries"
  echo
  echo "GET /audit/verify:"
  curl -fsS http://127.0.0.1:8084/audit/verify -H "Authorization: Bearer $compliance"
  echo
}
