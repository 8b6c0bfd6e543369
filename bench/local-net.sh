# local-net.sh: what the bench scripts that run `kadence local-net` share. Sourced, not run.

# stop_local_net PID GRACE [DIR]: stops the `local-net` launcher PID as Ctrl-C does (SIGTERM:
# every peer leaves gracefully), kills it after GRACE seconds if it is still there, and with
# DIR also kills any peer process of DIR that is left.
stop_local_net() {
  local pid="$1" grace="$2" dir="${3:-}"
  if [ -n "$pid" ] && kill -0 "$pid" 2> /dev/null; then
    kill -TERM "$pid" 2> /dev/null || true
    for _ in $(seq 1 "$grace"); do kill -0 "$pid" 2> /dev/null || break; sleep 1; done
    kill -9 "$pid" 2> /dev/null || true
  fi
  if [ -n "$dir" ]; then
    pkill -9 -f -- "$dir/peer-" 2> /dev/null || true
  fi
}
