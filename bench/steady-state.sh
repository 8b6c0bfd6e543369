#!/usr/bin/env bash
# steady-state.sh: the cost of a get on a small warm local network (docs/BENCHMARKS.md, "Where a
# get's time goes on five warm peers").
#
#   bench/steady-state.sh                          # 5 peers, 5 warm-up rounds (about 9 minutes)
#   bench/steady-state.sh --rounds 2               # shorter warm-up
#   bench/steady-state.sh --peers 8 --base-port 19000
#   bench/steady-state.sh --java-opts "-Dpekko.actor.default-dispatcher.fork-join-executor.parallelism-max=2"
#
# Starts `kadence local-net N --no-shell` (default peers, each its own JVM), puts 300 keys, then
# runs warm-up rounds (3,000 gets at 1 in flight, 3,000 at 16, 200 puts at 4; each round's table
# is printed, so the JIT's settling shows), then measures 3,000 gets at 1 in flight and 3,000 at
# 16 in flight. Beside `kadence bench`'s columns it prints, per get and summed over the peers,
# the context switches (voluntary + involuntary, from /proc/PID/task/*/status) and the seconds
# the JIT compilers spent in the phase (`jstat -compiler`). --java-opts reaches the peers'
# JVMs through JAVA_TOOL_OPTIONS, so -D settings override the peers' Pekko configuration.
# The network is stopped (SIGTERM, a graceful leave) and its directory deleted at the end.
# Needs the machine to itself: run it under `flock /tmp/kadence-heavy.lock` where others share it.
set -euo pipefail

root="$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
kadence="$root/bin/kadence"
. "$root/bench/local-net.sh"
peers=5
rounds=5
base=18700
java_opts=""

usage() { sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'; }
die() { echo "steady-state: $*" >&2; exit 1; }

while [ $# -gt 0 ]; do
  case "$1" in
    --peers) [ $# -ge 2 ] || die "--peers needs a value"; peers="$2"; shift 2 ;;
    --rounds) [ $# -ge 2 ] || die "--rounds needs a value"; rounds="$2"; shift 2 ;;
    --base-port) [ $# -ge 2 ] || die "--base-port needs a value"; base="$2"; shift 2 ;;
    --java-opts) [ $# -ge 2 ] || die "--java-opts needs a value"; java_opts="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) die "unknown option $1 (see --help)" ;;
  esac
done
[[ "$peers" =~ ^[0-9]+$ ]] && [ "$peers" -ge 2 ] || die "--peers must be a number of at least 2"
[[ "$rounds" =~ ^[0-9]+$ ]] || die "--rounds must be a number"
command -v jstat > /dev/null || die "jstat (a JDK tool) is needed for the JIT column"

work="$(mktemp -d /tmp/kadence-steady.XXXXXX)"
net="$work/net"
state="$work/keys.json"
launcher=""
stop() {
  stop_local_net "$launcher" 60
  rm -rf "$work"
}
trap stop EXIT

JAVA_TOOL_OPTIONS="$java_opts" "$kadence" local-net "$peers" --no-shell --dir "$net" \
  --base-port "$base" > "$work/local-net.log" 2>&1 &
launcher=$!
for _ in $(seq 120); do
  grep -q '^serving' "$work/local-net.log" 2> /dev/null && break
  kill -0 "$launcher" 2> /dev/null || { cat "$work/local-net.log" >&2; die "the network did not start"; }
  sleep 1
done
grep -q '^serving' "$work/local-net.log" || die "the network did not serve within 120 s"
pids=$(pgrep -f -- "--data-dir $net/peer-" || true)
[ "$(echo "$pids" | wc -w)" = "$peers" ] || die "found $(echo "$pids" | wc -w) peer processes, not $peers"

switches() {
  local total=0 pid f n
  for pid in $pids; do
    for f in /proc/"$pid"/task/*/status; do
      n=$(awk '/ctxt_switches/ { s += $2 } END { print s + 0 }' "$f" 2> /dev/null || echo 0)
      total=$((total + n))
    done
  done
  echo "$total"
}
jit_seconds() {
  local pid
  for pid in $pids; do jstat -compiler "$pid" | awk 'NR == 2 { print $4 }'; done \
    | awk '{ s += $1 } END { printf "%.2f", s }'
}
bench() {
  "$kadence" bench --local-net "$net" --keys 500 --state "$state" "$@" 2>&1 \
    | grep -v '^msgs/op\|^kadence:'
}

echo "steady-state: $peers peers, $rounds warm-up rounds, java opts '${java_opts}'; $(date -u +%FT%TZ)"
bench --seed 1 --phase put:inflight=4,count=300 > /dev/null
for r in $(seq "$rounds"); do
  echo "warm-up round $r:"
  bench --seed $((r + 10)) --phase get:inflight=1,count=3000 --phase get:inflight=16,count=3000 \
    --phase put:inflight=4,count=200
done
measure() {
  local inflight="$1" before jit_before result after jit_after
  before=$(switches); jit_before=$(jit_seconds)
  result=$(bench --seed $((inflight + 100)) --phase "get:inflight=$inflight,count=3000")
  after=$(switches); jit_after=$(jit_seconds)
  [ "$inflight" != 1 ] || printf '%s  CTX/GET  JIT S\n' "$(echo "$result" | head -1)"
  printf '%s  %7d  %5.2f\n' "$(echo "$result" | sed -n 2p)" $(((after - before) / 3000)) \
    "$(echo "$jit_after - $jit_before" | bc)"
  echo "$result" | tail -n +3
}
echo "measured (load average $(cut -d' ' -f1-3 /proc/loadavg) before):"
measure 1
measure 16
