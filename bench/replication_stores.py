#!/usr/bin/env python3
"""How many STOREs the replicators of a kept local network sent, and when (docs/BENCHMARKS.md,
"Two senders per new copy").

Sums the peers' "replication <id>: re-replication of N records: S stores, O ok, F failed"
log lines (one per run of a peer's replicator that sent something) over 10-second buckets of
their wall-clock time, then in all, optionally only between --from and --to (HH:MM:SS, the
logs' own clock). Standard library only; run it on a directory kept with
KADENCE_COMPARE_KEEP=1 (bench/compare-opendht.sh), peers stopped or not. Republish and
hand-off runs are left out: a local network stops before its first republish (1 h), and the
peers' own shutdown at the end of a run logs hand-offs.

    bench/replication_stores.py /tmp/kadence-compare-XXXX/kadence-64
    bench/replication_stores.py DIR --from 23:29:38 --to 23:31:00
"""
import argparse
import collections
import glob
import os
import re

LINE = re.compile(r"(\d\d:\d\d:\d\d)\.\d+ .*replication \w+: re-replication of \d+ records: "
                  r"(\d+) stores, (\d+) ok, (\d+) failed")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dir", help="the kept network's directory (peer-0, peer-1, ...)")
    parser.add_argument("--from", dest="start", default="00:00:00", help="HH:MM:SS, inclusive")
    parser.add_argument("--to", dest="end", default="99:99:99", help="HH:MM:SS, exclusive")
    args = parser.parse_args()
    buckets = collections.defaultdict(lambda: [0, 0, 0, 0])
    logs = glob.glob(os.path.join(args.dir, "peer-*", "node.log"))
    if not logs:
        parser.error(f"no peer-*/node.log under {args.dir}")
    for path in logs:
        with open(path, errors="replace") as log:
            for line in log:
                match = LINE.match(line)
                if match and args.start <= match.group(1) < args.end:
                    bucket = buckets[match.group(1)[:7] + "0"]
                    bucket[0] += 1
                    for i in range(3):
                        bucket[i + 1] += int(match.group(i + 2))
    total = [0, 0, 0, 0]
    print("from      runs  stores      ok  failed")
    for start in sorted(buckets):
        row = buckets[start]
        total = [a + b for a, b in zip(total, row)]
        print(f"{start}  {row[0]:4d}  {row[1]:6d}  {row[2]:6d}  {row[3]:6d}")
    print(f"all       {total[0]:4d}  {total[1]:6d}  {total[2]:6d}  {total[3]:6d}")


if __name__ == "__main__":
    main()
