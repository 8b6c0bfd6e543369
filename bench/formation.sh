#!/usr/bin/env bash
# formation.sh: how long, and how much CPU, N local peers take to form one network, and what the
# network costs idle (docs/BENCHMARKS.md, "Cluster work per member").
#
#   bench/formation.sh 32                 # 32 lean peers (local-net --lean), the default
#   bench/formation.sh 64 --default       # default peers instead of lean ones
#   bench/formation.sh 64 --idle 120      # measure idle CPU over 120 s (default 60)
#
# Starts `kadence local-net N --no-shell` (four peers at a time, each batch settled before the
# next), waits until it says every peer serves, and prints one table row: seconds to form, CPU
# seconds the peer processes spent until then (user + system, from /proc), then their CPU over
# --idle seconds starting a minute later, as a share of one core, and how many members peer 0
# lists and how many it finds unreachable at the end. Stops the network and deletes its data.
# Heavy: run it under `flock /tmp/kadence-heavy.lock` on a shared machine.
set -euo pipefail

root="$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
kadence="$root/bin/kadence"
. "$root/bench/local-net.sh"
n=""
lean="--lean"
idle=60
base=23000

die() { echo "formation: $*" >&2; exit 1; }
while [ $# -gt 0 ]; do
  case "$1" in
    --default) lean=""; shift ;;
    --idle) [ $# -ge 2 ] || die "--idle needs seconds"; idle="$2"; shift 2 ;;
    -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) die "unknown option $1 (see --help)" ;;
    *) [ -z "$n" ] || die "one N only"; n="$1"; shift ;;
  esac
done
[[ "$n" =~ ^[0-9]+$ ]] && [ "$n" -ge 1 ] && [ "$n" -le 80 ] || die "N must be 1..80, got '$n'"
[[ "$idle" =~ ^[0-9]+$ ]] && [ "$idle" -ge 1 ] || die "--idle must be a positive number of seconds"
command -v curl > /dev/null || die "needs curl"

"$kadence" --version > /dev/null || die "building Kadence failed"
work="$(mktemp -d /tmp/kadence-formation-XXXXXX)"
dir="$work/net"
log="$work/local-net.log"
net_pid=""
trap 'stop_local_net "$net_pid" 120 "$dir"; rm -rf "$work"' EXIT
trap 'exit 130' INT TERM

# CPU clock ticks (user + system) of the peer processes of this network.
ticks() {
  local total=0 pid stat
  for pid in $(pgrep -f -- "$dir/peer-" || true); do
    stat=$(cut -d' ' -f14,15 "/proc/$pid/stat" 2> /dev/null) || continue
    total=$((total + ${stat% *} + ${stat#* }))
  done
  echo "$total"
}

started=$(date +%s)
"$kadence" local-net "$n" $lean --no-shell --base-port "$base" --dir "$dir" > "$log" 2>&1 &
net_pid=$!
bound=$((120 + 15 * n))
formed=""
for _ in $(seq 1 "$bound"); do
  if grep -q "Ctrl-C stops every peer" "$log"; then formed=yes; break; fi
  kill -0 "$net_pid" 2> /dev/null || break
  sleep 1
done
seconds=$(( $(date +%s) - started ))
[ -n "$formed" ] || { tail -5 "$log" >&2; die "the network did not form within $seconds s"; }
hz=$(getconf CLK_TCK)
form_cpu=$(( $(ticks) / hz ))
sleep 60
a=$(ticks); sleep "$idle"; b=$(ticks)
idle_pct=$(( (b - a) * 100 / (hz * idle) ))
members=$(curl -s -m 10 "http://127.0.0.1:$((base + 80))/v1/members" | python3 -c '
import json, sys
m = json.load(sys.stdin)["members"]
print(len(m), sum(1 for x in m if not x["reachable"]))' 2> /dev/null || echo "? ?")
echo "| N | peers | formed after | CPU to form | idle CPU (of one core) | members, unreachable |"
echo "|---|---|---|---|---|---|"
kind=lean; [ -n "$lean" ] || kind=default
echo "| $n | $kind | $seconds s | $form_cpu s | $idle_pct% | ${members% *}, ${members#* } |"
