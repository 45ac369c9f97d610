# shellcheck shell=bash
# `./confide demo`: the README's walkthrough in one go, against a running `./confide up`.

cmd_demo() {
  local manager compliance practitioner supervisor client client_json client_id entries agreement complaint complaint_id
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
  if [ "$(idp)" = keycloak ]; then
    echo "(the supervision agreement and the complaint below need the local tokens: run ./confide up without --idp)"
    return 0
  fi
  practitioner=$(mint practitioner demo-org demo-practitioner 600)
  supervisor=$(mint supervisor demo-org demo-supervisor 600)
  echo
  echo "POST /supervision-agreements (R-CONF-5) as the manager: demo-supervisor supervises demo-practitioner:"
  agreement=$(curl -fsS -X POST http://127.0.0.1:8083/supervision-agreements -H "Authorization: Bearer $manager" \
    -H 'Content-Type: application/json' -d '{"supervisorId":"demo-supervisor","practitionerId":"demo-practitioner"}')
  echo "$agreement"
  echo
  echo "POST /clients as demo-practitioner, the client told their work may be supervised (supervisionExplained):"
  client_json=$(curl -fsS -X POST http://127.0.0.1:8083/clients -H "Authorization: Bearer $practitioner" \
    -H 'Content-Type: application/json' \
    -d '{"identity":{"fullName":"Sam Example","dateOfBirth":"1988-09-12"},"programme":"COUNSELLING","limitsExplained":true,"supervisionExplained":true}')
  client_id=$(printf '%s' "$client_json" | sed -n 's/.*"id":"\([0-9a-f-]*\)".*/\1/p' | head -1)
  echo "GET /clients/$client_id/supervision-view as demo-supervisor (de-identified; another supervisor gets 404):"
  curl -fsS "http://127.0.0.1:8083/clients/$client_id/supervision-view" -H "Authorization: Bearer $supervisor"
  echo
  echo
  client=$(mint client demo-org "$client_id" 600)
  echo "POST /me/complaints (R-COMP-1) as that client:"
  complaint=$(curl -fsS -X POST http://127.0.0.1:8083/me/complaints -H "Authorization: Bearer $client" \
    -H 'Content-Type: application/json' -d '{"text":"My session was moved without notice."}')
  echo "$complaint"
  complaint_id=$(printf '%s' "$complaint" | sed -n 's/.*"id":"\([0-9a-f-]*\)".*/\1/p' | head -1)
  echo "POST /complaints/$complaint_id/status as the manager (a director): ACKNOWLEDGED"
  curl -fsS -X POST "http://127.0.0.1:8083/complaints/$complaint_id/status" -H "Authorization: Bearer $manager" \
    -H 'Content-Type: application/json' -d '{"status":"ACKNOWLEDGED"}'
  echo
}
