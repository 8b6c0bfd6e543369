#!/usr/bin/env python3
"""Signed calls of a local Kadence network, by type, every 30 s, until interrupted.

    python3 bench/stats_by_type.py N [HTTP_PORT0]     # peers' HTTP API at HTTP_PORT0 + i

For each interval it sums, over the peers that answered, how many calls they made by request
type (call.FindNode, call.Store, call.Ping, ...), how many failed by reason (fail.TIMEOUT),
how many requests they dropped by reason (rej.STALE, ...) and the signed envelopes they sent,
from GET /v1/stats; and shows how many peers answered, how many members peer 0 sees and how
many of them it finds unreachable, and the load average. bench/compare-opendht.sh's peers
serve HTTP from 21080 (its default HTTP_PORT0). Standard library only.
"""
import json
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from compare_opendht import fetch_json  # noqa: E402 (a sibling script, not a package)


def fetch(url):
    """The JSON at url, or None if the peer does not answer with JSON."""
    try:
        return fetch_json(url, timeout=5)
    except (OSError, ValueError):
        return None


def flat(messages):
    counts = {"sent": messages["requestsSent"] + messages["repliesSent"]}
    for prefix, field in (("call.", "outboundCalls"), ("fail.", "outboundFailures"),
                          ("rej.", "inboundRejections")):
        for name, value in messages[field].items():
            counts[prefix + name] = value
    return counts


def main(argv):
    if len(argv) < 2 or not argv[1].isdigit():
        print(__doc__.strip(), file=sys.stderr)
        return 2
    n, base = int(argv[1]), int(argv[2]) if len(argv) > 2 else 21080
    previous = {}
    while True:
        delta, up = {}, 0
        for i in range(n):
            stats = fetch(f"http://127.0.0.1:{base + i}/v1/stats")
            if not stats:
                previous.pop(i, None)
                continue
            up += 1
            now = flat(stats["messages"])
            if i in previous:
                for key, value in now.items():
                    change = value - previous[i].get(key, 0)
                    if change:
                        delta[key] = delta.get(key, 0) + change
            previous[i] = now
        members = fetch(f"http://127.0.0.1:{base}/v1/members")
        unreachable = sum(1 for m in members["members"] if not m["reachable"]) if members else -1
        count = len(members["members"]) if members else -1
        load = open("/proc/loadavg").read().split()[0]
        print(time.strftime("%H:%M:%S"), f"up={up} members={count} unreach0={unreachable} "
              f"load={load}", json.dumps(delta), flush=True)
        time.sleep(30)


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv))
    except KeyboardInterrupt:
        sys.exit(0)
