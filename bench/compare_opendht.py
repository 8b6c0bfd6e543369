#!/usr/bin/env python3
"""Helpers of bench/compare-opendht.sh (Python 3 standard library only).

  wait-kadence N TIMEOUT URL...   until every Kadence peer is SERVING and sees N cluster members
  wait-opendht N TIMEOUT URL...   until every dhtnode has a good contact and the first knows all
  kadence-pids URL...             the process id of each Kadence peer, comma-separated
  meta FILE STARTED LOAD_BEFORE LOAD_AFTER KADENCE_PEERS KEYS [NOTES]   the run's meta.json
  table DIR                       the markdown table of the JSON results in DIR

The table and the goals are computed from the `kadence bench --json` files the script wrote:
<system>-<N>.json (the five phases) and <system>-<N>-after-kill.json (gets after kill -9).
"""
import json
import os
import subprocess
import sys
import time
import urllib.request

# kadence bench counts a killed OpenDHT node's UDP too; nothing else is special-cased here.
PHASE_LABELS = [
    ("put", 1, "put, 1 in flight"),
    ("get", 1, "get, 1 in flight"),
    ("get", 16, "get, 16 in flight"),
    ("get", 64, "get, 64 in flight"),
    ("put-new", 64, "put new keys, 64 in flight"),
]


def fetch_json(url, timeout=3.0):
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return json.loads(response.read().decode("utf-8"))


def wait(ready, what, timeout):
    """Polls ready() (returns (bool, status)) every second until true or timeout seconds pass."""
    deadline = time.monotonic() + timeout
    status = "not asked yet"
    while time.monotonic() < deadline:
        try:
            ok, status = ready()
        except (OSError, ValueError) as e:
            ok, status = False, str(e)
        if ok:
            print(f"{what}: {status}", file=sys.stderr)
            return 0
        time.sleep(1)
    print(f"error: {what} not ready after {timeout} s: {status}", file=sys.stderr)
    return 1


def wait_kadence(n, timeout, urls):
    def ready():
        bad = []
        for url in urls:
            info = fetch_json(url + "/v1/node")
            if info.get("state") != "SERVING" or info.get("members") != n \
                    or info.get("unreachable", 0) != 0:
                bad.append(f"{url} {info.get('state')} members={info.get('members')} "
                           f"unreachable={info.get('unreachable')}")
        return not bad, (f"all {len(urls)} serving, {n} members each" if not bad
                         else f"{len(bad)} not ready, e.g. {bad[0]}")
    return wait(ready, f"kadence network of {n}", timeout)


def wait_opendht(n, timeout, urls):
    """Every node has a good contact, and the bootstrap node (urls[0]) has heard of all others.

    An idle OpenDHT network does not fill its tables by itself: its nodes learn one another
    from searches, so a fresh node of a small network knows the bootstrap node and little else
    until traffic starts (observed with 4 nodes: 1 good contact each after 20 s). The first
    phase's puts are its searches.
    """
    def ready():
        infos = [fetch_json(url + "/").get("ipv4", {}) for url in urls]
        goods = [i.get("good", 0) for i in infos]
        first = infos[0].get("good", 0) + infos[0].get("dubious", 0) + infos[0].get("incoming", 0)
        return min(goods) >= 1 and first >= n - 1, f"good IPv4 contacts per node: min " \
            f"{min(goods)}, max {max(goods)}; the bootstrap node knows {first} of {n - 1}"
    return wait(ready, f"opendht network of {n}", timeout)


def kadence_pids(urls):
    """Prints every peer's process id; fails with the first peer that does not answer.

    A peer that is gone before the measured phases (downed while 64 JVMs formed on two cores,
    2026-12-06 09:02 UTC) makes the run meaningless: the caller stops there. Busy peers may
    take seconds to answer (a 3 s timeout failed at 64 peers, 2026-12-05 19:29 UTC): wait
    longer, and try again.
    """
    pids = []
    for u in urls:
        for attempt in range(3):
            try:
                pids.append(str(fetch_json(u + "/v1/node", timeout=30.0)["process"]["pid"]))
                break
            except OSError as e:
                if attempt == 2:
                    print(f"error: peer {u} did not answer: {e}", file=sys.stderr)
                    return 1
    print(",".join(pids))
    return 0


def fmt(value, decimals):
    return "-" if value is None else f"{value:.{decimals}f}"


def load(path):
    if not os.path.exists(path):
        return None
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def find(report, name, inflight):
    if report is None:
        return None
    for phase in report["phases"]:
        if phase["name"] == name and phase["inflight"] == inflight:
            return phase
    return None


def rows_of(directory, system, n):
    main = load(os.path.join(directory, f"{system}-{n}.json"))
    after = load(os.path.join(directory, f"{system}-{n}-after-kill.json"))
    rows = [(label, find(main, name, inflight)) for name, inflight, label in PHASE_LABELS]
    if after is not None and after["phases"]:
        phase = after["phases"][0]
        rows.append((f"get all {phase['ops']} keys after kill -9 of 25%, "
                     f"{phase['inflight']} in flight", phase))
    return [(label, phase) for label, phase in rows if phase is not None]


def table(directory):
    meta = load(os.path.join(directory, "meta.json")) or {}
    sizes = sorted({int(f.split("-")[1].split(".")[0]) for f in os.listdir(directory)
                    if f.endswith(".json") and f.split("-")[0] in ("kadence", "opendht")
                    and f.split("-")[1].split(".")[0].isdigit()})
    out = []
    if meta:
        out.append(f"Run {meta.get('started')} to {meta.get('finished')} UTC on {meta.get('machine')}; "
                   f"load average before: {meta.get('uptime_before')}; after: {meta.get('uptime_after')}.")
        out.append(f"Kadence peers: {meta.get('kadence_peers')}. OpenDHT: {meta.get('opendht')}.")
        if meta.get("notes"):
            out.append(f"Notes: {meta.get('notes')}")
        out.append("")
    out.append("| N | system | phase | success % | lost | p50 ms | p95 ms | p99 ms | ops/s "
               "| msgs/op | CPU s | RSS MB/peer |")
    out.append("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for n in sizes:
        for system in ("kadence", "opendht"):
            for label, p in rows_of(directory, system, n):
                success = None if p["successRate"] is None else p["successRate"] * 100
                out.append(f"| {n} | {system} | {label} | {fmt(success, 1)} | {p['lost']} "
                           f"| {fmt(p['p50Ms'], 1)} | {fmt(p['p95Ms'], 1)} | {fmt(p['p99Ms'], 1)} "
                           f"| {fmt(p['opsPerSec'], 1)} | {fmt(p['messagesPerOp'], 1)} "
                           f"| {fmt(p['peerCpuSeconds'], 1)} | {fmt(p['rssMbPerPeer'], 0)} |")
    out.append("")
    out.append("msgs/op: Kadence, signed envelopes the peers sent (requests + replies) per "
               "operation; OpenDHT, UDP datagrams the machine sent per operation. CPU s: user + "
               "system seconds of all peer processes during the phase.")
    out.append("")
    out.extend(goals(directory, sizes))
    print("\n".join(out))
    return 0


def goals(directory, sizes):
    out = ["| N | goal | Kadence | OpenDHT | met |", "|---|---|---|---|---|"]
    for n in sizes:
        kr = rows_of(directory, "kadence", n)
        orr = rows_of(directory, "opendht", n)
        if not kr or not orr:
            continue

        def val(rows, label, field):
            for lab, p in rows:
                if lab == label:
                    return p[field]
            return None

        kp50, op50 = val(kr, "get, 1 in flight", "p50Ms"), val(orr, "get, 1 in flight", "p50Ms")
        kops, oops = (val(kr, "get, 64 in flight", "opsPerSec"),
                      val(orr, "get, 64 in flight", "opsPerSec"))
        kmsg, omsg = (val(kr, "get, 1 in flight", "messagesPerOp"),
                      val(orr, "get, 1 in flight", "messagesPerOp"))
        out.append(row(n, "get p50, 1 in flight, no higher than OpenDHT's (ms)", kp50, op50,
                       kp50 is not None and op50 is not None and kp50 <= op50))
        out.append(row(n, "gets/s, 64 in flight, at least 2x OpenDHT's", kops, oops,
                       kops is not None and oops is not None and kops >= 2 * oops))
        out.append(row(n, "msgs per get (1 in flight) at most 1/4 of OpenDHT's", kmsg, omsg,
                       kmsg is not None and omsg is not None and kmsg <= omsg / 4))
        ka, oa = kr[-1][1], orr[-1][1]
        if kr[-1][0].startswith("get all"):
            out.append(row(n, "after kill -9 of 25%: success %, lost",
                           f"{fmt(ka['successRate'] * 100, 1)} %, {ka['lost']} lost",
                           f"{fmt(oa['successRate'] * 100, 1)} %, {oa['lost']} lost",
                           ka["successRate"] == 1.0 and ka["lost"] == 0))
    return out


def row(n, goal, kadence, opendht, met):
    def show(v):
        return fmt(v, 1) if isinstance(v, (int, float)) else str(v)
    return f"| {n} | {goal} | {show(kadence)} | {show(opendht)} | {'yes' if met else 'no'} |"


def sh(command):
    try:
        return subprocess.run(command, shell=True, capture_output=True, text=True).stdout.strip()
    except OSError:
        return ""


def meta(path, started, load_before, load_after, kadence_peers, keys, notes=""):
    cpu = sh("grep -m1 'model name' /proc/cpuinfo | cut -d: -f2")
    memory = sh("free -g | awk '/^Mem:/{print $2}'")
    info = {
        "started": started, "finished": time.strftime("%Y-%m-%dT%H:%M", time.gmtime()),
        "machine": f"{os.cpu_count()} cores ({cpu}), {memory} GiB, "
                   + sh("java -version 2>&1 | grep -v '^Picked up' | head -1"),
        "uptime_before": load_before, "uptime_after": load_after,
        # Options given to every JVM the run started (an experiment's settings, for one).
        "kadence_peers": kadence_peers + (f" (JAVA_TOOL_OPTIONS: {extra})"
                                          if (extra := os.environ.get("JAVA_TOOL_OPTIONS"))
                                          else ""),
        "opendht": sh("dpkg-query -W -f='dhtnode ${Version}' dhtnode")
                   + ", dhtnode -s -n 77 -p PORT [-b 127.0.0.1:PORT0] --proxyserver PORT+80",
        "keys": int(keys),
        "notes": notes,
    }
    with open(path, "w", encoding="utf-8") as f:
        json.dump(info, f, indent=1)
    return 0


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    cmd, args = argv[1], argv[2:]
    if cmd == "wait-kadence":
        return wait_kadence(int(args[0]), float(args[1]), args[2:])
    if cmd == "wait-opendht":
        return wait_opendht(int(args[0]), float(args[1]), args[2:])
    if cmd == "kadence-pids":
        return kadence_pids(args)
    if cmd == "meta":
        return meta(*args)
    if cmd == "table":
        return table(args[0])
    print(f"unknown command {cmd}\n{__doc__}", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
