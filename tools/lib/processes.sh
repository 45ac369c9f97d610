# shellcheck shell=bash
# Processes ./confide started: one pid file each under .confide/run. Sourced by ./confide (which defines RUN, LOGS and die).
alive() { [ -f "$RUN/$1.pid" ] && kill -0 "$(cat "$RUN/$1.pid")" 2>/dev/null; }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
wait_port() { for _ in $(seq 1 "${3:-120}"); do port_open "$2" && return 0; sleep 0.5; done; die "$1 did not open port $2 (see $LOGS)"; }
