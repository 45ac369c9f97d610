# shellcheck shell=bash
# The local mail catcher (README "Mails"), sourced by ./confide: GreenMail standalone from Maven Central, a real SMTP
# server that keeps every mail it receives, readable over IMAP and its REST API. Uses ROOT, STATE, RUN, LOGS, JAVA,
# say, mvnw, alive, port_open and wait_port.

MAIL_SMTP_PORT="${CONFIDE_SMTP_PORT:-3025}"
MAIL_IMAP_PORT="${CONFIDE_MAIL_IMAP_PORT:-3143}"
MAIL_API_PORT="${CONFIDE_MAIL_API_PORT:-3080}"

ensure_mail() {
  local dir="$STATE/mail"
  if alive mail; then return; fi
  if port_open "$MAIL_SMTP_PORT"; then say "an SMTP server already listens on 127.0.0.1:$MAIL_SMTP_PORT; using it"; return; fi
  fetch_jars "the GreenMail mail catcher" tools/mail/pom.xml "$dir/libs"
  say "starting the mail catcher: SMTP 127.0.0.1:$MAIL_SMTP_PORT, IMAP :$MAIL_IMAP_PORT, API http://127.0.0.1:$MAIL_API_PORT"
  # Any address is accepted and gets a mailbox; IMAP logs in with the address as user and as password.
  nohup "$JAVA" -Xmx128m -XX:+UseSerialGC -Dgreenmail.auth.disabled \
    -Dgreenmail.smtp.hostname=127.0.0.1 -Dgreenmail.smtp.port="$MAIL_SMTP_PORT" \
    -Dgreenmail.imap.hostname=127.0.0.1 -Dgreenmail.imap.port="$MAIL_IMAP_PORT" \
    -Dgreenmail.api.hostname=127.0.0.1 -Dgreenmail.api.port="$MAIL_API_PORT" \
    -cp "$dir/libs/*" com.icegreen.greenmail.standalone.GreenMailStandaloneRunner >"$LOGS/mail.log" 2>&1 &
  echo $! >"$RUN/mail.pid"
  wait_port mail "$MAIL_SMTP_PORT" 60
}
