#!/usr/bin/env python3
"""Where the copies of some keys are in a kept local network (docs/BENCHMARKS.md, "A false
not-found at 64").

For each key: the peers closest to it by XOR distance (its replica set and next), marked K if
bench/compare-opendht.sh's kill phase killed them (every fourth peer from peer 3) and * if
their journal holds the key, then every peer whose journal holds it, with its rank. A peer's
node id is read from the first line of its node.log that names it; "holds" means the key's
32-byte id (SHA-256 of the key string) occurs in the peer's H2 journal file (events and
snapshots), a byte search: it may still find a copy deleted since (events are deleted after a
snapshot, and H2 reuses their pages lazily), but never a key the peer never stored. Standard
library only; run it on a directory kept with KADENCE_COMPARE_KEEP=1, peers stopped or not.

    bench/key_copies.py /tmp/kadence-compare-XXXX/kadence-64 bench-6e3ab66c-503
    bench/key_copies.py DIR --closest 10 KEY [KEY ...]
"""
import argparse
import hashlib
import os
import re
import sys

NODE_LINE = re.compile(r"node\s+([0-9a-f]{64})\b")


def node_id(peer_dir):
    try:
        with open(os.path.join(peer_dir, "node.log"), errors="replace") as log:
            for line in log:
                match = NODE_LINE.match(line)
                if match:
                    return int(match.group(1), 16)
    except FileNotFoundError:
        pass
    return None


def journal(peer_dir):
    data = b""
    for name in sorted(os.listdir(peer_dir)):
        if name.endswith(".db"):
            with open(os.path.join(peer_dir, name), "rb") as f:
                data += f.read()
    return data


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dir", help="a local-net directory: peer-0, peer-1, ...")
    parser.add_argument("keys", nargs="+", help="key strings, as kadence bench names them")
    parser.add_argument("--closest", type=int, default=8, help="closest peers to list")
    args = parser.parse_args()
    if not os.path.isdir(args.dir):
        parser.error(f"no such directory: {args.dir}")
    peers = {}
    blobs = {}
    for name in os.listdir(args.dir):
        match = re.fullmatch(r"peer-(\d+)", name)
        if not match:
            continue
        index = int(match.group(1))
        ident = node_id(os.path.join(args.dir, name))
        if ident is None:
            print(f"{name}: no node id in its node.log, left out", file=sys.stderr)
            continue
        peers[index] = ident
        blobs[index] = journal(os.path.join(args.dir, name))
    if not peers:
        parser.error(f"no peer-N directory with a node.log naming its node in {args.dir}")

    def mark(index, holders):
        return f"{index}{'K' if index % 4 == 3 else ''}{'*' if index in holders else ''}"

    for key in args.keys:
        digest = hashlib.sha256(key.encode()).digest()
        target = int.from_bytes(digest, "big")
        order = sorted(peers, key=lambda i: peers[i] ^ target)
        holders = {i for i in peers if digest in blobs[i]}
        print(f"{key} (id {digest.hex()[:8]}): {len(holders)} journals hold it")
        print("  closest:", " ".join(mark(i, holders) for i in order[:args.closest]))
        print("  holders:", " ".join(f"{mark(i, ())}(rank {order.index(i)})"
                                     for i in sorted(holders, key=order.index)) or "none")


if __name__ == "__main__":
    main()
