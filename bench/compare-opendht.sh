#!/usr/bin/env bash
# compare-opendht.sh: the same workload on a local Kadence network and a local OpenDHT network,
# one table (docs/BENCHMARKS.md, "Kadence and OpenDHT side by side").
#
#   bench/compare-opendht.sh                      # N = 16 and 64, both systems
#   bench/compare-opendht.sh --peers 16           # one size
#   bench/compare-opendht.sh --only opendht       # one system
#   bench/compare-opendht.sh --quick              # 100 keys, N = 16: a check that it all works
#   bench/compare-opendht.sh --lean on|off|auto   # Kadence peers lean (default on; auto: when N > 32)
#   bench/compare-opendht.sh --one-jvm            # Kadence peers all in one JVM (no kill -9 phase)
#   bench/compare-opendht.sh --out DIR            # results dir (default bench/results/compare-<date>)
#   bench/compare-opendht.sh --warmup K           # K warm-up puts and gets first (default 5000,
#                                                 # --quick 200; 0: none)
#
# Installs what it needs (dhtnode and python3-opendht with apt-get, as root or through sudo;
# Kadence is built by bin/kadence, as the README says). For each N: every peer its own process
# on 127.0.0.1; 500 keys of 64-byte values put with 1 in flight; gets with 1, 16, 64 in flight,
# each through a peer that did not take the put; puts of 500 new keys with 64 in flight; then
# kill -9 of every fourth peer (25%) and gets of all 1,000 keys through the survivors. Before the
# measured phases, both systems get the same unmeasured warm-up (--warmup puts at 4 in flight and
# as many gets at 16, other keys), so that a JVM's JIT has compiled the paths it measures.
# Writes <out>/table.md and the raw `kadence bench --json` of every run; the peers' data dirs
# and keys stay in a temporary directory that is deleted at the end. Needs the machine to
# itself (OpenDHT's messages are counted as this machine's UDP datagrams): run it under
# `flock /tmp/kadence-heavy.lock` where others share the machine.
set -euo pipefail

root="$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
kadence="$root/bin/kadence"
helper="$root/bench/compare_opendht.py"

sizes=""
quick=0
one_jvm=0
only=""
keys=500
# Lean peers: local-net's settings for many peers on one machine, faster than default peers at
# N = 16 too (docs/BENCHMARKS.md, "N = 16 with lean peers").
lean=on
out=""
warmup=""
base=21000

usage() { sed -n '2,25p' "$0" | sed 's/^# \{0,1\}//'; }
die() { echo "compare-opendht: $*" >&2; exit 1; }

while [ $# -gt 0 ]; do
  case "$1" in
    --peers) [ $# -ge 2 ] || die "--peers needs a value"; sizes="${2//,/ }"; shift 2 ;;
    --only) [ $# -ge 2 ] || die "--only needs kadence or opendht"; only="$2"; shift 2 ;;
    --quick) quick=1; shift ;;
    --keys) [ $# -ge 2 ] || die "--keys needs a value"; keys="$2"; shift 2 ;;
    --one-jvm) one_jvm=1; shift ;;
    --lean) [ $# -ge 2 ] || die "--lean needs on, off or auto"; lean="$2"; shift 2 ;;
    --out) [ $# -ge 2 ] || die "--out needs a directory"; out="$2"; shift 2 ;;
    --warmup) [ $# -ge 2 ] || die "--warmup needs a count"; warmup="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) die "unknown option $1 (see --help)" ;;
  esac
done
if [ "$quick" = 1 ]; then keys=100; sizes="${sizes:-16}"; fi
# A peer's JIT needs minutes of load before a get costs what it will (docs/BENCHMARKS.md, "Where a
# get's time goes on five warm peers"); with N peers sharing the load, each sees 1/N of it.
if [ -z "$warmup" ]; then if [ "$quick" = 1 ]; then warmup=200; else warmup=5000; fi; fi
sizes="${sizes:-16 64}"
case "$only" in ""|kadence|opendht) ;; *) die "--only must be kadence or opendht, got '$only'" ;; esac
case "$lean" in on|off|auto) ;; *) die "--lean must be on, off or auto, got '$lean'" ;; esac
for n in $sizes; do
  [[ "$n" =~ ^[0-9]+$ ]] && [ "$n" -ge 4 ] && [ "$n" -le 80 ] || die "--peers: N must be 4..80, got '$n'"
done
[[ "$keys" =~ ^[0-9]+$ ]] && [ "$keys" -ge 1 ] || die "--keys must be a positive number"
[[ "$warmup" =~ ^[0-9]+$ ]] || die "--warmup must be a number (0: none)"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

install_deps() {
  for tool in python3 curl java; do
    command -v "$tool" > /dev/null || die "$tool is needed (and Maven 3.8+ to build Kadence)"
  done
  if [ "$only" != kadence ] && ! command -v dhtnode > /dev/null; then
    echo "installing dhtnode and python3-opendht with apt-get" >&2
    as_root apt-get install -y dhtnode python3-opendht > /dev/null \
      || { as_root apt-get update > /dev/null && as_root apt-get install -y dhtnode python3-opendht > /dev/null; } \
      || die "apt-get could not install dhtnode"
  fi
  if [ "$only" != opendht ]; then
    "$kadence" --version > /dev/null || die "building Kadence failed"
  fi
}

work="$(mktemp -d /tmp/kadence-compare-XXXXXX)"
started_pids=()
localnet_pid=""
cleanup() {
  if [ -n "$localnet_pid" ] && kill -0 "$localnet_pid" 2> /dev/null; then
    kill -TERM "$localnet_pid" 2> /dev/null || true
    for _ in $(seq 1 90); do kill -0 "$localnet_pid" 2> /dev/null || break; sleep 1; done
    kill -9 "$localnet_pid" 2> /dev/null || true
  fi
  local pid
  for pid in "${started_pids[@]}"; do kill -TERM "$pid" 2> /dev/null || true; done
  for pid in "${started_pids[@]}"; do
    for _ in $(seq 1 20); do kill -0 "$pid" 2> /dev/null || break; sleep 0.5; done
    kill -9 "$pid" 2> /dev/null || true
  done
  started_pids=()
  localnet_pid=""
}
trap 'cleanup; [ "${KADENCE_COMPARE_KEEP:-0}" = 1 ] || rm -rf "$work"' EXIT
trap 'exit 130' INT TERM

# warm_up OUT ARGS...: the unmeasured warm-up through `kadence bench ARGS`, its own keys and
# state file (never read again), its JSON kept in OUT for the record.
warm_up() {
  local file="$1"; shift
  [ "$warmup" -gt 0 ] || return 0
  echo "warm-up: $warmup puts and $warmup gets" >&2
  "$kadence" bench "$@" --keys "$warmup" --phase put:inflight=4 \
    --phase "get:inflight=16,count=$warmup" --seed 7 --state "$work/warmup-$RANDOM.state" \
    --json --no-progress > "$file"
}

phases=(--phase put:inflight=1 --phase get:inflight=1 --phase get:inflight=16
        --phase get:inflight=64 --phase put-new:inflight=64)

# Every fourth peer, from peer 3: 25% of the network, spread over it, never peer 0.
victims() { local n="$1" i; for ((i = 3; i < n; i += 4)); do echo "$i"; done; }
is_victim() { local i="$1"; [ $((i % 4)) = 3 ]; }

run_kadence() {
  local n="$1" dir="$work/kadence-$n" flags=() urls=() survivors=() i
  if [ "$lean" = on ] || { [ "$lean" = auto ] && [ "$n" -gt 32 ]; }; then flags=(--lean); fi
  local opts="${KADENCE_JAVA_OPTS:-}"
  if [ "$one_jvm" = 1 ]; then flags=(--one-jvm --lean); opts="-XX:+UseSerialGC -Xmx3g"; fi
  echo "kadence, $n peers ${flags[*]:-(default JVM flags)}: starting (log $work/kadence-$n.log)" >&2
  KADENCE_JAVA_OPTS="$opts" "$kadence" local-net "$n" --no-shell --dir "$dir" --base-port "$base" "${flags[@]}" \
    > "$work/kadence-$n.log" 2>&1 &
  localnet_pid=$!
  local bound=$((60 + 10 * n + 30)) waited=0
  # A network that does not start is a result too: said in the table's notes, and the run
  # goes on with the other system and sizes.
  until grep -q '^serving; Ctrl-C' "$work/kadence-$n.log"; do
    if ! kill -0 "$localnet_pid" 2> /dev/null || [ "$waited" -ge "$bound" ]; then
      local why
      why="$(grep '^error:' "$work/kadence-$n.log" | tail -1)"
      [ -n "$why" ] || why="did not serve in $bound s"
      echo "kadence local-net $n failed: $why" >&2
      notes+="Kadence N=$n: the network did not start, so no rows (${why}). "
      cp "$work/kadence-$n.log" "$out/kadence-$n-local-net.log"
      cleanup
      return 0
    fi
    sleep 1; waited=$((waited + 1))
  done
  kadence_peers+="local-net $n ${flags[*]:-(default JVM flags)}; "
  for ((i = 0; i < n; i++)); do urls+=("http://127.0.0.1:$((base + 80 + i))"); done
  # Measured even if not every peer sees every other in time: said in the table's notes.
  python3 "$helper" wait-kadence "$n" $((60 + 2 * n)) "${urls[@]}" 2> >(tee -a "$work/wait.txt" >&2) \
    || notes+="Kadence N=$n: not fully formed when measured ($(tail -1 "$work/wait.txt")). "
  local pids
  pids="$(python3 "$helper" kadence-pids "${urls[@]}")" \
    || die "a Kadence peer is gone before the measurement (its node.log is in $dir; keep it with KADENCE_COMPARE_KEEP=1)"
  IFS=, read -r -a pid_list <<< "$pids"
  # cleanup stops these too: peers still leaving after local-net is gone keep their ports,
  # and OpenDHT's nodes, started next on the same ports, abort (2026-12-05, 17:52 UTC).
  started_pids+=("${pid_list[@]}")
  warm_up "$out/kadence-$n-warmup.json" --local-net "$dir"
  "$kadence" bench --local-net "$dir" --keys "$keys" "${phases[@]}" --state "$work/kadence-$n.state" \
    --seed 42 --json --no-progress > "$out/kadence-$n.json"
  if [ "$one_jvm" = 1 ]; then
    notes+="Kadence N=$n: all peers in one JVM ($opts), so no kill -9 phase. "
    cp "$work/kadence-$n.log" "$out/kadence-$n-local-net.log"
    cleanup
    return
  fi
  for i in $(victims "$n"); do kill -9 "${pid_list[$i]}"; done
  for ((i = 0; i < n; i++)); do is_victim "$i" || survivors+=("${urls[$i]}"); done
  echo "kadence, $n peers: killed $(victims "$n" | wc -l) peers with kill -9; getting every key" >&2
  "$kadence" bench --peers "$(IFS=,; echo "${survivors[*]}")" --phase get:inflight=16 \
    --state "$work/kadence-$n.state" --json --no-progress > "$out/kadence-$n-after-kill.json"
  cp "$work/kadence-$n.log" "$out/kadence-$n-local-net.log"
  cleanup
}

run_opendht() {
  local n="$1" dir="$work/opendht-$n" urls=() survivors=() pids=() i pid
  mkdir -p "$dir"
  echo "opendht, $n dhtnode processes: starting" >&2
  for ((i = 0; i < n; i++)); do
    local boot=()
    [ "$i" = 0 ] || boot=(-b "127.0.0.1:$base")
    dhtnode -s -n 77 -p "$((base + i))" "${boot[@]}" --proxyserver "$((base + 80 + i))" \
      > "$dir/node-$i.log" 2>&1 < /dev/null &
    pid=$!
    started_pids+=("$pid"); pids+=("$pid")
    urls+=("http://127.0.0.1:$((base + 80 + i))")
    [ "$i" = 0 ] && sleep 1
  done
  python3 "$helper" wait-opendht "$n" $((60 + 2 * n)) "${urls[@]}" 2> >(tee -a "$work/wait.txt" >&2) \
    || notes+="OpenDHT N=$n: not fully formed when measured ($(tail -1 "$work/wait.txt")). "
  warm_up "$out/opendht-$n-warmup.json" --system opendht --peers "$(IFS=,; echo "${urls[*]}")"
  "$kadence" bench --system opendht --peers "$(IFS=,; echo "${urls[*]}")" \
    --pids "$(IFS=,; echo "${pids[*]}")" --keys "$keys" "${phases[@]}" \
    --state "$work/opendht-$n.state" --seed 42 --json --no-progress > "$out/opendht-$n.json"
  local live=()
  for i in $(victims "$n"); do kill -9 "${pids[$i]}"; done
  for ((i = 0; i < n; i++)); do
    is_victim "$i" || { survivors+=("${urls[$i]}"); live+=("${pids[$i]}"); }
  done
  echo "opendht, $n nodes: killed $(victims "$n" | wc -l) with kill -9; getting every key" >&2
  "$kadence" bench --system opendht --peers "$(IFS=,; echo "${survivors[*]}")" \
    --pids "$(IFS=,; echo "${live[*]}")" --phase get:inflight=16 \
    --state "$work/opendht-$n.state" --json --no-progress > "$out/opendht-$n-after-kill.json"
  cleanup
}

install_deps
out="${out:-$root/bench/results/compare-$(date -u +%Y%m%d-%H%M)}"
mkdir -p "$out"
uptime_before="$(uptime)"
started="$(date -u +%Y-%m-%dT%H:%M)"
kadence_peers=""
notes=""
[ "$warmup" -gt 0 ] && notes+="Both systems were warmed up first, unmeasured: $warmup puts at 4 in flight and $warmup gets at 16, on other keys. "
for n in $sizes; do
  [ "$only" = opendht ] || run_kadence "$n"
  [ "$only" = kadence ] || run_opendht "$n"
done
uptime_after="$(uptime)"
python3 "$helper" meta "$out/meta.json" "$started" "${uptime_before##*load average: }" \
  "${uptime_after##*load average: }" "${kadence_peers%; }" "$keys" "${notes% }"
python3 "$helper" table "$out" | tee "$out/table.md"
echo "results in $out" >&2
