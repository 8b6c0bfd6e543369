#!/usr/bin/env bash
# peer-memory.sh: resident memory per Kadence peer, separate processes (default and --lean) and
# all peers in one JVM (docs/BENCHMARKS.md, "Memory per peer, and a lean peer").
#
#   bench/peer-memory.sh                          # every mode at N = 16 and 64 (default mode: 16 only)
#   bench/peer-memory.sh --peers 16 --modes lean,one-jvm
#   bench/peer-memory.sh --out DIR                # default bench/results/memory-<date>
#
# Modes: default (local-net, -Xmx256m per peer), lean (local-net --lean), one-jvm
# (local-net --one-jvm --lean, in a JVM with KADENCE_ONE_JVM_OPTS, default
# "-XX:+UseSerialGC -Xmx3g"). For each: start the network, wait until every peer serves and
# sees all members, measure RSS idle, run a light load (200 puts and 200 gets, 8 in flight)
# and measure again. The default mode is skipped at 64 unless asked for by --modes (64 JVMs of
# -Xmx256m may need 20 GB). Heavy: run it under `flock /tmp/kadence-heavy.lock` on a shared machine.
set -euo pipefail

root="$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
kadence="$root/bin/kadence"
. "$root/bench/local-net.sh"
helper="$root/bench/compare_opendht.py"
sizes="16 64"
modes=""
out=""
base=22000

die() { echo "peer-memory: $*" >&2; exit 1; }
while [ $# -gt 0 ]; do
  case "$1" in
    --peers) [ $# -ge 2 ] || die "--peers needs a value"; sizes="${2//,/ }"; shift 2 ;;
    --modes) [ $# -ge 2 ] || die "--modes needs a value"; modes="${2//,/ }"; shift 2 ;;
    --out) [ $# -ge 2 ] || die "--out needs a directory"; out="$2"; shift 2 ;;
    -h|--help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option $1 (see --help)" ;;
  esac
done
for m in $modes; do case "$m" in default|lean|one-jvm) ;; *) die "unknown mode '$m'" ;; esac; done
for n in $sizes; do
  [[ "$n" =~ ^[0-9]+$ ]] && [ "$n" -ge 1 ] && [ "$n" -le 80 ] || die "--peers: N must be 1..80, got '$n'"
done

"$kadence" --version > /dev/null || die "building Kadence failed"
out="${out:-$root/bench/results/memory-$(date -u +%Y%m%d-%H%M)}"
mkdir -p "$out"
work="$(mktemp -d /tmp/kadence-memory-XXXXXX)"
net_pid=""
stop_net() {
  stop_local_net "$net_pid" 90
  net_pid=""
}
trap 'stop_net; rm -rf "$work"' EXIT
trap 'exit 130' INT TERM

# Total RSS (KiB) of the distinct processes serving these URLs, and how many there are.
rss_of() {
  python3 - "$@" <<'PY'
import json, sys, urllib.request
pids = set()
for url in sys.argv[1:]:
    with urllib.request.urlopen(url + "/v1/node", timeout=5) as r:
        pids.add(json.load(r)["process"]["pid"])
total = 0
for pid in pids:
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                total += int(line.split()[1])
print(total, len(pids))
PY
}

echo '{"runs": [' > "$out/memory.json"
first=1
{
  echo "Started $(date -u +%Y-%m-%dT%H:%M) UTC; load average before: $(uptime | sed 's/.*load average: //')"
  echo
  echo "| N | mode | processes | RSS MiB/peer idle | RSS MiB/peer after load | total RSS MiB after load | load: puts ok | gets ok |"
  echo "|---|---|---|---|---|---|---|---|"
} > "$out/memory.md"
for n in $sizes; do
  for mode in ${modes:-default lean one-jvm}; do
    if [ -z "$modes" ] && [ "$mode" = default ] && [ "$n" -gt 32 ]; then continue; fi
    dir="$work/$mode-$n"
    flags=()
    opts="${KADENCE_JAVA_OPTS:-}"
    case "$mode" in
      lean) flags=(--lean) ;;
      one-jvm) flags=(--one-jvm --lean); opts="${KADENCE_ONE_JVM_OPTS:--XX:+UseSerialGC -Xmx3g}" ;;
    esac
    echo "$mode, $n peers: starting" >&2
    KADENCE_JAVA_OPTS="$opts" "$kadence" local-net "$n" --no-shell --dir "$dir" \
      --base-port "$base" "${flags[@]}" > "$work/$mode-$n.log" 2>&1 &
    net_pid=$!
    waited=0
    until grep -q '^serving; Ctrl-C' "$work/$mode-$n.log"; do
      kill -0 "$net_pid" 2> /dev/null \
        || { grep -v '^\s' "$work/$mode-$n.log" | tail -5 >&2; die "local-net failed (above)"; }
      [ "$waited" -lt $((90 + 10 * n)) ] || die "local-net $n did not serve in time"
      sleep 1; waited=$((waited + 1))
    done
    urls=()
    for ((i = 0; i < n; i++)); do urls+=("http://127.0.0.1:$((base + 80 + i))"); done
    python3 "$helper" wait-kadence "$n" 180 "${urls[@]}" || die "the network did not form"
    sleep 10
    read -r idle procs < <(rss_of "${urls[@]}")
    "$kadence" bench --local-net "$dir" --keys 200 --phase put:inflight=8 --phase get:inflight=8 \
      --seed 7 --json --no-progress > "$work/bench.json"
    read -r loaded _ < <(rss_of "${urls[@]}")
    read -r puts gets < <(python3 -c 'import json,sys; p=json.load(open(sys.argv[1]))["phases"]; print(p[0]["ok"], p[1]["ok"])' "$work/bench.json")
    [ "$first" = 1 ] || echo "," >> "$out/memory.json"
    first=0
    printf '{"peers": %d, "mode": "%s", "processes": %d, "rssKiBIdle": %d, "rssKiBLoaded": %d, "putsOk": %d, "getsOk": %d, "javaOpts": "%s"}\n' \
      "$n" "$mode" "$procs" "$idle" "$loaded" "$puts" "$gets" "$opts" >> "$out/memory.json"
    awk -v n="$n" -v m="$mode" -v p="$procs" -v i="$idle" -v l="$loaded" -v pu="$puts" -v g="$gets" \
      'BEGIN { printf "| %d | %s | %d | %.0f | %.0f | %.0f | %d/200 | %d/200 |\n", n, m, p, i/1024/n, l/1024/n, l/1024, pu, g }' \
      >> "$out/memory.md"
    stop_net
  done
done
echo ']}' >> "$out/memory.json"
echo "" >> "$out/memory.md"
echo "Finished $(date -u +%Y-%m-%dT%H:%M) UTC; load average after: $(uptime | sed 's/.*load average: //')" >> "$out/memory.md"
cat "$out/memory.md"
echo "results in $out" >&2
