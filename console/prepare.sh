#!/usr/bin/env bash
# Makes the console ready to serve (and, with --browser, to test), installing what is missing; quick when nothing is:
#   npm ci           when node_modules does not hold package-lock.json's exact versions
#   npm run build    when dist/ is missing or older than the sources
#   --browser        Debian's chromium (apt-get), which the browser tests drive with playwright-core
# Used by ./confide up, ./confide test and system-tests' ConsoleBrowserSystemTest.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
LOG="${CONFIDE_CONSOLE_PREPARE_LOG:-$HERE/target/prepare.log}"
mkdir -p "$(dirname "$LOG")"
say() { printf '%s\n' "$*" >&2; }

{ command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; } || { say "console: needs Node.js 20.19+ and npm"; exit 1; }

if [ "${1:-}" = "--browser" ] && [ ! -x "${CONFIDE_CHROMIUM:-/usr/bin/chromium}" ]; then
  say "installing chromium (Debian package) for the console's browser tests"
  { DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >>"$LOG" 2>&1 \
    || { apt-get update -q >>"$LOG" 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >>"$LOG" 2>&1; }; } \
    || { tail -n 20 "$LOG" >&2; say "console: the browser tests need Debian's chromium (apt-get install chromium)"; exit 1; }
fi

if ! npm ls --prefix "$HERE" >/dev/null 2>&1; then
  say "installing the console's packages (npm ci --prefix console)"
  npm ci --prefix "$HERE" --no-audit --no-fund >>"$LOG" 2>&1 || { tail -n 30 "$LOG" >&2; say "console: npm ci failed"; exit 1; }
fi

stamp="$HERE/dist/index.html"
if [ ! -f "$stamp" ] || [ -n "$(find "$HERE/src" "$HERE/index.html" "$HERE/package-lock.json" "$HERE/vite.config.ts" "$HERE/tsconfig.json" -newer "$stamp" -type f -print -quit 2>/dev/null)" ]; then
  say "building the console (npm run build: tsc --strict, vite)"
  (cd "$HERE" && npm run build) >>"$LOG" 2>&1 || { tail -n 30 "$LOG" >&2; say "console: the build failed (see $LOG)"; exit 1; }
fi
