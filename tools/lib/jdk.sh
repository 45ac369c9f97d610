# shellcheck shell=bash
# The JDK and Maven, sourced by ./confide (which defines ROOT, say and die): JAVA_HOME, JAVA, JAVA_MAJOR and mvnw.

# ---- Java: JAVA_HOME if it is 21+, else the newest JDK 21+ installed on the system.
java_major() { "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -1; }
find_java() {
  local candidates=() best="" best_v=0 j v
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME/bin/java")
  for j in /usr/lib/jvm/*/bin/java /opt/java/*/bin/java /opt/*/bin/java /usr/local/*/bin/java "$(command -v java 2>/dev/null || true)"; do
    [ -x "$j" ] && candidates+=("$j")
  done
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    v=$(java_major "$JAVA_HOME/bin/java"); v=${v%%.*}
    if [ "${v:-0}" -ge 21 ]; then echo "$JAVA_HOME"; return; fi
  fi
  for j in "${candidates[@]}"; do
    v=$(java_major "$j"); v=${v%%.*}
    if [ "${v:-0}" -ge 21 ] && [ "$v" -gt "$best_v" ] && [ -x "$(dirname "$j")/javac" ]; then best="$j"; best_v=$v; fi
  done
  [ -n "$best" ] || die "no JDK 21 or newer found (looked at JAVA_HOME and /usr/lib/jvm). Install one, e.g. 'apt-get install openjdk-21-jdk-headless' or Temurin 21+, or set JAVA_HOME."
  dirname "$(dirname "$(readlink -f "$best")")"
}
JAVA_HOME="$(find_java)"; export JAVA_HOME
JAVA="$JAVA_HOME/bin/java"
JAVA_MAJOR=$(java_major "$JAVA"); JAVA_MAJOR=${JAVA_MAJOR%%.*}

MVN_FLAGS=(-B)
[ "${CI:-}" = "true" ] && MVN_FLAGS+=(-ntp)
mvnw() { (cd "$ROOT" && ./mvnw "${MVN_FLAGS[@]}" "$@"); }
